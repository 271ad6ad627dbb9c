//! Lays out the shipped lexicon (`model/lexicon.tsv`) as a binary word table in `OUT_DIR`, so
//! the runtime embeds it ready to use instead of parsing 1 MB of text at start-up.

#[allow(dead_code)]
#[path = "src/ner/hash.rs"]
mod hash;
#[path = "src/ner/normalize.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "src/ner/wordtable.rs"]
mod wordtable;

fn main() {
    for f in [
        "model/lexicon.tsv",
        "src/ner/hash.rs",
        "src/ner/normalize.rs",
        "src/ner/wordtable.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let text = std::fs::read_to_string("model/lexicon.tsv").expect("read model/lexicon.tsv");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("lexicon.bin");
    std::fs::write(out, wordtable::build(&text)).expect("write lexicon.bin");
}
