//! `dhow-prerender`: after `trunk build`, renders every catalog page of every market of the
//! store (home, collections, products, the search page's shell, the not-found page, and shells
//! of the per-shopper pages) to static HTML in the built site, with the same components the
//! browser runs, reading the catalog through the same `Backend` as the storefront. Writes
//! `sitemap.xml` and `robots.txt` beside them.
//!
//! ```sh
//! dhow-prerender [--dist dist] [--config dist/dhow.json] [--site-url https://goods.example]
//! ```

mod pages;
mod site;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Command-line options.
struct Options {
    /// The built site: read (its shell page, the local catalog) and written.
    dist: PathBuf,
    /// The store configuration (`${NAME}` placeholders are filled from the environment).
    config: PathBuf,
    /// Overrides the configuration's `url` for absolute links.
    site_url: Option<String>,
}

fn parse_options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut dist = PathBuf::from("dist");
    let mut config = None;
    let mut site_url = None;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--dist" => dist = PathBuf::from(value()?),
            "--config" => config = Some(PathBuf::from(value()?)),
            "--site-url" => site_url = Some(value()?),
            "-h" | "--help" => {
                return Err(
                    "usage: dhow-prerender [--dist DIR] [--config FILE] [--site-url URL]".into(),
                );
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let config = config.unwrap_or_else(|| dist.join("dhow.json"));
    Ok(Options {
        dist,
        config,
        site_url,
    })
}

fn main() -> ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("dhow-prerender: {message}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("dhow-prerender: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(site::prerender(&options)) {
        Ok(summary) => {
            println!(
                "prerendered {} pages ({} catalog pages, {} markets) into {} in {:.2} s{}",
                summary.pages,
                summary.indexable,
                summary.markets,
                options.dist.display(),
                started.elapsed().as_secs_f64(),
                match summary.removed {
                    0 => String::new(),
                    n => format!("; removed {n} pages no longer in the catalog"),
                }
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("dhow-prerender: {message}");
            ExitCode::FAILURE
        }
    }
}
