//! Rule layer for numeric and time entities: DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL and
//! ORDINAL, with normalised values (dates resolved against the article date). Spans follow
//! OntoNotes conventions: modifiers such as "more than" and "last" are inside the span.

use crate::article::time;
use crate::schema::{Entity, Label};
use crate::text::doc::Doc;
use crate::words::calendar;
use crate::words::{
    CURRENCY_SYMBOLS, CURRENCY_WORDS, DATE_UNITS, DAY_PARTS, MODIFIERS, ORDINALS, QUANTITY_UNITS,
    SCALES, SEASONS, TENS_WORDS, TIME_UNITS, UNITS_WORDS, WEEKDAYS,
};
use crate::words::{MAY_MONTH_CONTEXT, PRONOUN_DETERMINERS, TIME_ZONES};

use super::tense::{self, Tense};

/// Finds the numeric/time entities in every sentence of the document.
pub fn find(doc: &Doc) -> Vec<Entity> {
    let today = doc.date.map(|(y, m, d)| time::days_from_civil(y, m, d));
    let mut out = Vec::new();
    for s in &doc.sentences {
        let words: Vec<&str> = (s.first..s.end).map(|i| doc.lower(i)).collect();
        let m = Matcher {
            words: &words,
            raw: (s.first..s.end).map(|i| doc.token_text(i)).collect(),
            today,
        };
        let mut i = 0;
        while i < words.len() {
            match m.at(i) {
                Some((end, label, value)) => {
                    let span = doc.span(s.first + i, s.first + end - 1);
                    out.push(Entity {
                        start: span.start,
                        end: span.end,
                        text: doc.text[span.start..span.end].to_string(),
                        label,
                        cluster: None,
                        value,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    out
}

type Match = (usize, Label, Option<String>);

/// Matches at one token position of one sentence.
struct Matcher<'a> {
    /// Lowercased tokens.
    words: &'a [&'a str],
    /// Tokens as written (capitalisation matters for "May").
    raw: Vec<&'a str>,
    /// Article date as days since the epoch.
    today: Option<i64>,
}

impl Matcher<'_> {
    fn w(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn at(&self, i: usize) -> Option<Match> {
        self.relative_date(i)
            .or_else(|| self.weekday(i))
            .or_else(|| self.calendar_date(i))
            .or_else(|| self.clock_time(i))
            .or_else(|| self.ordinal(i))
            .or_else(|| self.number_phrase(i))
    }

    /// "last month", "next Monday", "earlier this week", "yesterday", "this summer".
    fn relative_date(&self, i: usize) -> Option<Match> {
        let today = self.today;
        let w = self.w(i);
        let single = |delta: i64| today.map(|t| time::iso(t + delta));
        match w {
            "today" => return Some((i + 1, Label::Date, single(0))),
            "yesterday" => return Some((i + 1, Label::Date, single(-1))),
            "tomorrow" => return Some((i + 1, Label::Date, single(1))),
            "tonight" => return Some((i + 1, Label::Time, single(0))),
            _ => {}
        }
        // "recent weeks", "several months", "a few days"
        let vague = match (w, self.w(i + 1)) {
            ("recent" | "several" | "few" | "many", u) if DATE_UNITS.contains(&u) => Some(i + 2),
            ("a", "few") if DATE_UNITS.contains(&self.w(i + 2)) => Some(i + 3),
            _ => None,
        };
        if let Some(end) = vague {
            return Some((end, Label::Date, None));
        }
        let (start_len, rel) = match (w, self.w(i + 1)) {
            ("earlier", "this") | ("later", "this") => (2, "this"),
            ("last" | "next" | "this" | "past", _) => (1, w),
            ("the", "past" | "coming" | "last" | "next") => (2, self.w(i + 1)),
            _ => return None,
        };
        let unit = self.w(i + start_len);
        let rel = match rel {
            "past" | "last" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        let (y, m, _) = today.map(time::civil_from_days).unwrap_or((0, 0, 0));
        let value = |v: String| today.map(|_| v);
        let end = i + start_len + 1;
        match unit {
            "week" => Some((
                end,
                Label::Date,
                value(time::iso_week(today.unwrap_or(0) + 7 * rel)),
            )),
            "month" => Some((
                end,
                Label::Date,
                value(time::month_offset(y, m, rel as i32)),
            )),
            "year" => Some((end, Label::Date, value(format!("{:04}", y + rel as i32)))),
            "weekend" => Some((end, Label::Date, None)),
            "morning" | "afternoon" | "evening" | "night" if rel <= 0 => Some((
                end,
                Label::Time,
                value(time::iso(
                    today.unwrap_or(0) + if rel < 0 && unit == "night" { -1 } else { 0 },
                )),
            )),
            u if SEASONS.contains(&u) => Some((end, Label::Date, None)),
            u if WEEKDAYS.contains(&u) => {
                let wd = calendar::weekday(u)? as i64;
                Some((
                    end,
                    Label::Date,
                    today.map(|t| time::iso(resolve_weekday(t, wd, rel))),
                ))
            }
            _ => {
                // "the past two weeks", "the last three years"
                if start_len == 2 && rel != 0 {
                    let (_, after) = self.number(i + 2)?;
                    if DATE_UNITS.contains(&self.w(after)) {
                        return Some((after + 1, Label::Date, None));
                    }
                }
                None
            }
        }
    }

    /// A bare weekday, plus a following part of day ("Friday night" is TIME). It points the way
    /// its clause's tense does; with none, back (news reports what happened).
    fn weekday(&self, i: usize) -> Option<Match> {
        let wd = calendar::weekday(self.w(i))? as i64;
        let value = self.today.map(|t| {
            let rel = match tense::of_weekday(self.words, i) {
                Some(Tense::Future) => 2,
                Some(Tense::Past) | None => -2,
            };
            time::iso(resolve_weekday(t, wd, rel))
        });
        // OntoNotes marks "Sunday morning" as DATE "Sunday" + TIME "morning"; the part of day
        // is picked up by the next match.
        Some((i + 1, Label::Date, value))
    }

    /// "Oct. 13", "October 13, 2023", "13 October 2023", "January 2023", "mid-October", "2023", "the 1990s".
    fn calendar_date(&self, i: usize) -> Option<Match> {
        let year_of = |j: usize| -> Option<i32> {
            let t = self.w(j);
            (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
                .filter(|y| (1000..=2199).contains(y))
        };
        let day_of = |j: usize| -> Option<u32> {
            let t = self.w(j).trim_end_matches(|c: char| c.is_alphabetic());
            t.parse().ok().filter(|d| (1..=31).contains(d))
        };
        let article_year = self.today.map(|t| time::civil_from_days(t).0);
        if let Some(m) = self.month(i) {
            let mut end = i + 1;
            let day = day_of(end).filter(|_| !self.w(end).is_empty());
            if day.is_some() {
                end += 1;
            }
            let mut year = None;
            let comma = self.w(end) == "," && year_of(end + 1).is_some() && day.is_some();
            if let Some(y) = year_of(end + usize::from(comma)) {
                year = Some(y);
                end += 1 + usize::from(comma);
            }
            if day.is_none()
                && year.is_none()
                && self.raw[i] == "May"
                && !MAY_MONTH_CONTEXT.contains(&self.w(i.wrapping_sub(1)))
            {
                return None;
            }
            let value = match (day, year.or(article_year)) {
                (Some(d), Some(y)) if d <= time::days_in_month(y, m) => {
                    Some(format!("{y:04}-{m:02}-{d:02}"))
                }
                (None, Some(y)) => Some(format!("{y:04}-{m:02}")),
                _ => None,
            };
            return Some((end, Label::Date, value));
        }
        // 13 October 2023
        if let (Some(d), Some(m)) = (day_of(i), self.month(i + 1)) {
            if self.w(i).chars().all(|c| c.is_ascii_digit()) {
                let (end, y) = match year_of(i + 2) {
                    Some(y) => (i + 3, Some(y)),
                    None => (i + 2, article_year),
                };
                return Some((end, Label::Date, y.map(|y| format!("{y:04}-{m:02}-{d:02}"))));
            }
        }
        // mid-October, mid-2023
        if self.w(i) == "mid"
            && self.w(i + 1) == "-"
            && (self.month(i + 2).is_some() || year_of(i + 2).is_some())
        {
            return Some((i + 3, Label::Date, None));
        }
        // "the 1990s", "the early 1980s", "the mid-1970s" (OntoNotes keeps "the" in decades)
        let decade = |j: usize| {
            let t = self.w(j);
            t.len() == 5 && t.ends_with('s') && t[..4].chars().all(|c| c.is_ascii_digit())
        };
        let lead = match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("the", "early" | "late", _) => 2,
            ("the", "mid", "-") => 3,
            ("the", _, _) => 1,
            _ => 0,
        };
        if decade(i + lead) {
            let t = self.w(i + lead);
            return Some((i + lead + 1, Label::Date, Some(format!("{}X", &t[..3]))));
        }
        if let Some(y) = year_of(i) {
            let next = self.w(i + 1);
            let prev = self.w(i.wrapping_sub(1));
            let money_or_unit = prev == "$"
                || QUANTITY_UNITS.contains(&next)
                || CURRENCY_WORDS.iter().any(|c| c.0 == next)
                || next == "%"
                || next == "percent";
            if !money_or_unit && !MODIFIERS.iter().any(|(m, _)| m.last() == Some(&prev)) {
                // A year on its own (`in 2005`, `the summer of 2005`: the season is a DATE of its own).
                return Some((i + 1, Label::Date, Some(format!("{y:04}"))));
            }
        }
        None
    }

    fn month(&self, i: usize) -> Option<u32> {
        // "may" and "march" in lowercase are verbs.
        if !self
            .raw
            .get(i)
            .is_some_and(|r| r.starts_with(char::is_uppercase))
        {
            return None;
        }
        let t = self.w(i);
        calendar::month(t)
    }

    /// "10:30 a.m.", "3 p.m.", "noon", "midnight", "this morning".
    fn clock_time(&self, i: usize) -> Option<Match> {
        let t = self.w(i);
        let after_weekday = i > 0 && WEEKDAYS.contains(&self.w(i - 1));
        if matches!(t, "noon" | "midnight") || (after_weekday && DAY_PARTS.contains(&t)) {
            return Some((i + 1, Label::Time, None));
        }
        let is_clock = t.contains(':')
            && t.split(':')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        let is_hour = t.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h));
        let suffix = matches!(
            self.w(i + 1),
            "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m" | "o'clock"
        );
        if (is_clock || is_hour) && suffix {
            let mut end = i + 2;
            if TIME_ZONES.contains(&self.w(end)) {
                end += 1;
            }
            return Some((end, Label::Time, Some(t.to_string())));
        }
        if is_clock {
            return Some((i + 1, Label::Time, Some(t.to_string())));
        }
        None
    }

    /// "third", "21st"; "the first quarter" is a DATE.
    fn ordinal(&self, i: usize) -> Option<Match> {
        let t = self.w(i);
        let n = if let Some(p) = ORDINALS.iter().position(|o| *o == t) {
            p + 1
        } else {
            let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &t[digits.len()..];
            if digits.is_empty()
                || !digits.chars().all(|c| c.is_ascii_digit())
                || !matches!(suffix, "st" | "nd" | "rd" | "th")
            {
                return None;
            }
            digits.parse().ok()?
        };
        if matches!(self.w(i + 1), "quarter" | "half") && n <= 4 {
            return Some((i + 2, Label::Date, None));
        }
        Some((i + 1, Label::Ordinal, Some(n.to_string())))
    }

    /// A number with its modifiers and what it counts: MONEY, PERCENT, QUANTITY, DATE/TIME
    /// durations ("two years", "five years ago") or a plain CARDINAL.
    fn number_phrase(&self, i: usize) -> Option<Match> {
        let (cmp, after_mod) = MODIFIERS
            .iter()
            .filter(|(m, _)| m.iter().enumerate().all(|(k, w)| self.w(i + k) == *w))
            .map(|(m, c)| (*c, i + m.len()))
            .max_by_key(|&(_, e)| e)
            .unwrap_or(("", i));
        let mut j = after_mod;
        let currency = CURRENCY_SYMBOLS
            .iter()
            .find(|(s, _)| *s == self.raw.get(j).copied().unwrap_or(""))
            .map(|c| c.1)
            // Other prefixed dollars (A$, NT$, S$) keep their prefix as the code.
            .or_else(|| {
                let r = self.raw.get(j).copied().unwrap_or("");
                (r.len() > 1 && r.ends_with('$')).then_some("dollar")
            });
        if currency.is_some() {
            j += 1;
        }
        let (value, mut end) = self.number(j)?;
        // "no one", "any one" are pronouns.
        let pronoun_context = PRONOUN_DETERMINERS.contains(&self.w(j.wrapping_sub(1)));
        if self.w(j) == "one" && pronoun_context {
            return None;
        }
        // A modifier alone in front of a year or ordinary word is not part of a number.
        let fmt = |v: f64| {
            let s = if v.fract() == 0.0 && v.abs() < 1e18 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            };
            format!("{cmp}{s}")
        };
        if let Some(cur) = currency {
            return Some((end, Label::Money, Some(format!("{} {cur}", fmt(value)))));
        }
        let next = self.w(end).to_string();
        if let Some((_, cur)) = CURRENCY_WORDS.iter().find(|(w, _)| *w == next) {
            return Some((end + 1, Label::Money, Some(format!("{} {cur}", fmt(value)))));
        }
        if next == "%" || next == "percent" {
            return Some((end + 1, Label::Percent, Some(format!("{}%", fmt(value)))));
        }
        if next == "per" && self.w(end + 1) == "cent" {
            return Some((end + 2, Label::Percent, Some(format!("{}%", fmt(value)))));
        }
        if next == "percentage" && self.w(end + 1) == "points" {
            return Some((end + 2, Label::Percent, Some(format!("{} pp", fmt(value)))));
        }
        if (next == "square" || next == "cubic") && QUANTITY_UNITS.contains(&self.w(end + 1)) {
            return Some((
                end + 2,
                Label::Quantity,
                Some(format!("{} {} {}", fmt(value), next, self.w(end + 1))),
            ));
        }
        if QUANTITY_UNITS.contains(&next.as_str()) {
            return Some((
                end + 1,
                Label::Quantity,
                Some(format!("{} {}", fmt(value), next)),
            ));
        }
        if DATE_UNITS.contains(&next.as_str()) {
            end += 1;
            if matches!(self.w(end), "ago" | "old" | "earlier" | "later") {
                end += 1;
            }
            return Some((end, Label::Date, None));
        }
        if TIME_UNITS.contains(&next.as_str()) {
            let ago = self.w(end + 1) == "ago";
            return Some((end + 1 + usize::from(ago), Label::Time, None));
        }
        Some((end, Label::Cardinal, Some(fmt(value))))
    }

    /// Parses "1,000", "3.5", "1.2 billion", "twenty-one", "two hundred thousand", "a dozen".
    /// Returns the value and the index after the number.
    fn number(&self, i: usize) -> Option<(f64, usize)> {
        let t = self.w(i);
        let mut j = i;
        let mut value;
        if let Some(v) = digits_value(t) {
            value = v;
            j += 1;
            // A whole number and a fraction: "16 3/4".
            if let Some(f) = fraction_value(self.w(j)) {
                value += f;
                j += 1;
            }
        } else if let Some(v) = fraction_value(t) {
            value = v;
            j += 1;
        } else if let Some(v) = word_value(t) {
            value = v;
            j += 1;
            // twenty - one
            if v >= 20.0 && self.w(j) == "-" {
                if let Some(u) = word_value(self.w(j + 1)).filter(|u| *u < 10.0) {
                    value += u;
                    j += 2;
                }
            }
        } else if t == "a"
            && matches!(
                self.w(i + 1),
                "dozen" | "hundred" | "thousand" | "million" | "billion"
            )
        {
            value = 1.0;
            j += 1;
        } else {
            return None;
        }
        // Scale words: "1.2 billion", "two hundred thousand".
        while let Some((_, s)) = SCALES.iter().find(|(w, _)| *w == self.w(j)) {
            value *= s;
            j += 1;
        }
        Some((value, j))
    }
}

fn digits_value(t: &str) -> Option<f64> {
    if !t.starts_with(|c: char| c.is_ascii_digit())
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    t.replace(',', "").parse().ok()
}

/// A proper fraction as prices and rates are quoted (`3/4`, `12/32`); `9/11` is not one.
fn fraction_value(t: &str) -> Option<f64> {
    let (a, b) = t.split_once('/')?;
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    (a < b && [2, 3, 4, 8, 16, 32, 64].contains(&b)).then(|| f64::from(a) / f64::from(b))
}

fn word_value(t: &str) -> Option<f64> {
    if let Some(p) = UNITS_WORDS.iter().position(|w| *w == t) {
        // "one" and "zero" are too often pronouns or idioms on their own; keep them but only as numbers.
        return Some(p as f64);
    }
    TENS_WORDS
        .iter()
        .position(|w| *w == t)
        .map(|p| (p as f64 + 2.0) * 10.0)
}

/// Resolves a weekday relative to `today`: rel −1 = strictly before ("last Friday"),
/// +1 = strictly after ("next Monday"), 0 = the current week, −2 = on or before
/// (a bare weekday in past-tense news), +2 = on or after (future tense).
fn resolve_weekday(today: i64, wd: i64, rel: i64) -> i64 {
    let cur = time::weekday(today);
    match rel {
        -1 => today - ((cur - wd - 1).rem_euclid(7) + 1),
        1 => today + ((wd - cur - 1).rem_euclid(7) + 1),
        0 => today - cur + wd,
        -2 => today - (cur - wd).rem_euclid(7),
        _ => today + (wd - cur).rem_euclid(7),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(text: &str) -> Vec<(String, String, Option<String>)> {
        let doc = Doc::new(text, None);
        find(&doc)
            .into_iter()
            .map(|e| (e.text, e.label.to_string(), e.value))
            .collect()
    }

    fn one(text: &str) -> (String, String, Option<String>) {
        let e = ents(text);
        assert_eq!(e.len(), 1, "{text}: {e:?}");
        e[0].clone()
    }

    fn v(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn weekdays_resolve_against_the_article_date() {
        let d = "date 2023-10-13 ";
        assert_eq!(
            one(&format!("{d}It rained on Friday.")),
            ("Friday".into(), "DATE".into(), v("2023-10-13"))
        );
        assert_eq!(
            one(&format!("{d}On Thursday, it rained.")).2,
            v("2023-10-12")
        );
        assert_eq!(
            one(&format!("{d}They stay until next Monday.")),
            ("next Monday".into(), "DATE".into(), v("2023-10-16"))
        );
        assert_eq!(one(&format!("{d}They met last Friday.")).2, v("2023-10-06"));
        assert_eq!(
            one(&format!("{d}They will meet on Tuesday.")).2,
            v("2023-10-17")
        );
        let labels: Vec<_> = ents(&format!("{d}They met Friday night."))
            .into_iter()
            .map(|e| e.1)
            .collect();
        assert_eq!(labels, ["DATE", "TIME"]);
        assert_eq!(one("They met on Friday.").2, None);
    }

    #[test]
    fn relative_periods() {
        let d = "date 2023-10-13 ";
        assert_eq!(
            one(&format!("{d}He met Putin last month.")),
            ("last month".into(), "DATE".into(), v("2023-09"))
        );
        assert_eq!(
            one(&format!("{d}Drills took place earlier this week.")),
            ("earlier this week".into(), "DATE".into(), v("2023-W41"))
        );
        assert_eq!(one(&format!("{d}Sales fell last year.")).2, v("2022"));
        assert_eq!(one(&format!("{d}He left yesterday.")).2, v("2023-10-12"));
        assert_eq!(
            one("Prices rose over the past two weeks.").0,
            "the past two weeks"
        );
        assert_eq!(one("He arrived five years ago.").0, "five years ago");
        assert_eq!(one("It grew in recent weeks.").0, "recent weeks");
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(one("It happened on Oct. 13, 2023.").2, v("2023-10-13"));
        assert_eq!(one("It happened on 13 October 2023.").2, v("2023-10-13"));
        assert_eq!(
            one("date 2023-10-13 It happens on March 5.").2,
            v("2023-03-05")
        );
        assert_eq!(one("It happened in January 2020.").2, v("2020-01"));
        assert_eq!(one("It happened in 1998.").2, v("1998"));
        assert_eq!(one("Music of the 1990s.").0, "the 1990s");
        assert_eq!(one("Born in the mid-1970s.").0, "the mid-1970s");
        assert!(ents("The House may add more.").is_empty());
        assert!(ents("No one spoke.").is_empty());
        assert!(ents("You May go.").is_empty());
    }

    #[test]
    fn money_percent_quantity() {
        assert_eq!(
            one("It cost $1.2 billion."),
            ("$1.2 billion".into(), "MONEY".into(), v("1200000000 USD"))
        );
        assert_eq!(one("It cost 300 euros.").1, "MONEY");
        assert_eq!(
            one("Inflation hit 3.5%."),
            ("3.5%".into(), "PERCENT".into(), v("3.5%"))
        );
        assert_eq!(one("Up 12 percent.").0, "12 percent");
        assert_eq!(
            one("Bonds of 16 3/4% fell."),
            ("16 3/4%".into(), "PERCENT".into(), v("16.75%"))
        );
        assert_eq!(
            one("They drove 15 miles."),
            ("15 miles".into(), "QUANTITY".into(), v("15 miles"))
        );
    }

    #[test]
    fn cardinals_and_ordinals() {
        assert_eq!(
            one("It sent more than 1000 containers."),
            ("more than 1000".into(), "CARDINAL".into(), v(">1000"))
        );
        assert_eq!(one("There were twenty-one boats.").2, v("21"));
        assert_eq!(
            one("She came in the third."),
            ("third".into(), "ORDINAL".into(), v("3"))
        );
        assert_eq!(one("The 21st attempt.").2, v("21"));
        assert_eq!(one("Profit in the first quarter.").1, "DATE");
        assert_eq!(one("At 10:30 a.m. ET.").0, "10:30 a.m. ET");
        assert_eq!(one("About 2,500 people came.").2, v("~2500"));
    }
}
