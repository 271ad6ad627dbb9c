//! `displacy`: spaCy's displaCy manual format, `{text, ents: [{start, end, label}], title}`,
//! for `displacy.render(doc, style="ent", manual=True)`. Offsets are code points (Python).

use super::Article;
use serde::Serialize;

#[derive(Serialize)]
struct Doc<'a> {
    text: &'a str,
    ents: Vec<Ent>,
    /// displaCy shows it above the text; `null` when the article has no headline.
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct Ent {
    start: usize,
    end: usize,
    label: &'static str,
}

pub(super) fn write(article: &Article) -> String {
    let mut ents: Vec<Ent> = Vec::new();
    // displaCy draws entities in order and cannot nest them: sorted, overlaps dropped.
    let mut sorted: Vec<_> = article.annotation.entities.iter().collect();
    sorted.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    for e in sorted {
        if e.start < e.end && ents.last().is_none_or(|last| last.end <= e.start) {
            ents.push(Ent {
                start: e.start,
                end: e.end,
                label: e.label.as_str(),
            });
        }
    }
    let doc = Doc {
        text: article.text,
        ents,
        title: Some(article.headline.as_str()).filter(|h| !h.is_empty()),
    };
    let mut json = serde_json::to_string_pretty(&doc).expect("plain data serializes");
    json.push('\n');
    json
}
