//! One input file (or stdin) of `lede annotate` without --jsonl: read, decoded
//! ([`lede::decode`]) and annotated, binary input refused. Shared by the JSON output and the
//! exports.

use crate::STDIN;
use lede::tools::Error;
use std::io::Read;
use std::path::Path;

/// An input annotated: its text, the annotation (its warnings include how the input was
/// decoded), or the message saying why it was not annotated.
pub struct Annotated {
    pub text: String,
    pub annotation: lede::Annotation,
}

/// Reads and annotates `f` (stdin when `stdin`). The error is the line to print on stderr.
pub fn annotate(f: &Path, stdin: bool, options: &lede::Options) -> Result<Annotated, String> {
    let bytes = read(f, stdin).map_err(|e| format!("lede: {e}"))?;
    let name = f.display();
    let decoded = lede::decode::decode(&bytes);
    let mut annotation = lede::try_annotate(&decoded.text, options)
        .map_err(|refusal| format!("lede: {name}: {refusal}"))?;
    if let Some(w) = decoded.warning {
        annotation.warnings.insert(0, w);
    }
    // Warnings go to stderr too: whoever reads stdout as data may never look inside it.
    for w in &annotation.warnings {
        eprintln!("lede: {name}: warning: {w}");
    }
    Ok(Annotated {
        text: decoded.text.into_owned(),
        annotation,
    })
}

/// The bytes of input file `f`, or of stdin when `stdin`.
fn read(f: &Path, stdin: bool) -> Result<Vec<u8>, Error> {
    if stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map(|_| buf)
            .map_err(Error::read(STDIN))
    } else {
        std::fs::read(f).map_err(Error::read(f))
    }
}
