//! The `themeday` binary: parse arguments, run, print the error chain, map it to an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    match themeday::cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("themeday: {err:#}");
            ExitCode::from(2)
        }
    }
}
