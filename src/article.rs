//! Article structure: the optional `date YYYY-MM-DD` marker, paragraphs at blank lines, and
//! boilerplate (ads, promotions, credits, captions, copyright) recognised and marked, never deleted.

use crate::schema::{Paragraph, ParagraphKind, Span};
use crate::time::Date;
use crate::words::{
    AD_MARKS, CAPTION_MARKS, CAPTION_OPENINGS, PROMO_MARKS, PROMO_OPENINGS, SOCIAL_NETWORKS,
};

/// The article date and its paragraphs, in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// (year, month, day) from the marker.
    pub date: Option<Date>,
    pub paragraphs: Vec<Paragraph>,
}

pub fn parse(text: &str) -> Article {
    let mut paragraphs = Vec::new();
    let mut date = None;
    let mut body_from = 0;
    if let Some((d, marker_start, marker_end)) = date_marker(text) {
        date = Some(d);
        paragraphs.push(Paragraph {
            start: marker_start,
            end: marker_end,
            kind: ParagraphKind::Dateline,
        });
        body_from = marker_end;
    }
    for Span { start, end } in blocks(text, body_from) {
        paragraphs.push(Paragraph {
            start,
            end,
            kind: classify(&text[start..end]),
        });
    }
    Article { date, paragraphs }
}

/// Blank for article structure: whitespace and U+FEFF, the byte-order mark some editors put at
/// the start of a file (and that concatenated files carry into the middle). It stays in the
/// text, so offsets are untouched; it just never starts or ends a paragraph or the marker.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Finds a leading `date YYYY-MM-DD` marker, possibly after whitespace (or a byte-order mark)
/// and on the same line as the first sentence. Returns the date and the marker's byte range.
fn date_marker(text: &str) -> Option<(Date, usize, usize)> {
    let start = text.len() - text.trim_start_matches(is_blank).len();
    let rest = &text[start..];
    let word = rest.get(..5)?;
    if !word.eq_ignore_ascii_case("date ") && !word.eq_ignore_ascii_case("date:") {
        return None;
    }
    let after = rest[5..].trim_start();
    let iso = after.get(..10)?;
    let b = iso.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let (y, m, d) = (
        iso[0..4].parse().ok()?,
        iso[5..7].parse().ok()?,
        iso[8..10].parse().ok()?,
    );
    if !(1..=12).contains(&m) || !(1..=crate::time::days_in_month(y, m)).contains(&d) {
        return None;
    }
    if after[10..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
    {
        return None;
    }
    let end = start + (rest.len() - after.len()) + 10;
    Some(((y, m, d), start, end))
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

/// Recognises publisher boilerplate by its wording. Long paragraphs are body text whatever they say.
pub fn classify(par: &str) -> ParagraphKind {
    // A stray quote mark before a sign-off (`"Follow Pam Key on Twitter`) changes nothing.
    let p = par.trim().trim_start_matches(['"', '“', '”', '\'']);
    let lower = p.to_lowercase();
    let words = p.split_whitespace().count();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|x| lower.starts_with(x));
    let has = |needles: &[&str]| needles.iter().any(|x| lower.contains(x));

    if words <= 25 && (starts(CAPTION_OPENINGS) || has(CAPTION_MARKS)) {
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
    if ad || promo {
        ParagraphKind::Boilerplate
    } else {
        ParagraphKind::Body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_on_first_line_is_not_part_of_the_first_sentence() {
        let t = " date 2023-10-13 The White House on Friday announced.\n\nSecond.";
        let a = parse(t);
        assert_eq!(a.date, Some((2023, 10, 13)));
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
        assert_eq!(parse("Dated material.").date, None);
        assert_eq!(parse("date 2023-02-30 x").date, None);
        assert_eq!(parse("date 2023-10-13x").date, None);
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
        assert_eq!(a.date, Some((2023, 10, 13)));
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
