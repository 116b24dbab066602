//! Writes a synthetic corpus for benchmarks and load tests.
//!
//! ```sh
//! cargo run --release --example corpus -- 1000 target/corpus-1000 [SEEDS] [RULES]
//! ```
//!
//! makes 1,000 documents from the articles in `seeds/` (or SEEDS), one story
//! per group of seeds, with names, years and figures varied per story and a
//! few documents changed on their own. The same arguments give the same bytes.

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: corpus N OUT_DIR [SEEDS_DIR] [RULES_DIR]";
    let (Some(count), Some(out)) = (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1)) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seeds_dir = args.get(2).map_or_else(|| root.join("seeds"), PathBuf::from);
    let rules_dir = args.get(3).map_or_else(|| root.join("rules"), PathBuf::from);
    let seeds = match synth::load_seeds(&seeds_dir) {
        Ok(seeds) => seeds,
        Err(e) => {
            eprintln!("corpus: {}: {e}", seeds_dir.display());
            return ExitCode::from(2);
        }
    };
    let names = synth::proper_names(&seeds, &synth::vocabulary(&rules_dir));
    match synth::generate(&seeds, &names, count, &PathBuf::from(out)) {
        Ok(g) => {
            eprintln!(
                "corpus (generator {}): {} documents, {:.1} MB, {} names varied, in {out}",
                synth::VERSION,
                g.documents,
                g.bytes as f64 / 1e6,
                names.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("corpus: {out}: {e}");
            ExitCode::from(2)
        }
    }
}
