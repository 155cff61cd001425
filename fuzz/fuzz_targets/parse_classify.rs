//! Raw mail bytes → parse → classify, and the whole `ingest::decide` path.
//! Neither may panic, whatever the bytes.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use themeday::classify::Classifier;
use themeday::config::Config;

fn classifier() -> &'static Classifier {
    static CLASSIFIER: OnceLock<Classifier> = OnceLock::new();
    CLASSIFIER.get_or_init(|| {
        let path = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../config/dongkou-2023.toml"
        ));
        let config = Config::load(path).expect("config/dongkou-2023.toml loads");
        Classifier::new(&config)
    })
}

fuzz_target!(|data: &[u8]| {
    let classifier = classifier();
    if let Ok(mail) = themeday::parse::parse(data) {
        let _ = classifier.classify(&mail);
    }
    let _ = themeday::ingest::decide(classifier, data);
});
