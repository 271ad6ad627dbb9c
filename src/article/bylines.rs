//! Bylines and time stamps anywhere in the text, not only in the header: `By Jane Doe, The
//! Canadian Press`, `Jane Doe · CBC News · Posted: Oct 3, 2024 4:00 AM EDT`, `Jane Doe Political
//! Correspondent`, `Updated 12:04 ET`, `Published 3 hours ago`.
//!
//! Why: pages repeat the byline below a photo or at the end, and a second writer's byline opens
//! a shared story halfway; read as text, the writer becomes a name of the story.

use super::header;
use crate::schema::DateSourceKind;
use crate::words::{is_not_name, BYLINE_ROLES, HEADER_OPENINGS, TIME_UNITS};

/// A byline has at most this many words.
const BYLINE_WORDS: usize = 24;
/// `Jane Doe, Political Correspondent`: the name before the role has two to four words.
const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=4;

/// Whether the paragraph is a byline or a publication time stamp.
pub fn is_byline(par: &str) -> bool {
    let p = par.trim();
    if p.is_empty() || p.split_whitespace().nth(BYLINE_WORDS).is_some() {
        return false;
    }
    let stamped = header::line(p, 0, p.len()).is_some_and(|(kind, _)| {
        matches!(
            kind,
            DateSourceKind::Byline | DateSourceKind::Published | DateSourceKind::Updated
        )
    });
    stamped || separated_stamp(p) || relative_stamp(p) || named_role(p)
}

/// `Jane Doe · CBC News · Posted: Oct 3, 2024 4:00 AM EDT`: parts between bars or dots, one
/// after the first a time stamp.
fn separated_stamp(p: &str) -> bool {
    let parts: Vec<&str> = p.split(['·', '|', '•']).map(str::trim).collect();
    parts.len() >= 2
        && parts.iter().skip(1).any(|part| {
            opening(&part.to_lowercase())
                .is_some_and(|rest| rest.contains(|c: char| c.is_ascii_digit()))
        })
}

/// The rest of a line opening `Published`, `Updated`, `Posted`, `Last updated` (a colon
/// dropped).
fn opening(lower: &str) -> Option<&str> {
    HEADER_OPENINGS.iter().find_map(|(o, _)| {
        let rest = lower.strip_prefix(o)?;
        let rest = rest.strip_prefix(':').unwrap_or(rest);
        rest.starts_with(' ').then(|| rest.trim())
    })
}

/// `Published 3 hours ago`, `Updated: 25 minutes ago`.
fn relative_stamp(p: &str) -> bool {
    let lower = p.trim_end_matches('.').to_lowercase();
    let Some(rest) = opening(&lower) else {
        return false;
    };
    let ws: Vec<&str> = rest.split_whitespace().collect();
    match ws.as_slice() {
        [n, unit, "ago"] => {
            (n.bytes().all(|b| b.is_ascii_digit()) || matches!(*n, "a" | "an" | "one"))
                && (TIME_UNITS.contains(unit) || matches!(*unit, "day" | "days"))
        }
        _ => false,
    }
}

/// `Jane Doe Political Correspondent`, `Jane Doe, Reporter`, `By Jane Doe | CBC News`: a name
/// then a role. A one-word role or an outlet of one word needs a separator before it.
fn named_role(p: &str) -> bool {
    let p = p.strip_prefix("By ").unwrap_or(p).trim_end_matches('.');
    let lower = p.to_lowercase();
    BYLINE_ROLES.iter().any(|role| {
        let Some(before) = lower.strip_suffix(role) else {
            return false;
        };
        if !before.ends_with([' ', ',', '|', '·']) {
            return false;
        }
        let name = p[..before.len()].trim_end();
        let separated = name.ends_with([',', '|', '·']);
        // `Political Correspondent` is a job; `CBC News` (`Trump Slams CBC News`) is not.
        let job = role.contains(' ')
            && role
                .rsplit(' ')
                .next()
                .is_some_and(|last| BYLINE_ROLES.contains(&last));
        if !separated && !job {
            return false;
        }
        let ws: Vec<&str> = name
            .trim_end_matches([',', '|', '·'])
            .split_whitespace()
            .collect();
        NAME_WORDS.contains(&ws.len())
            && !is_not_name(ws[0])
            && ws.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_and_stamps() {
        for p in [
            "By Jane Doe, The Canadian Press",
            "Jane Doe · CBC News · Posted: Oct 3, 2024 4:00 AM EDT",
            "By Jane Doe and John Roe | The Associated Press",
            "Jane Doe Political Correspondent",
            "Chris Mason, Political editor",
            "Jane Doe, Reporter",
            "Jane Doe, CBC News",
            "Updated 12:04 ET",
            "Published 3 hours ago",
            "Updated: 25 minutes ago",
        ] {
            assert!(is_byline(p), "{p}");
        }
    }

    #[test]
    fn sentences_and_headlines_are_not_bylines() {
        for p in [
            "By Monday, the bill had passed.",
            "Trump Fires Editor",
            "Trump Slams CBC News",
            "The Canadian Press reported the deal on Friday.",
            "Published reports say the deal is off.",
            "Updated figures came out 3 hours ago.",
            "The New Political Correspondent",
            "Trudeau said he would meet the premiers · in Ottawa",
            "",
        ] {
            assert!(!is_byline(p), "{p}");
        }
    }
}
