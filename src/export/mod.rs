//! Exports: an [`Annotation`] and its text as the files other tools read — the Annotation JSON
//! with its text, spaCy displaCy, brat standoff, CoNLL IOB2, W3C Web Annotation and two CSV
//! tables. One module per format; each is a pure function of the [`Article`] view below.
//!
//! Offsets in every export are Unicode code points (Python `str` indices: what brat, displaCy
//! and the Web Annotation `TextPositionSelector` count), so the Annotation handed in must use
//! code points too — what [`crate::annotate`] returns by default.

mod brat;
mod conll;
mod displacy;
mod json;
mod name;
mod tables;
mod webanno;

use crate::schema::Units;
use crate::schema::{Annotation, ParagraphKind, QuoteKind};
use crate::text::OffsetMap;

/// An export format: `lede annotate --format NAME`, `exportAs(…, NAME)` in JS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// The Annotation JSON with the article `text` (offsets in code points).
    Json,
    /// spaCy displaCy manual format: `{text, ents: [{start, end, label}], title}`.
    Displacy,
    /// brat standoff `.ann` (entities, quotes with kind, speaker and cue); brat reads it beside
    /// the article as a `.txt` of the same name.
    Brat,
    /// CoNLL: token TAB IOB2 entity tag, one sentence per block.
    Conll,
    /// W3C Web Annotation JSON-LD: one annotation per entity and quote.
    Webanno,
    /// One row per quote: speaker, speaker cluster, kind, quote, cue, paragraph, offsets.
    QuotesCsv,
    /// One row per entity: label, text, value, cluster, offsets.
    EntitiesCsv,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Json,
        Format::Displacy,
        Format::Brat,
        Format::Conll,
        Format::Webanno,
        Format::QuotesCsv,
        Format::EntitiesCsv,
    ];

    /// The name the CLI and JS take (`quotes-csv`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Displacy => "displacy",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Webanno => "webanno",
            Format::QuotesCsv => "quotes-csv",
            Format::EntitiesCsv => "entities-csv",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// File name ending, with its dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => ".json",
            Format::Displacy => ".displacy.json",
            Format::Brat => ".ann",
            Format::Conll => ".conll",
            Format::Webanno => ".jsonld",
            Format::QuotesCsv => ".quotes.csv",
            Format::EntitiesCsv => ".entities.csv",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Json | Format::Displacy => "application/json",
            Format::Webanno => "application/ld+json",
            Format::Brat | Format::Conll => "text/plain",
            Format::QuotesCsv | Format::EntitiesCsv => "text/csv",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One exported file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct File {
    /// `<headline slug><extension>`.
    pub filename: String,
    pub mime: &'static str,
    pub content: String,
}

/// What [`export`] writes: the file, and for brat the article text it needs beside the `.ann`
/// (`<slug>.txt`, the text exactly as annotated, since brat offsets count its characters).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Export {
    #[serde(flatten)]
    pub file: File,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub companion: Option<File>,
}

/// An Annotation that does not belong to the text (or is not in code points).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch(String);

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the annotation does not match the text ({}); exports need the annotation of this \
             very text with code-point offsets",
            self.0
        )
    }
}

impl std::error::Error for Mismatch {}

/// Writes `annotation` of `text` (code-point offsets) as `format`, named from the headline.
pub fn export(text: &str, annotation: &Annotation, format: Format) -> Result<Export, Mismatch> {
    let article = Article::new(text, annotation)?;
    let slug = name::slug(&article.headline);
    let content = match format {
        Format::Json => json::write(&article),
        Format::Displacy => displacy::write(&article),
        Format::Brat => brat::write(&article),
        Format::Conll => conll::write(&article),
        Format::Webanno => webanno::write(&article, &slug),
        Format::QuotesCsv => tables::quotes(&article),
        Format::EntitiesCsv => tables::entities(&article),
    };
    let companion = (format == Format::Brat).then(|| File {
        filename: format!("{slug}.txt"),
        mime: "text/plain",
        content: text.to_string(),
    });
    Ok(Export {
        file: File {
            filename: format!("{slug}{}", format.extension()),
            mime: format.mime(),
            content,
        },
        companion,
    })
}

/// The text and its annotation as every format reads them: `annotation` as given (code
/// points), plus byte ranges for slicing the text and the map back to code points.
struct Article<'a> {
    text: &'a str,
    /// The annotation as given: code-point offsets.
    annotation: &'a Annotation,
    chars: OffsetMap,
    /// Code points in `text`.
    len: usize,
    /// The first line of the first body paragraph: the title and the file name.
    headline: String,
}

impl<'a> Article<'a> {
    /// Checks that the annotation belongs to `text`: offsets in range and every `text` field
    /// equal to the characters at its offsets.
    fn new(text: &'a str, annotation: &'a Annotation) -> Result<Self, Mismatch> {
        let mut article = Article {
            text,
            annotation,
            chars: OffsetMap::new(text, Units::Chars),
            len: text.chars().count(),
            headline: String::new(),
        };
        let a = annotation;
        let spans = (a.paragraphs.iter().map(|p| (p.start, p.end, None)))
            .chain(a.sentences.iter().map(|s| (s.start, s.end, None)))
            .chain(a.entities.iter().map(|e| (e.start, e.end, Some(&e.text))))
            .chain(a.quotes.iter().flat_map(|q| {
                let spans = [q.speaker.as_ref(), q.cue.as_ref()].into_iter().flatten();
                std::iter::once((q.start, q.end, Some(&q.text))).chain(
                    spans
                        .chain(&q.parts)
                        .map(|t| (t.start, t.end, Some(&t.text))),
                )
            }));
        for (start, end, said) in spans {
            if start > end || end > article.len {
                return Err(Mismatch(format!(
                    "span {start}..{end} is outside a text of {} characters",
                    article.len
                )));
            }
            if let Some(said) = said.filter(|s| **s != article.slice(start, end)) {
                return Err(Mismatch(format!(
                    "{said:?} at {start}..{end} reads {:?} in the text",
                    article.slice(start, end)
                )));
            }
        }
        let clusters = (a.entities.iter().map(|e| e.cluster))
            .chain(a.quotes.iter().map(|q| q.speaker_cluster));
        if let Some(c) = clusters.flatten().find(|&c| c >= a.clusters.len()) {
            return Err(Mismatch(format!("there is no cluster {c}")));
        }
        let body = a.paragraphs.iter().find(|p| p.kind == ParagraphKind::Body);
        article.headline = name::headline(body.map_or(text, |p| article.slice(p.start, p.end)));
        Ok(article)
    }

    /// The byte offset of a code-point offset.
    fn byte(&self, char_offset: usize) -> usize {
        self.chars.to_byte(char_offset)
    }

    /// The code-point offset of a byte offset.
    fn char(&self, byte: usize) -> usize {
        self.chars.convert(byte)
    }

    /// The text at code-point offsets `[start, end)`.
    fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.byte(start)..self.byte(end)]
    }

    /// The 1-based number of the paragraph holding code-point offset `at` (0 when none does).
    fn paragraph_of(&self, at: usize) -> usize {
        let ps = &self.annotation.paragraphs;
        let i = ps.partition_point(|p| p.end <= at);
        if ps.get(i).is_some_and(|p| p.start <= at) {
            i + 1
        } else {
            0
        }
    }
}

/// A quote kind as the JSON writes it.
fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Mixed => "mixed",
    }
}

#[cfg(test)]
mod tests;
