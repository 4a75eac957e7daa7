//! `dhow-recommend`: builds a storefront's recommendation files from orders, generates
//! synthetic orders, and benchmarks the build.
//!
//! ```sh
//! dhow-recommend build --orders orders.jsonl [--config public/dhow.json] [--dist public] …
//! dhow-recommend build --local-orders storage.json …
//! dhow-recommend generate --products-from public/dhow.json --orders 20000 --seed 7 --out o.jsonl
//! dhow-recommend bench [--orders 1000000] [--products 10000]
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use dhow_recommend::RecommendError;
use dhow_recommend::build::{BuildOptions, Built, Holdout, build};
use dhow_recommend::catalog;
use dhow_recommend::generate::{Generator, GeneratorOptions, synthetic_catalog};
use dhow_recommend::products::ProductFeatures;
use dhow_recommend::publish::{write_pairs, write_site};
use dhow_recommend::source::local::LocalOrdersSource;
use dhow_recommend::source::{FileFormat, FileSource, OrderSource};
use dhow_recommend::time::{format_rfc3339, parse_rfc3339};

/// Writes a line of the report to standard output, like `println!`, but as a `Result`: a reader
/// that has gone away (`dhow-recommend bench | head -3`) loses the rest of the report while the
/// run still finishes its work (the files it writes); any other failure to write ends the run
/// with an error instead of a panic.
macro_rules! say {
    ($($arg:tt)*) => {
        report_line(format_args!($($arg)*))?
    };
}

fn report_line(line: std::fmt::Arguments<'_>) -> Result<(), String> {
    use std::io::Write;
    match writeln!(std::io::stdout().lock(), "{line}") {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the report: {error}"))
        }
        _ => Ok(()),
    }
}

const USAGE: &str = "usage:
  dhow-recommend build (--orders FILE [--format jsonl|csv] | --local-orders STORAGE.json
      | --medusa URL | --vendure ADMIN-API-URL [--admin-token T, or DHOW_ADMIN_TOKEN])
      [--config FILE [--site DIR]]
      [--dist DIR] [--built-at RFC3339] [--pairs FILE.csv] [--min-support N] [--shrinkage L]
      [--max-order-products N] [--holdout FRACTION | --cutoff RFC3339 | --no-eval] [--skip-bad]
  dhow-recommend generate --products-from (CONFIG | synthetic:N) [--site DIR] --orders N
      --seed S --out FILE [--format jsonl|csv] [--bundles N] [--bundle a,b[,c…]]…
  dhow-recommend bench [--orders 1000000] [--products 10000] [--seed 1]

--site: where files the configuration names are read (default: the configuration's folder).
--local-orders: the local engine's orders, from a browser's storage saved as JSON (in the
  storefront's devtools console: copy(JSON.stringify(localStorage))).";

/// The arguments after the command, as flag → value pairs (flags without value: `--skip-bad`,
/// `--no-eval`).
struct Arguments {
    pairs: Vec<(String, Option<String>)>,
}

impl Arguments {
    fn parse(args: impl Iterator<Item = String>) -> Result<Arguments, String> {
        let mut args = args.peekable();
        let mut pairs = Vec::new();
        while let Some(flag) = args.next() {
            if !flag.starts_with("--") {
                return Err(format!("unexpected argument {flag}"));
            }
            let value = match flag.as_str() {
                "--skip-bad" | "--no-eval" => None,
                _ => Some(args.next().ok_or_else(|| format!("{flag} needs a value"))?),
            };
            pairs.push((flag, value));
        }
        Ok(Arguments { pairs })
    }

    /// The last value of `flag`, if given; marks it as known.
    fn value(&self, flag: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(f, _)| f == flag)
            .and_then(|(_, v)| v.as_deref())
    }

    fn values(&self, flag: &str) -> impl Iterator<Item = &str> {
        self.pairs
            .iter()
            .filter(move |(f, _)| f == flag)
            .filter_map(|(_, v)| v.as_deref())
    }

    fn has(&self, flag: &str) -> bool {
        self.pairs.iter().any(|(f, _)| f == flag)
    }

    fn number<T: std::str::FromStr>(&self, flag: &str, default: T) -> Result<T, String> {
        match self.value(flag) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| format!("{flag}: {v:?} is not a number")),
        }
    }

    /// Refuses flags the command does not know.
    fn only(&self, known: &[&str]) -> Result<(), String> {
        match self
            .pairs
            .iter()
            .find(|(f, _)| !known.contains(&f.as_str()))
        {
            Some((f, _)) => Err(format!("unknown argument {f}")),
            None => Ok(()),
        }
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let result = Arguments::parse(args).and_then(|arguments| match command.as_str() {
        "build" => run_build(&arguments),
        "generate" => run_generate(&arguments),
        "bench" => run_bench(&arguments),
        _ => Err(USAGE.to_owned()),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("dhow-recommend: {message}");
            ExitCode::FAILURE
        }
    }
}

fn text(error: RecommendError) -> String {
    error.to_string()
}

fn format_of(arguments: &Arguments, path: &Path) -> Result<FileFormat, String> {
    match arguments.value("--format") {
        None => Ok(FileFormat::of_path(path)),
        Some("jsonl") => Ok(FileFormat::JsonLines),
        Some("csv") => Ok(FileFormat::Csv),
        Some(other) => Err(format!("--format {other}: jsonl or csv")),
    }
}

/// The catalog named by `--config`/`--products-from`, read under `--site`.
fn load_catalog(arguments: &Arguments, config: &str) -> Result<Vec<ProductFeatures>, String> {
    let config = PathBuf::from(config);
    let site = match arguments.value("--site") {
        Some(site) => PathBuf::from(site),
        None => config.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    let catalog = catalog::load(&config, &site).map_err(text)?;
    for handle in &catalog.skipped {
        eprintln!("dhow-recommend: skipped product handle {handle:?} (not URL-safe)");
    }
    Ok(catalog.products)
}

fn build_options(arguments: &Arguments) -> Result<BuildOptions, String> {
    let mut options = BuildOptions::default();
    options.settings.min_support =
        arguments.number("--min-support", options.settings.min_support)?;
    options.settings.shrinkage = arguments.number("--shrinkage", options.settings.shrinkage)?;
    options.settings.max_order_products =
        arguments.number("--max-order-products", options.settings.max_order_products)?;
    options.skip_bad = arguments.has("--skip-bad");
    options.holdout = if arguments.has("--no-eval") {
        None
    } else if let Some(cutoff) = arguments.value("--cutoff") {
        Some(Holdout::After(parse_rfc3339(cutoff)?))
    } else {
        Some(Holdout::Newest(arguments.number("--holdout", 0.2)?))
    };
    Ok(options)
}

/// Where `build` reads orders: a file (`--orders`), the local engine's orders in an export of
/// a browser's storage (`--local-orders`, see [`dhow_recommend::source::local`]), or a backend's
/// admin API (`--medusa URL`, `--vendure ADMIN-API-URL`) with an admin token from
/// `--admin-token` or, kept out of the process list, the environment variable
/// `DHOW_ADMIN_TOKEN`. The token is never printed.
fn order_source(arguments: &Arguments) -> Result<Box<dyn OrderSource>, String> {
    match (
        arguments.value("--orders"),
        arguments.value("--local-orders"),
        arguments.value("--medusa"),
        arguments.value("--vendure"),
    ) {
        (Some(orders), None, None, None) => {
            let orders = PathBuf::from(orders);
            let format = format_of(arguments, &orders)?;
            Ok(Box::new(FileSource::new(&orders, format)))
        }
        (None, Some(storage), None, None) => Ok(Box::new(LocalOrdersSource::new(storage))),
        #[cfg(feature = "medusa")]
        (None, None, Some(url), None) => Ok(Box::new(
            dhow_recommend::source::medusa::MedusaSource::new(url, &admin_token(arguments)?)
                .map_err(text)?,
        )),
        #[cfg(feature = "vendure")]
        (None, None, None, Some(url)) => Ok(Box::new(
            dhow_recommend::source::vendure::VendureSource::new(url, &admin_token(arguments)?)
                .map_err(text)?,
        )),
        #[cfg(not(feature = "medusa"))]
        (None, None, Some(_), None) => Err(without_feature("medusa")),
        #[cfg(not(feature = "vendure"))]
        (None, None, None, Some(_)) => Err(without_feature("vendure")),
        (None, None, None, None) => Err(
            "build needs --orders FILE, --local-orders FILE, --medusa URL or --vendure URL".into(),
        ),
        _ => Err("give one of --orders, --local-orders, --medusa, --vendure".into()),
    }
}

/// The admin token for a backend's orders: `--admin-token`, else `DHOW_ADMIN_TOKEN`.
#[cfg(any(feature = "medusa", feature = "vendure"))]
fn admin_token(arguments: &Arguments) -> Result<String, String> {
    arguments
        .value("--admin-token")
        .map(str::to_owned)
        .or_else(|| std::env::var("DHOW_ADMIN_TOKEN").ok())
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| {
            "reading a backend's orders needs --admin-token (or DHOW_ADMIN_TOKEN)".into()
        })
}

/// The refusal of a source this build was compiled without.
#[cfg(not(all(feature = "medusa", feature = "vendure")))]
fn without_feature(backend: &str) -> String {
    format!(
        "this build of dhow-recommend cannot read {backend}: build it with `--features {backend}`"
    )
}

fn run_build(arguments: &Arguments) -> Result<(), String> {
    arguments.only(&[
        "--orders",
        "--local-orders",
        "--medusa",
        "--vendure",
        "--admin-token",
        "--format",
        "--config",
        "--site",
        "--dist",
        "--built-at",
        "--pairs",
        "--min-support",
        "--shrinkage",
        "--max-order-products",
        "--holdout",
        "--cutoff",
        "--no-eval",
        "--skip-bad",
    ])?;
    let started = Instant::now();
    let mut source = order_source(arguments)?;
    let options = build_options(arguments)?;
    let built_at = match arguments.value("--built-at") {
        Some(at) => format_rfc3339(parse_rfc3339(at)?),
        None => format_rfc3339(now()),
    };
    let catalog = match arguments.value("--config") {
        Some(config) => Some(load_catalog(arguments, config)?),
        None => None,
    };
    let built = build(source.as_mut(), catalog.as_deref(), &options).map_err(text)?;
    if let Some(pairs) = arguments.value("--pairs") {
        let n = write_pairs(Path::new(pairs), &built, &options.settings).map_err(text)?;
        say!("wrote {n} pairs to {pairs}");
    }
    if let Some(dist) = arguments.value("--dist") {
        let published = write_site(
            Path::new(dist),
            &built,
            &built_at,
            &options.settings.describe(),
        )
        .map_err(text)?;
        say!(
            "wrote {} product files and the index under {dist}/{}{}",
            published.written,
            dhow_sdk::recommend::ROOT,
            match published.removed {
                0 => String::new(),
                n => format!("; removed {n} stale product files"),
            }
        );
    }
    summary(&built, &options, started)?;
    Ok(())
}

fn run_generate(arguments: &Arguments) -> Result<(), String> {
    arguments.only(&[
        "--products-from",
        "--site",
        "--orders",
        "--seed",
        "--out",
        "--format",
        "--bundles",
        "--bundle",
        "--start",
    ])?;
    let from = arguments
        .value("--products-from")
        .ok_or("generate needs --products-from")?;
    let seed = arguments.number("--seed", 1u64)?;
    let catalog = match from.strip_prefix("synthetic:") {
        Some(n) => synthetic_catalog(n.parse().map_err(|_| format!("{from}: synthetic:N"))?, seed),
        None => load_catalog(arguments, from)?,
    };
    let mut options = GeneratorOptions {
        orders: arguments.number("--orders", 10_000u64)?,
        seed,
        ..GeneratorOptions::default()
    };
    if arguments.has("--bundles") {
        options.bundles = Some(arguments.number("--bundles", 0usize)?);
    }
    if let Some(start) = arguments.value("--start") {
        options.start = parse_rfc3339(start)?;
    }
    options.explicit_bundles = arguments
        .values("--bundle")
        .map(|b| b.split(',').map(|h| h.trim().to_owned()).collect())
        .collect();
    let generator = Generator::new(&catalog, options).map_err(text)?;
    let out = PathBuf::from(
        arguments
            .value("--out")
            .ok_or("generate needs --out FILE")?,
    );
    let csv = format_of(arguments, &out)? == FileFormat::Csv;
    let file = std::fs::File::create(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut writer = std::io::BufWriter::new(file);
    let written = generator
        .write(&mut writer, csv)
        .and_then(|n| std::io::Write::flush(&mut writer).map(|()| n))
        .map_err(|e| format!("{}: {e}", out.display()))?;
    say!(
        "wrote {written} orders over {} products to {}",
        catalog.len(),
        out.display()
    );
    for bundle in generator.planted_bundles() {
        say!("planted bundle: {}", bundle.join(" + "));
    }
    Ok(())
}

fn run_bench(arguments: &Arguments) -> Result<(), String> {
    arguments.only(&["--orders", "--products", "--seed"])?;
    let seed = arguments.number("--seed", 1u64)?;
    let products = arguments.number("--products", 10_000usize)?;
    let started = Instant::now();
    let catalog = synthetic_catalog(products, seed);
    let options = GeneratorOptions {
        orders: arguments.number("--orders", 1_000_000u64)?,
        seed,
        ..GeneratorOptions::default()
    };
    let mut generator = Generator::new(&catalog, options).map_err(text)?;
    let planted = generator.planted_bundles();
    let build_options = BuildOptions::default();
    let built = build(&mut generator, Some(&catalog), &build_options).map_err(text)?;
    summary(&built, &build_options, started)?;
    // Planted bundles found: members whose top 3 names every other member (up to 3).
    let (mut found, mut members) = (0, 0);
    for bundle in &planted {
        for member in bundle {
            let Ok(at) = built
                .lists
                .binary_search_by(|l| l.product.as_str().cmp(member))
            else {
                continue;
            };
            let top: Vec<&str> = built.lists[at]
                .bought_together
                .iter()
                .take(3)
                .map(|r| r.product.as_str())
                .collect();
            members += 1;
            if bundle
                .iter()
                .filter(|m| *m != member)
                .all(|m| top.contains(&m.as_str()))
            {
                found += 1;
            }
        }
    }
    say!("planted bundles recovered in the top 3: {found} of {members} members");
    Ok(())
}

fn summary(built: &Built, options: &BuildOptions, started: Instant) -> Result<(), String> {
    let pairs = built.counts.scored_pairs(&options.settings).count();
    say!(
        "orders read: {}; products: {}; pairs seen: {}; pairs kept (support >= {}): {pairs}",
        built.orders,
        built.products.len(),
        built.counts.distinct_pairs(),
        options.settings.min_support
    );
    if built.counts.capped_orders() > 0 {
        say!(
            "orders with more than {} products (no pairs): {}",
            options.settings.max_order_products,
            built.counts.capped_orders()
        );
    }
    if let (n @ 1.., Some(first)) = &built.skipped {
        say!("skipped {n} unreadable lines; the first: {first}");
    }
    if let (n @ 1.., Some(handle)) = &built.unknown {
        say!("ignored {n} order lines of products not in the catalog (e.g. {handle:?})");
    }
    match &built.evaluation {
        Some(e) => say!(
            "holdout after {}: trained on {} orders, judged {} cases in {} held-out orders\n\
             precision@5 {:.4} recall@5 {:.4} (popularity baseline: precision@5 {:.4} recall@5 {:.4})",
            format_rfc3339(e.cutoff),
            e.training_orders,
            e.cases,
            e.held_out_orders,
            e.model.precision,
            e.model.recall,
            e.baseline.precision,
            e.baseline.recall
        ),
        None => say!("no evaluation (no holdout)"),
    }
    say!(
        "time: {:.2} s; peak memory: {}",
        started.elapsed().as_secs_f64(),
        peak_memory().unwrap_or_else(|| "unknown".into())
    );
    Ok(())
}

/// The process's peak resident memory (VmHWM), where the system tells.
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MiB", kb as f64 / 1024.0))
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
