//! Lays out the shipped lexicon (`model/lexicon.tsv`) as a binary word table and the entity
//! model (`model/ner.bin`) as its lookup table in `OUT_DIR`, so the runtime embeds them ready to
//! use instead of parsing 1 MB of text and decoding the model at start-up.

#[allow(dead_code)]
#[path = "src/ner/hash.rs"]
mod hash;
#[allow(dead_code)]
#[path = "src/ner/labels.rs"]
mod labels;
#[allow(dead_code)]
#[path = "src/ner/modeltable.rs"]
mod modeltable;
#[path = "src/ner/normalize.rs"]
mod normalize;
#[path = "src/words/build.rs"]
mod words;
#[allow(dead_code)]
#[path = "src/ner/wordtable.rs"]
mod wordtable;

fn main() {
    for f in [
        "model/lexicon.tsv",
        "model/ner.bin",
        "src/ner/labels.rs",
        "src/ner/modeltable.rs",
        "src/ner/hash.rs",
        "src/ner/normalize.rs",
        "src/ner/wordtable.rs",
        "src/words",
        "model/cues.txt",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let cues = std::fs::read_to_string("model/cues.txt").expect("read model/cues.txt");
    let words =
        words::generate("src/words".as_ref(), &cues).unwrap_or_else(|e| panic!("word lists: {e}"));
    std::fs::write(dir.join("words.rs"), words).expect("write words.rs");
    let text = std::fs::read_to_string("model/lexicon.tsv").expect("read model/lexicon.tsv");
    std::fs::write(dir.join("lexicon.bin"), wordtable::build(&text)).expect("write lexicon.bin");
    // A model that cannot be read fails the build: shipping an annotator that finds no names
    // would go unnoticed.
    let model = std::fs::read("model/ner.bin").expect("read model/ner.bin");
    let table = modeltable::from_file(&model).unwrap_or_else(|e| {
        panic!("model/ner.bin is not a usable entity model: {e} (retrain it with `lede train`)")
    });
    std::fs::write(dir.join("ner-table.bin"), table).expect("write ner-table.bin");
}
