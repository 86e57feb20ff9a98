//! The helpers every command uses: the workspace root, step headings and
//! the error type (the end-to-end crate's, `kuril_e2e`, which needs them
//! without xtask), running a command and copying a folder.

use std::process::Command;

pub use kuril_e2e::{root, step, Result};

/// Copies the folder `from` into `to`, recursively (the benchmark's pages
/// beside a copy of `dist/`).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> Result {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()))?;
        } else {
            std::fs::copy(e.path(), to.join(e.file_name()))?;
        }
    }
    Ok(())
}

/// Runs a command in the workspace root, echoing it; fails on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result {
    println!("$ {}", format!("{cmd:?}").replace('"', ""));
    let status = cmd.current_dir(root()).status()?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("command failed ({status}): {cmd:?}").into())
    }
}
