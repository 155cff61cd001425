//! The `themeday` binary: parse arguments, run, print the error (each cause once), map it to an
//! exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    match themeday::cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("themeday: {}", themeday::error::report(err.as_ref()));
            ExitCode::from(2)
        }
    }
}
