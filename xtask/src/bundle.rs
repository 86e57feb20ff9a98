//! The release bundle: `trunk build --release` into `dist/`, with wasm-opt,
//! and a report of its sizes, raw and gzip.

use crate::tools::Tools;
use crate::{root, run, step, Result};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::process::Command;

/// Size of `bytes` after gzip at the best level, as a server would send it.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes).expect("writing to a Vec cannot fail");
    enc.finish().expect("writing to a Vec cannot fail").len()
}

/// Builds the release bundle into `dist/` and prints the size of each file.
pub fn build(tools: &Tools) -> Result {
    step("release bundle (trunk build --release, wasm-opt -Oz)");
    run(Command::new(tools.bin().join("trunk"))
        .args(["build", "--release", "--dist", "dist"])
        .env("PATH", tools.path_env())
        .env("TRUNK_SKIP_VERSION_CHECK", "true"))?;
    report()
}

/// Prints the bundle's files with raw and gzip sizes, and the totals.
pub fn report() -> Result {
    let dist = root().join("dist");
    let mut files: Vec<_> = std::fs::read_dir(&dist)?
        .flatten()
        .filter(|e| e.path().is_file())
        .collect();
    files.sort_by_key(|e| e.file_name());
    println!("{:<48} {:>10} {:>10}", "bundle file", "raw B", "gzip B");
    let (mut raw, mut gz) = (0, 0);
    for f in files {
        let bytes = std::fs::read(f.path())?;
        let g = gzip_len(&bytes);
        println!(
            "{:<48} {:>10} {:>10}",
            f.file_name().to_string_lossy(),
            bytes.len(),
            g
        );
        raw += bytes.len();
        gz += g;
    }
    println!("{:<48} {:>10} {:>10}", "total", raw, gz);
    Ok(())
}
