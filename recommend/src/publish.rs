//! Writing the published files ([`dhow_sdk::recommend`]) and the full list of scored pairs.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use dhow_sdk::recommend::{
    FORMAT_VERSION, ProductRecommendations, RecommendationIndex, index_path, product_path,
};

use crate::RecommendError;
use crate::build::Built;
use crate::handle::check_handle;
use crate::together::Settings;

/// What a publication wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// Product files written.
    pub written: usize,
    /// Product files of an earlier build removed (their products are gone).
    pub removed: usize,
}

/// Writes `index.json` and one file per product under `dist` (scores rounded to 4 decimals,
/// compact JSON), and removes product files an earlier build left for products no longer
/// listed.
pub fn write_site(
    dist: &Path,
    built: &Built,
    built_at: &str,
    method: &str,
) -> Result<Published, RecommendError> {
    let folder = dist.join(product_path("x"));
    let folder = folder.parent().unwrap_or(dist).to_path_buf();
    std::fs::create_dir_all(&folder).map_err(|e| RecommendError::io(&folder, e))?;
    let mut written = HashSet::new();
    for list in &built.lists {
        check_handle(&list.product)?;
        let rounded = rounded(list);
        let path = dist.join(product_path(&list.product));
        std::fs::write(&path, serde_json::to_vec(&rounded)?)
            .map_err(|e| RecommendError::io(&path, e))?;
        written.insert(format!("{}.json", list.product));
    }
    let index = RecommendationIndex {
        version: FORMAT_VERSION,
        built_at: built_at.to_owned(),
        orders: built.orders,
        products: built.lists.iter().map(|l| l.product.clone()).collect(),
        method: method.to_owned(),
    };
    let path = dist.join(index_path());
    let mut text = serde_json::to_vec_pretty(&index)?;
    text.push(b'\n');
    std::fs::write(&path, text).map_err(|e| RecommendError::io(&path, e))?;
    let mut removed = 0;
    let entries = std::fs::read_dir(&folder).map_err(|e| RecommendError::io(&folder, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| RecommendError::io(&folder, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // Only files this program writes: `<handle>.json`.
        if name.ends_with(".json") && !written.contains(&name) && entry.path().is_file() {
            std::fs::remove_file(entry.path()).map_err(|e| RecommendError::io(entry.path(), e))?;
            removed += 1;
        }
    }
    Ok(Published {
        written: written.len(),
        removed,
    })
}

/// A list with its scores rounded to 4 decimals, as published.
fn rounded(list: &ProductRecommendations) -> ProductRecommendations {
    let mut list = list.clone();
    for entry in list
        .bought_together
        .iter_mut()
        .chain(list.similar.iter_mut())
    {
        entry.score = (entry.score * 10_000.0).round() / 10_000.0;
    }
    list
}

/// Writes every pair with enough support as CSV, `a,b,c_ab,n_a,n_b,score` with `a < b` by
/// handle, sorted, scores at full precision (Rust's shortest round-trip form); returns how many.
pub fn write_pairs(
    path: &Path,
    built: &Built,
    settings: &Settings,
) -> Result<usize, RecommendError> {
    let products = &built.products;
    let mut pairs: Vec<(&str, &str, u32, u32, u32, f64)> = built
        .counts
        .scored_pairs(settings)
        .map(|p| {
            let (mut a, mut b) = (p.a, p.b);
            if products.handle(a) > products.handle(b) {
                std::mem::swap(&mut a, &mut b);
            }
            let n = |id| built.counts.bought(id);
            (
                products.handle(a),
                products.handle(b),
                p.together,
                n(a),
                n(b),
                p.score,
            )
        })
        .collect();
    pairs.sort_unstable_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    let file = std::fs::File::create(path).map_err(|e| RecommendError::io(path, e))?;
    let mut out = std::io::BufWriter::new(file);
    let io = |e| RecommendError::io(path, e);
    writeln!(out, "a,b,c_ab,n_a,n_b,score").map_err(io)?;
    for (a, b, c, n_a, n_b, score) in &pairs {
        writeln!(out, "{a},{b},{c},{n_a},{n_b},{score:?}").map_err(io)?;
    }
    out.flush().map_err(io)?;
    Ok(pairs.len())
}
