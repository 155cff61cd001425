//! Prints the own text and the quoted part of mail files as the parser splits them:
//! `cargo run --example parse_dump -- FILE.eml ...` (a maintainer's tool for classifier work).
fn main() {
    for f in std::env::args().skip(1) {
        let raw = std::fs::read(&f).unwrap();
        let p = themeday::parse::parse(&raw).unwrap();
        println!(
            "== {f}\n-- body --\n{}\n-- quoted --\n{}\n",
            p.body, p.quoted
        );
    }
}
