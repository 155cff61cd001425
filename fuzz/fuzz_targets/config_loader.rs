//! Arbitrary text as a configuration file and as a schedule table. Errors are fine; a panic
//! is not.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use themeday::config::{parse_schedule, Config};

// The file need not exist: only its folder matters, so that the relative `schedule`, `units`
// and `calendar` paths of a mutated config/dongkou-2023.toml resolve to the real files.
const CONFIG_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../config/fuzz-input.toml");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = Config::from_str(Path::new(CONFIG_PATH), &text);
    let _ = parse_schedule(Path::new("x.tsv"), &text, 2023);
});
