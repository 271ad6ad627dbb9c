//! Article structure: the header (the `date YYYY-MM-DD` marker, Published/Updated lines, bylines,
//! date lines: read by `header`), paragraphs at blank lines, the place dateline opening the body,
//! and boilerplate (ads, promotions and teasers, credits, captions, bylines in the body, pull
//! quotes, copyright, correction notes) recognised and marked, never deleted.

mod bylines;
mod credits;
pub mod header;
pub mod header_entities;
mod promos;
mod pull_quotes;
pub mod time;
pub mod warnings;

use crate::schema::{DateSourceKind, Paragraph, ParagraphKind, Span};
use crate::words::{
    AD_MARKS, BOILERPLATE_LINES, CAPTION_MARKS, CAPTION_OPENINGS, CORRECTION_MARKS,
    CORRECTION_OPENINGS, CORRECTION_SUBJECTS, PROMO_MARKS, PROMO_OPENINGS, SOCIAL_NETWORKS,
};
use header::{is_blank, Header};

/// The article's header and its paragraphs, in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub header: Header,
    pub paragraphs: Vec<Paragraph>,
}

/// How many non-blank lines at the top may be header lines: a headline, a subhead, a byline, a
/// Published and an Updated line, a section label fit with room to spare.
const HEADER_LINES: usize = 8;
/// A line longer than this is body text: the header is over.
const HEADER_WORDS: usize = 30;
/// How many body paragraphs from the top may open with the place dateline (after a headline
/// and a subhead).
const DATELINE_PARAGRAPHS: usize = 3;

pub fn parse(text: &str) -> Article {
    let mut header = Header::default();
    let mut paragraphs = Vec::new();
    let mut body_from = 0;
    if let Some((found, marker)) = header::date_marker(text) {
        header.add(found);
        paragraphs.push(Paragraph {
            start: marker.start,
            end: marker.end,
            kind: ParagraphKind::Dateline,
        });
        body_from = marker.end;
    }
    let mut top = Top {
        lines_left: HEADER_LINES,
        done: false,
    };
    for block in blocks(text, body_from) {
        if top.done {
            paragraphs.push(paragraph(text, block));
        } else {
            top.read(text, block, &mut header, &mut paragraphs);
        }
    }
    header.dateline = split_dateline(text, &mut paragraphs);
    pull_quotes::mark(text, &mut paragraphs);
    Article { header, paragraphs }
}

fn paragraph(text: &str, Span { start, end }: Span) -> Paragraph {
    Paragraph {
        start,
        end,
        kind: classify(&text[start..end]),
    }
}

/// The header region: the first short lines, read line by line (a byline is often a line of
/// its own inside the headline's block).
struct Top {
    lines_left: usize,
    done: bool,
}

impl Top {
    /// Splits `block` into header lines, boilerplate label lines and the rest (grouped as
    /// paragraphs), until the body starts: a long line, the place dateline, or too many lines.
    fn read(&mut self, text: &str, block: Span, header: &mut Header, out: &mut Vec<Paragraph>) {
        let mut pending: Option<Span> = None;
        let flush = |pending: &mut Option<Span>, out: &mut Vec<Paragraph>| {
            out.extend(pending.take().map(|p| paragraph(text, p)));
        };
        let mut pos = block.start;
        for line in lines(&text[block.start..block.end]) {
            let line_start = pos;
            pos += line.len();
            let s = line_start + (line.len() - line.trim_start_matches(is_blank).len());
            let e = line_start + line.trim_end_matches(is_blank).len();
            if s >= e {
                continue;
            }
            if !self.done {
                let l = &text[s..e];
                if self.lines_left == 0
                    || l.split_whitespace().nth(HEADER_WORDS).is_some()
                    || header::dateline(text, s, e).is_some()
                {
                    self.done = true;
                } else {
                    self.lines_left -= 1;
                    let kind = if let Some((kind, date)) = header::line(text, s, e) {
                        if kind == DateSourceKind::Byline {
                            header.names.extend(header::byline_names(text, s, e));
                        }
                        if let Some(d) = date {
                            header.add(d);
                        }
                        Some(ParagraphKind::Header)
                    } else {
                        furniture_line(l)
                    };
                    if let Some(kind) = kind {
                        flush(&mut pending, out);
                        out.push(Paragraph {
                            start: s,
                            end: e,
                            kind,
                        });
                        continue;
                    }
                }
            }
            pending = Some(Span::new(pending.map_or(s, |p| p.start), e));
        }
        flush(&mut pending, out);
    }
}

/// The place dateline at the start of one of the first body paragraphs: that paragraph is split
/// into the dateline (its own paragraph) and the body after it.
fn split_dateline(text: &str, paragraphs: &mut Vec<Paragraph>) -> Option<header::Dateline> {
    let (i, dateline) = paragraphs
        .iter()
        .enumerate()
        // A short paragraph opening `LONDON (Reuters) -` reads as a photo credit until its
        // dateline is split off.
        .filter(|(_, p)| matches!(p.kind, ParagraphKind::Body | ParagraphKind::Caption))
        .take(DATELINE_PARAGRAPHS)
        .find_map(|(i, p)| header::dateline(text, p.start, p.end).map(|d| (i, d)))?;
    let end = paragraphs[i].end;
    paragraphs[i] = Paragraph {
        start: dateline.span.start,
        end: dateline.span.end,
        kind: ParagraphKind::Dateline,
    };
    let rest = &text[dateline.span.end..end];
    let body_start = end - rest.trim_start_matches(is_blank).len();
    if body_start < end {
        paragraphs.insert(i + 1, paragraph(text, Span::new(body_start, end)));
    }
    Some(dateline)
}

/// A label that is boilerplate on a line of its own: `ABSTRACT`, `FULL TEXT`, `Correction Appended`.
fn is_boilerplate_line(line: &str) -> bool {
    let l = line.trim().trim_end_matches(':').to_lowercase();
    BOILERPLATE_LINES.contains(&l.as_str())
}

/// A line of the header region that is furniture on its own whatever the lines around it: a
/// label, a byline or time stamp, a credit, a teaser.
fn furniture_line(line: &str) -> Option<ParagraphKind> {
    if credits::is_credit(line) {
        Some(ParagraphKind::Caption)
    } else if is_boilerplate_line(line) || bylines::is_byline(line) || promos::is_teaser(line) {
        Some(ParagraphKind::Boilerplate)
    } else {
        None
    }
}

/// Lines of `text` with their line ends: `\r\n`, `\n` and a lone `\r` (old Mac exports) all end a
/// line.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= b.len() {
            return None;
        }
        let start = from;
        let mut i = start;
        while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        if i < b.len() {
            i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        }
        from = i;
        Some(&text[start..i])
    })
}

/// Splits into blocks separated by blank lines (lines holding only whitespace), trimmed.
fn blocks(text: &str, from: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    let mut pos = from;
    for line in lines(&text[from..]) {
        let line_start = pos;
        pos += line.len();
        let trimmed = line.trim_matches(is_blank);
        if trimmed.is_empty() {
            out.extend(cur.take());
            continue;
        }
        let s = line_start + (line.len() - line.trim_start_matches(is_blank).len());
        let e = line_start + line.trim_end_matches(is_blank).len();
        cur = Some(Span::new(cur.map_or(s, |c| c.start), e));
    }
    out.extend(cur);
    out
}

/// A writer's sign-off: `Follow Pam Key on Twitter @pamkeyNEN`, `Reach him at …`.
fn sign_off(lower: &str) -> bool {
    let follow = lower.strip_prefix("follow ").is_some_and(|rest| {
        SOCIAL_NETWORKS.iter().any(|s| {
            rest.split_once(&format!(" on {s}"))
                .is_some_and(|(who, _)| !who.contains(',') && who.split(' ').count() <= 4)
        })
    });
    follow || lower.starts_with("reach him ") || lower.starts_with("reach her ")
}

/// A correction note: `Correction: An earlier version of this article …`, or `An article on
/// Monday about … misstated …`.
fn correction_note(lower: &str, words: usize) -> bool {
    let starts = |prefixes: &[&str]| prefixes.iter().any(|x| lower.starts_with(x));
    words <= 120
        && (starts(CORRECTION_OPENINGS)
            || starts(CORRECTION_SUBJECTS)
                && CORRECTION_MARKS
                    .iter()
                    .any(|m| lower.contains(&format!(" {m}"))))
}

/// Recognises publisher boilerplate by its wording. Long paragraphs are body text whatever they say.
pub fn classify(par: &str) -> ParagraphKind {
    // A stray quote mark before a sign-off (`"Follow Pam Key on Twitter`) changes nothing.
    let p = par.trim().trim_start_matches(['"', '“', '”', '\'']);
    let lower = p.to_lowercase();
    let words = p.split_whitespace().count();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|x| lower.starts_with(x));
    let has = |needles: &[&str]| needles.iter().any(|x| lower.contains(x));

    if is_boilerplate_line(p) || correction_note(&lower, words) {
        return ParagraphKind::Boilerplate;
    }
    if words <= 25 && (starts(CAPTION_OPENINGS) || has(CAPTION_MARKS)) || credits::is_credit(p) {
        return ParagraphKind::Caption;
    }
    let ad = words <= 8 && has(AD_MARKS);
    let promo = words <= 40
        && (starts(PROMO_OPENINGS)
            || has(PROMO_MARKS)
            || sign_off(&lower)
            || lower.starts_with("copyright")
            || lower.starts_with('©')
            || lower.starts_with("(c) "));
    if ad || promo || promos::is_teaser(p) || bylines::is_byline(p) {
        ParagraphKind::Boilerplate
    } else {
        ParagraphKind::Body
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::time::Date;

    fn date(a: &Article) -> Option<Date> {
        a.header.date.map(|d| d.date)
    }

    /// Each paragraph as (kind, text).
    fn layout(t: &str) -> Vec<(ParagraphKind, &str)> {
        parse(t)
            .paragraphs
            .iter()
            .map(|p| (p.kind, &t[p.start..p.end]))
            .collect()
    }

    #[test]
    fn ap_header_dates_the_article_and_the_dateline_opens_the_body() {
        use ParagraphKind::*;
        let t = "North Korea sends arms to Russia\n\
                 By Jane Doe, Associated Press\n\
                 Published 9:41 AM EDT, Fri October 13, 2023\n\n\
                 WASHINGTON (AP) — The White House on Friday said it was alarmed.\n\n\
                 It said so on October 1, 2022.";
        assert_eq!(
            layout(t),
            [
                (Body, "North Korea sends arms to Russia"),
                (Header, "By Jane Doe, Associated Press"),
                (Header, "Published 9:41 AM EDT, Fri October 13, 2023"),
                (Dateline, "WASHINGTON (AP) —"),
                (Body, "The White House on Friday said it was alarmed."),
                (Body, "It said so on October 1, 2022."),
            ]
        );
        let a = parse(t);
        let d = a.header.date.unwrap();
        assert_eq!(
            (d.date, d.kind),
            ((2023, 10, 13), DateSourceKind::Published)
        );
        assert_eq!(&t[d.span.start..d.span.end], "Fri October 13, 2023");
        let dl = a.header.dateline.unwrap();
        assert_eq!(&t[dl.place.start..dl.place.end], "WASHINGTON");
        assert_eq!(dl.agency.map(|s| &t[s.start..s.end]), Some("AP"));
    }

    #[test]
    fn reuters_dateline_and_dated_byline() {
        let t = "By Jane Doe, Associated Press | October 13, 2023\n\n\
                 LONDON, Oct 13 (Reuters) - Britain's economy grew.";
        let a = parse(t);
        let d = a.header.date.unwrap();
        assert_eq!((d.date, d.kind), ((2023, 10, 13), DateSourceKind::Byline));
        let dl = a.header.dateline.unwrap();
        assert_eq!(&t[dl.span.start..dl.span.end], "LONDON, Oct 13 (Reuters) -");
        assert_eq!(dl.date.map(|s| &t[s.start..s.end]), Some("Oct 13"));
        assert_eq!(
            layout(t).last(),
            Some(&(ParagraphKind::Body, "Britain's economy grew."))
        );
    }

    #[test]
    fn published_wins_over_updated_and_the_body_never_dates_the_article() {
        let t = "Updated 10:05 AM EDT, Sat October 14, 2023\nPublished 9:41 AM EDT, Fri October 13, 2023\n\nText.";
        let d = parse(t).header.date.unwrap();
        assert_eq!(
            (d.date, d.kind),
            ((2023, 10, 13), DateSourceKind::Published)
        );
        let t = "The vote was long awaited.\n\nOctober 13, 2023\n\nIt passed.";
        assert_eq!(
            date(&parse(t)),
            Some((2023, 10, 13)),
            "a date line near the top"
        );
        let long = "word ".repeat(40);
        let t = format!("{long}\n\nOctober 13, 2023");
        assert_eq!(
            date(&parse(&t)),
            None,
            "after a long paragraph the header is over"
        );
        assert_eq!(date(&parse("It happened on October 13, 2023.")), None);
    }

    #[test]
    fn correction_appended_abstract_and_full_text_are_boilerplate() {
        use ParagraphKind::*;
        let t = "Patriot Coal Files for Bankruptcy\nBy JOHN DOE\nCorrection Appended\n\n\
                 ABSTRACT\n\nThe company filed on Monday.\n\nFULL TEXT\n\nThe company filed.\n\n\
                 Correction: An earlier version of this article misstated the company's name.\n\n\
                 An article on Monday about Patriot Coal misstated the number of its mines.";
        assert_eq!(
            layout(t),
            [
                (Body, "Patriot Coal Files for Bankruptcy"),
                (Header, "By JOHN DOE"),
                (Boilerplate, "Correction Appended"),
                (Boilerplate, "ABSTRACT"),
                (Body, "The company filed on Monday."),
                (Boilerplate, "FULL TEXT"),
                (Body, "The company filed."),
                (
                    Boilerplate,
                    "Correction: An earlier version of this article misstated the company's name."
                ),
                (
                    Boilerplate,
                    "An article on Monday about Patriot Coal misstated the number of its mines."
                ),
            ]
        );
        assert_eq!(
            classify("An article about the mines said they were safe."),
            Body
        );
    }

    #[test]
    fn dateline_on_first_line_is_not_part_of_the_first_sentence() {
        let t = " date 2023-10-13 The White House on Friday announced.\n\nSecond.";
        let a = parse(t);
        assert_eq!(date(&a), Some((2023, 10, 13)));
        assert_eq!(
            &t[a.paragraphs[0].start..a.paragraphs[0].end],
            "date 2023-10-13"
        );
        assert_eq!(a.paragraphs[0].kind, ParagraphKind::Dateline);
        assert_eq!(
            &t[a.paragraphs[1].start..a.paragraphs[1].end],
            "The White House on Friday announced."
        );
        assert_eq!(&t[a.paragraphs[2].start..a.paragraphs[2].end], "Second.");
    }

    #[test]
    fn no_marker_or_invalid_date() {
        assert_eq!(date(&parse("Dated material.")), None);
        assert_eq!(date(&parse("date 2023-02-30 x")), None);
        assert_eq!(date(&parse("date 2023-10-13x")), None);
        assert_eq!(parse("").paragraphs, vec![]);
    }

    #[test]
    fn crlf_and_whitespace_lines_separate_paragraphs() {
        let t = "One line\r\ncontinues.\r\n \r\nTwo.\r\n";
        let a = parse(t);
        let texts: Vec<_> = a.paragraphs.iter().map(|p| &t[p.start..p.end]).collect();
        assert_eq!(texts, ["One line\r\ncontinues.", "Two."]);
    }

    #[test]
    fn leading_byte_order_mark_is_blank() {
        let t = "\u{FEFF}date 2023-10-13 Text.\n\nSecond.";
        let a = parse(t);
        assert_eq!(date(&a), Some((2023, 10, 13)));
        let texts: Vec<_> = a.paragraphs.iter().map(|p| &t[p.start..p.end]).collect();
        assert_eq!(texts, ["date 2023-10-13", "Text.", "Second."]);
        let t = "\u{FEFF}No marker.";
        assert_eq!(&t[parse(t).paragraphs[0].start..], "No marker.");
    }

    #[test]
    fn lone_cr_crlf_and_lf_all_end_lines() {
        for t in [
            "One\ntwo.\n\nThree.\n",
            "One\r\ntwo.\r\n\r\nThree.\r\n",
            "One\rtwo.\r\rThree.\r",
            "One\rtwo.\r\n\nThree.",
        ] {
            let a = parse(t);
            let texts: Vec<_> = a
                .paragraphs
                .iter()
                .map(|p| t[p.start..p.end].replace("\r\n", "\n").replace('\r', "\n"))
                .collect();
            assert_eq!(texts, ["One\ntwo.", "Three."], "{t:?}");
        }
    }

    #[test]
    fn boilerplate_kinds() {
        use ParagraphKind::*;
        for (p, k) in [
            ("ADVERTISEMENT Advertisement", Boilerplate),
            ("Story continues below advertisement", Boilerplate),
            (
                "For the latest news, weather, sports, and streaming video, head to The Hill.",
                Boilerplate,
            ),
            ("Sign up for our morning newsletter.", Boilerplate),
            ("Read more: Why it matters", Boilerplate),
            ("Follow us on Twitter and Facebook.", Boilerplate),
            ("\"Follow Pam Key on Twitter @pamkeyNEN.\"", Boilerplate),
            ("Follow AWR Hawkins on Twitter: @AWRHawkins.", Boilerplate),
            ("Follow the money, she said on Twitter.", Body),
            (
                "Copyright 2023 The Associated Press. All rights reserved.",
                Boilerplate,
            ),
            (
                "Graphic provided by the White House National Security Council.",
                Caption,
            ),
            ("Photo: Kim Jong Un in Pyongyang.", Caption),
            ("Protesters march in Seoul. (AP Photo/Lee Jin-man)", Caption),
            ("The White House released imagery on Friday.", Body),
        ] {
            assert_eq!(classify(p), k, "{p}");
        }
    }
}
