//! The article's header: the date the article carries and its place dateline, read from the top
//! of the text only. The date comes from the `date YYYY-MM-DD` marker or from the first short
//! lines (`Published 9:41 AM EDT, Fri October 13, 2023`, `Updated …`, a byline with a date, a
//! date on its own line); the dateline (`WASHINGTON (AP) —`, `LONDON, Oct 13 (Reuters) -`)
//! opens the body. Dates inside the body are what the article reports, never its own date.
//!
//! This module reads single lines and paragraphs; `article` decides which lines are the header.

use crate::article::time::{days_in_month, Date};
use crate::schema::{DateSourceKind, Label, Span};
use crate::words::calendar;
use crate::words::{BYLINE_WORDS, HEADER_OPENINGS, NOT_DATELINE_PLACES, ORG_WORDS, TIME_ZONES};

/// A date read from the header, with the form it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderDate {
    pub date: Date,
    pub kind: DateSourceKind,
    /// The date as written (`Fri October 13, 2023`; the marker's `2023-10-13`), in bytes.
    pub span: Span,
}

/// The place dateline opening the body, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// From the place to the dash, inclusive: `LONDON, Oct 13 (Reuters) -`.
    pub span: Span,
    /// The place as written: `MANCHESTER, N.H.`.
    pub place: Span,
    /// Each place name in it (`MANCHESTER`, `N.H.`): one GPE entity each, as OntoNotes tags them.
    pub places: Vec<Span>,
    /// The agency between parentheses, without them: `Reuters`.
    pub agency: Option<Span>,
    /// A month and day after the place: `Oct 13`.
    pub date: Option<Span>,
}

/// What the header says: the article date, every date in its lines, the dateline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The article date: the marker, else a Published line, a dated byline, a date line, and an
    /// Updated line last (an update is not when the article appeared); the first of a kind wins.
    pub date: Option<HeaderDate>,
    /// Every date read in header lines (not the marker), in text order.
    pub dates: Vec<HeaderDate>,
    pub dateline: Option<Dateline>,
    /// The people (PERSON) and organisations (ORG) bylines name, in text order.
    pub names: Vec<(Span, Label)>,
}

impl Header {
    /// Records a date found in the header and keeps the best one as the article date.
    pub fn add(&mut self, found: HeaderDate) {
        let rank = |k: DateSourceKind| match k {
            DateSourceKind::Marker => 0,
            DateSourceKind::Published => 1,
            DateSourceKind::Byline => 2,
            DateSourceKind::Header => 3,
            DateSourceKind::Updated => 4,
            DateSourceKind::Option => 5,
        };
        if found.kind != DateSourceKind::Marker {
            self.dates.push(found);
        }
        if self.date.is_none_or(|d| rank(found.kind) < rank(d.kind)) {
            self.date = Some(found);
        }
    }
}

/// Blank for article structure: whitespace and U+FEFF (a byte-order mark).
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Finds a leading `date YYYY-MM-DD` marker, possibly after blanks and on the same line as the
/// first sentence. Returns the date (its span is the ISO date) and the marker's byte range.
pub fn date_marker(text: &str) -> Option<(HeaderDate, Span)> {
    let start = text.len() - text.trim_start_matches(is_blank).len();
    let rest = &text[start..];
    let word = rest.get(..5)?;
    if !word.eq_ignore_ascii_case("date ") && !word.eq_ignore_ascii_case("date:") {
        return None;
    }
    let after = rest[5..].trim_start();
    let iso_at = start + (rest.len() - after.len());
    let date = iso_prefix(after)?;
    if after[10..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
    {
        return None;
    }
    let found = HeaderDate {
        date,
        kind: DateSourceKind::Marker,
        span: Span::new(iso_at, iso_at + 10),
    };
    Some((found, Span::new(start, iso_at + 10)))
}

/// A calendar date written `YYYY-MM-DD` at the start of `s`.
fn iso_prefix(s: &str) -> Option<Date> {
    let iso = s.get(..10)?;
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
    valid((y, m, d))
}

fn valid((y, m, d): Date) -> Option<Date> {
    ((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)).then_some((y, m, d))
}

/// A word of a header line: byte range into the text, surrounding punctuation trimmed (a final
/// period stays: `Oct.`, `N.H.`). A separator (`|`, `—`, `·`) is a word of its own.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl Word<'_> {
    fn is_separator(&self) -> bool {
        !self.text.chars().any(char::is_alphanumeric)
    }
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }
    fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut push = |s: usize, e: usize| {
        let raw = &text[s..e];
        let opened = raw.trim_start_matches(['(', '"', '“', '\'', '‘']);
        let body = opened.trim_end_matches([',', ';', ':', ')', '"', '”', '\'', '’']);
        let (s, e) = if body.chars().any(char::is_alphanumeric) {
            let s = s + (raw.len() - opened.len());
            (s, s + body.len())
        } else {
            (s, e)
        };
        out.push(Word {
            start: s,
            end: e,
            text: &text[s..e],
        });
    };
    let mut piece = None;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        let separator = matches!(c, '|' | '·' | '•');
        if c.is_whitespace() || separator {
            if let Some(s) = piece.take() {
                push(s, at);
            }
            if separator {
                push(at, at + c.len_utf8());
            }
        } else if piece.is_none() {
            piece = Some(at);
        }
    }
    if let Some(s) = piece {
        push(s, end);
    }
    out
}

/// The month a word names (`October`, `Oct.`, `Sept`, `OCT`).
fn month(word: &str) -> Option<u32> {
    calendar::month_loose(&word.to_lowercase())
}

fn is_weekday(word: &str) -> bool {
    calendar::is_weekday_loose(&word.to_lowercase())
}

fn day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.len() > 2 || digits.len() + 2 < word.len() {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1800..=2199).contains(y))
}

/// A word a date line may hold: date parts, clock times, `AM`, time zones, `at`, separators.
fn is_date_word(w: &Word) -> bool {
    let lower = w.lower();
    let t = lower.trim_end_matches('.');
    w.is_separator()
        || month(w.text).is_some()
        || is_weekday(w.text)
        || w.text.bytes().all(|b| b.is_ascii_digit())
        || day(w.text).is_some()
        || iso_prefix(w.text).is_some()
        || is_clock(t)
        || matches!(t, "am" | "pm" | "a.m" | "p.m" | "at" | "on")
        || TIME_ZONES.contains(&t)
        // BST, CEST, AEDT: a zone we do not list, by its shape.
        || (w.text.len() <= 4 && w.text.ends_with('T') && w.text.bytes().all(|b| b.is_ascii_uppercase()))
}

/// `9:41`, `09.41`, `9:41am`.
fn is_clock(t: &str) -> bool {
    let t = t.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let Some((h, m)) = t.split_once([':', '.']) else {
        return false;
    };
    !h.is_empty()
        && h.len() <= 2
        && m.len() == 2
        && (h.to_owned() + m).bytes().all(|b| b.is_ascii_digit())
}

/// The first full date among `ws` (`October 13, 2023`, `13 Oct 2023`, `2023-10-13`), with a
/// weekday just before it: the date and the word range `[first, end)`.
fn find_date(ws: &[Word]) -> Option<(Date, usize, usize)> {
    let text = |i: usize| ws.get(i).map_or("", |w| w.text);
    for i in 0..ws.len() {
        let found = if let Some(d) = iso_prefix(text(i)) {
            Some((d, i + 1))
        } else if let (Some(m), Some(d), Some(y)) =
            (month(text(i)), day(text(i + 1)), year(text(i + 2)))
        {
            valid((y, m, d)).map(|date| (date, i + 3))
        } else if let (Some(d), Some(m), Some(y)) =
            (day(text(i)), month(text(i + 1)), year(text(i + 2)))
        {
            valid((y, m, d)).map(|date| (date, i + 3))
        } else {
            None
        };
        if let Some((date, end)) = found {
            let first = if i > 0 && is_weekday(text(i - 1)) {
                i - 1
            } else {
                i
            };
            return Some((date, first, end));
        }
    }
    None
}

/// Reads one line of the header region (`text[start..end]`, trimmed): the kind of header line
/// it is and the date it gives, or `None` when it is not a header line (a headline, a sentence).
pub fn line(text: &str, start: usize, end: usize) -> Option<(DateSourceKind, Option<HeaderDate>)> {
    let ws = words(text, start, end);
    if ws.is_empty() || ws.len() > 24 {
        return None;
    }
    let date = |kind, ws: &[Word]| {
        find_date(ws).map(|(date, first, end)| HeaderDate {
            date,
            kind,
            span: Span::new(ws[first].start, ws[end - 1].end),
        })
    };
    let lower = text[start..end].to_lowercase();
    let opening = HEADER_OPENINGS.iter().find(|(o, _)| {
        lower
            .strip_prefix(o)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':', '\t']))
    });
    if let Some((o, kind)) = opening {
        let kind = if *kind == "updated" {
            DateSourceKind::Updated
        } else {
            DateSourceKind::Published
        };
        let n = o.split(' ').count();
        // The rest is a date and time; a later `Updated …` on the same line may follow.
        let rest_ok = ws[n..].iter().all(|w| {
            is_date_word(w)
                || HEADER_OPENINGS
                    .iter()
                    .any(|(o, _)| o.split(' ').any(|p| p == w.lower().trim_end_matches(':')))
        });
        let found = date(kind, &ws[n..]);
        return (rest_ok && (found.is_some() || ws[n..].iter().any(|w| is_clock(&w.lower()))))
            .then_some((kind, found));
    }
    if ws[0].text.eq_ignore_ascii_case("by") {
        return byline(&ws).then(|| (DateSourceKind::Byline, date(DateSourceKind::Byline, &ws)));
    }
    if ws.iter().all(is_date_word) {
        let found = date(DateSourceKind::Header, &ws)?;
        return Some((DateSourceKind::Header, Some(found)));
    }
    None
}

/// `By Jane Doe, Associated Press | October 13, 2023`: names (capitalised words and the few
/// lower-case words of bylines), then optionally a date. `By Monday, the …` is a sentence.
fn byline(ws: &[Word]) -> bool {
    let Some(first) = ws.get(1) else {
        return false;
    };
    if !first.is_capitalised() || is_weekday(first.text) || month(first.text).is_some() {
        return false;
    }
    ws[1..].iter().all(|w| {
        w.is_capitalised()
            || w.is_separator()
            || is_date_word(w)
            || BYLINE_WORDS.contains(&w.lower().as_str())
    })
}

/// The names in a byline line (`By Jane Doe and John Roe, Associated Press`): each run of
/// capitalised words between separators (`,` `and` `|` `/`, a lower-case byline word, the date)
/// is an organisation when one of its words marks one (`Press`, `Reuters`), else a person when it
/// has two to four words. A single word that marks nothing (`By REUTERS` aside) is left alone.
pub fn byline_names(text: &str, start: usize, end: usize) -> Vec<(Span, Label)> {
    let ws = words(text, start, end);
    let date_from = find_date(&ws).map_or(ws.len(), |(_, first, _)| first);
    let mut out = Vec::new();
    let mut run: Vec<Word> = Vec::new();
    let mut close = |run: &mut Vec<Word>| {
        let org = run.iter().any(|w| {
            let title = title_case(w.text);
            ORG_WORDS.contains(&title.as_str())
        });
        if let (Some(first), Some(last)) = (run.first(), run.last()) {
            let span = Span::new(first.start, last.end);
            if org {
                out.push((span, Label::Org));
            } else if (2..=4).contains(&run.len()) {
                out.push((span, Label::Person));
            }
        }
        run.clear();
    };
    for w in ws.iter().take(date_from).skip(1) {
        if w.is_capitalised() && !w.text.eq_ignore_ascii_case("and") {
            run.push(*w);
            // A comma after the word ends the name.
            if text[w.end..].starts_with(',') {
                close(&mut run);
            }
        } else {
            close(&mut run);
        }
    }
    close(&mut run);
    out
}

/// `PRESS` → `Press`, for looking up a word of a byline in capitals.
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// A place dateline opening the paragraph `text[start..end]`: `WASHINGTON (AP) —`,
/// `LONDON, Oct 13 (Reuters) -`, `MANCHESTER, N.H. (AP) —`, `NEW YORK —`. The place is in
/// capitals, or in title case when an agency follows (`Washington (Reuters) -`); a dash ends it.
pub fn dateline(text: &str, start: usize, end: usize) -> Option<Dateline> {
    let s = &text[start..end];
    let (mut pos, caps) = name_run(s, 0)?;
    let first = Span::new(start, start + pos);
    if NOT_DATELINE_PLACES.contains(&s[..pos].to_lowercase().as_str()) {
        return None;
    }
    let mut places = vec![first];
    let mut date = None;
    // `, N.H.`, `, England`, then `, Oct 13`.
    for _ in 0..3 {
        let Some(after) = s[pos..].strip_prefix(", ") else {
            break;
        };
        let at = pos + 2;
        let word_end = s[at..].find(' ').map_or(s.len(), |i| at + i);
        if month(&s[at..word_end]).is_some() && date.is_none() {
            let digits = s[word_end..]
                .strip_prefix(' ')
                .map(|r| r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len());
            match digits {
                Some(n @ 1..=2) => {
                    date = Some(Span::new(start + at, start + word_end + 1 + n));
                    pos = word_end + 1 + n;
                    continue;
                }
                _ => return None,
            }
        }
        if date.is_some() || after.is_empty() {
            break;
        }
        let (e, _) = name_run(s, at)?;
        places.push(Span::new(start + at, start + e));
        pos = e;
    }
    let mut agency = None;
    if let Some(rest) = s[pos..].strip_prefix(" (") {
        let close = rest.find(')')?;
        let inner = &rest[..close];
        let plausible = (1..=40).contains(&inner.len())
            && inner.starts_with(|c: char| c.is_uppercase())
            && !inner.contains('(')
            && inner.split(' ').count() <= 4;
        if !plausible {
            return None;
        }
        agency = Some(Span::new(start + pos + 2, start + pos + 2 + close));
        pos += 2 + close + 1;
    }
    if !caps && agency.is_none() {
        return None;
    }
    let rest = &s[pos..];
    let spaced = rest.trim_start_matches([' ', '\u{a0}']);
    let dash = ["--", "—", "–", "―", "-"]
        .into_iter()
        .find(|d| spaced.starts_with(d))?;
    let after_dash = &spaced[dash.len()..];
    if !(after_dash.is_empty() || after_dash.starts_with(char::is_whitespace)) {
        return None;
    }
    let dash_end = pos + (rest.len() - spaced.len()) + dash.len();
    let place = Span::new(first.start, places.last().map_or(first.end, |p| p.end));
    Some(Dateline {
        span: Span::new(start, start + dash_end),
        place,
        places,
        agency,
        date,
    })
}

/// Words of a place name from byte `from` of `s`, one space apart, up to four, each starting
/// with a capital and holding only letters, `.`, `-` and apostrophes: all in capitals (the first
/// with two or more) or all not. Returns the end and whether the name is in capitals.
fn name_run(s: &str, from: usize) -> Option<(usize, bool)> {
    let mut pos = from;
    let mut end = from;
    let mut caps = None;
    for _ in 0..4 {
        let len = s[pos..]
            .find(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
            .unwrap_or(s.len() - pos);
        let w = &s[pos..pos + len];
        if !w.starts_with(char::is_uppercase) {
            break;
        }
        let is_caps = !w.chars().any(char::is_lowercase);
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        if *caps.get_or_insert(is_caps && upper >= 2) != is_caps {
            break;
        }
        end = pos + len;
        match s[end..].strip_prefix(' ') {
            Some(r) if r.starts_with(char::is_uppercase) => pos = end + 1,
            _ => break,
        }
    }
    caps.filter(|_| end > from).map(|c| (end, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line_text: &str) -> Option<(DateSourceKind, Option<(Date, &str)>)> {
        line(line_text, 0, line_text.len())
            .map(|(k, d)| (k, d.map(|d| (d.date, &line_text[d.span.start..d.span.end]))))
    }

    #[test]
    fn published_and_updated_lines() {
        use DateSourceKind::*;
        assert_eq!(
            read("Published 9:41 AM EDT, Fri October 13, 2023"),
            Some((Published, Some(((2023, 10, 13), "Fri October 13, 2023"))))
        );
        assert_eq!(
            read("Updated 10:05 AM EDT, Sat October 14, 2023"),
            Some((Updated, Some(((2023, 10, 14), "Sat October 14, 2023"))))
        );
        assert_eq!(
            read("Published Oct. 13, 2023 Updated Oct. 14, 2023, 9:00 a.m. ET"),
            Some((Published, Some(((2023, 10, 13), "Oct. 13, 2023"))))
        );
        assert_eq!(
            read("Last updated: 13 October 2023"),
            Some((Updated, Some(((2023, 10, 13), "13 October 2023"))))
        );
        assert_eq!(read("Published reports say the deal is off."), None);
        assert_eq!(read("Updated figures came out on Friday."), None);
    }

    #[test]
    fn bylines() {
        use DateSourceKind::*;
        assert_eq!(
            read("By Jane Doe, Associated Press | October 13, 2023"),
            Some((Byline, Some(((2023, 10, 13), "October 13, 2023"))))
        );
        assert_eq!(read("By JANE DOE and JOHN ROE"), Some((Byline, None)));
        assert_eq!(
            read("By Jane Doe, Associated Press staff writer"),
            Some((Byline, None))
        );
        assert_eq!(read("By Monday, the bill had passed."), None);
        assert_eq!(
            read("By winning Ohio, Kasich picked up 66 delegates."),
            None
        );
        assert_eq!(read("By 58%-33%, those surveyed said no."), None);
        assert_eq!(read("By the end of next week, it was over."), None);
    }

    #[test]
    fn byline_names_are_people_and_organisations() {
        let names = |l: &str| -> Vec<(String, Label)> {
            byline_names(l, 0, l.len())
                .into_iter()
                .map(|(s, label)| (l[s.start..s.end].to_string(), label))
                .collect()
        };
        assert_eq!(
            names("By Jane Doe and John Roe, Associated Press | October 13, 2023"),
            [
                ("Jane Doe".to_string(), Label::Person),
                ("John Roe".to_string(), Label::Person),
                ("Associated Press".to_string(), Label::Org)
            ]
        );
        assert_eq!(
            names("By JANE DOE, Reuters"),
            [
                ("JANE DOE".to_string(), Label::Person),
                ("Reuters".to_string(), Label::Org)
            ]
        );
        assert_eq!(
            names("By Jane Doe, Associated Press staff writer"),
            [
                ("Jane Doe".to_string(), Label::Person),
                ("Associated Press".to_string(), Label::Org)
            ]
        );
    }

    #[test]
    fn date_lines() {
        use DateSourceKind::*;
        for (l, want) in [
            ("October 13, 2023", "October 13, 2023"),
            ("Oct. 13, 2023", "Oct. 13, 2023"),
            ("Friday, October 13, 2023", "Friday, October 13, 2023"),
            ("Fri 13 Oct 2023 09.41 BST", "Fri 13 Oct 2023"),
            ("2023-10-13", "2023-10-13"),
            ("2023-10-13T09:41:00Z", "2023-10-13T09:41:00Z"),
            ("Oct 13, 2023 | 9:41 AM", "Oct 13, 2023"),
        ] {
            assert_eq!(read(l), Some((Header, Some(((2023, 10, 13), want)))), "{l}");
        }
        assert_eq!(read("October 13"), None);
        assert_eq!(read("February 30, 2023"), None);
        assert_eq!(read("The White House on October 13, 2023"), None);
        assert_eq!(read("Xinhua News Agency, Beijing, February 16th"), None);
    }

    #[test]
    fn marker() {
        let (d, marker) = date_marker(" date 2023-10-13 The White House").unwrap();
        assert_eq!(d.date, (2023, 10, 13));
        assert_eq!((d.span, marker), (Span::new(6, 16), Span::new(1, 16)));
        assert!(date_marker("date 2023-02-30 x").is_none());
        assert!(date_marker("date 2023-10-13x").is_none());
        assert!(date_marker("Dated material.").is_none());
    }

    /// The dateline's text, places, agency and date.
    type Read<'a> = (String, Vec<&'a str>, Option<&'a str>, Option<&'a str>);

    fn dl(p: &str) -> Option<Read<'_>> {
        dateline(p, 0, p.len()).map(|d| {
            (
                p[d.span.start..d.span.end].to_string(),
                d.places.iter().map(|s| &p[s.start..s.end]).collect(),
                d.agency.map(|s| &p[s.start..s.end]),
                d.date.map(|s| &p[s.start..s.end]),
            )
        })
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dl("WASHINGTON (AP) — The White House on Friday said"),
            Some((
                "WASHINGTON (AP) —".into(),
                vec!["WASHINGTON"],
                Some("AP"),
                None
            ))
        );
        assert_eq!(
            dl("LONDON, Oct 13 (Reuters) - Britain's economy grew"),
            Some((
                "LONDON, Oct 13 (Reuters) -".into(),
                vec!["LONDON"],
                Some("Reuters"),
                Some("Oct 13")
            ))
        );
        assert_eq!(
            dl("BEIJING (Reuters) - China said"),
            Some((
                "BEIJING (Reuters) -".into(),
                vec!["BEIJING"],
                Some("Reuters"),
                None
            ))
        );
        assert_eq!(
            dl("NEW YORK — Stocks fell"),
            Some(("NEW YORK —".into(), vec!["NEW YORK"], None, None))
        );
        assert_eq!(
            dl("MANCHESTER, N.H. (AP) — The Latest"),
            Some((
                "MANCHESTER, N.H. (AP) —".into(),
                vec!["MANCHESTER", "N.H."],
                Some("AP"),
                None
            ))
        );
        assert_eq!(
            dl("HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party"),
            Some((
                "HEMPSTEAD, N.Y., Sept. 26 (UPI) —".into(),
                vec!["HEMPSTEAD", "N.Y."],
                Some("UPI"),
                Some("Sept. 26")
            ))
        );
        assert_eq!(
            dl("WASHINGTON -- President Obama"),
            Some(("WASHINGTON --".into(), vec!["WASHINGTON"], None, None))
        );
        assert_eq!(
            dl("Washington (Reuters) - The Fed"),
            Some((
                "Washington (Reuters) -".into(),
                vec!["Washington"],
                Some("Reuters"),
                None
            ))
        );
        // Not datelines: a title-case name without agency, a sentence, an acronym subject.
        assert_eq!(dl("Washington - the city"), None);
        assert_eq!(dl("The White House — in a statement"), None);
        assert_eq!(dl("EVERYONE AGREES that bridges need repair."), None);
        assert_eq!(dl("ASLACTON, England"), None);
        assert_eq!(dl("I — for one — agree"), None);
        assert_eq!(dl("EXCLUSIVE – Donald Trump said"), None);
    }
}
