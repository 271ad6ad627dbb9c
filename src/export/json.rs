//! `json`: the Annotation with the article text, so the offsets can be read without the file.

use super::Article;
use crate::schema::Annotation;
use serde::Serialize;

#[derive(Serialize)]
struct WithText<'a> {
    text: &'a str,
    #[serde(flatten)]
    annotation: &'a Annotation,
}

pub(super) fn write(article: &Article) -> String {
    let with_text = WithText {
        text: article.text,
        annotation: article.annotation,
    };
    let mut json = serde_json::to_string_pretty(&with_text).expect("an Annotation serializes");
    json.push('\n');
    json
}
