//! Reads PolNeAR (the attribution corpus of political news): each split's texts and their
//! primary attributions, the gold that quote evaluation and the attribution tagger use.

use super::{read_text, Error};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// A gold span: code points, end exclusive, with the text it covers.
#[derive(Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
}

/// One gold attribution (a primary annotation) of a document.
#[derive(Deserialize, Clone, Debug)]
pub struct Attribution {
    pub source: Vec<GoldSpan>,
    pub cue: Vec<GoldSpan>,
    pub content: Vec<GoldSpan>,
    /// The parts of the content between quote marks (derived, not annotated).
    #[serde(default)]
    pub quoted_segments: Vec<GoldSpan>,
}

/// A line of `attributions.jsonl`.
#[derive(Deserialize)]
struct Line {
    doc_id: String,
    split: String,
    is_primary_annotation: bool,
    #[serde(flatten)]
    attribution: Attribution,
}

/// A PolNeAR document with its primary attributions.
#[derive(Clone, Debug)]
pub struct PolnearDoc {
    /// The file name without `.txt`.
    pub id: String,
    pub text: String,
    pub attributions: Vec<Attribution>,
}

/// The documents of one split under `dir` (the `polnear` folder: `text/<split>/*.txt` and
/// `attributions.jsonl`), sorted by name, each with its primary attributions in file order.
pub fn load(dir: &Path, split: &str) -> Result<Vec<PolnearDoc>, Error> {
    let path = dir.join("attributions.jsonl");
    let jsonl = read_text(&path)?;
    let mut records: HashMap<String, Vec<Attribution>> = HashMap::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Line = serde_json::from_str(line).map_err(|e| Error::Parse {
            path: path.clone(),
            line: n + 1,
            msg: e.to_string(),
        })?;
        if r.split == split && r.is_primary_annotation {
            records.entry(r.doc_id).or_default().push(r.attribution);
        }
    }
    let text_dir = dir.join("text").join(split);
    let mut names: Vec<String> = std::fs::read_dir(&text_dir)
        .map_err(Error::read(&text_dir))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = read_text(&text_dir.join(&name))?;
            let id = name.trim_end_matches(".txt").to_string();
            let attributions = records.remove(&id).unwrap_or_default();
            Ok(PolnearDoc {
                id,
                text,
                attributions,
            })
        })
        .collect()
}
