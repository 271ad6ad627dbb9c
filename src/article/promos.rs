//! Teasers by their shape: links to other stories and media the page placed between paragraphs
//! (`Also on WorldPost:`, `WATCH | Premier responds`, `WATCH What Hillary Does …`), and video
//! players' lengths (`0:25`, `2:11 Trudeau speaks in Ottawa`, `Duration 1:45`). The fixed
//! wordings (`Read more:`, `Sign up for …`) are word lists read by `article::classify`.
//!
//! Why: a teaser's headline often quotes someone (`WATCH | 'We will not back down,' premier
//! says`); read as text, it adds a quote the article does not hold.

use crate::words::{DAY_PARTS, TEASER_LABELS, TIME_ZONES, VIDEO_OPENINGS};

/// A teaser line has at most this many words.
const TEASER_WORDS: usize = 30;
/// `Also on WorldPost:` names a site in a few words.
const ALSO_ON_WORDS: usize = 6;
/// The title after a video's length has at most this many words.
const VIDEO_TITLE_WORDS: usize = 20;

/// Whether the paragraph is a teaser or a video's length.
pub fn is_teaser(par: &str) -> bool {
    let p = par.trim();
    let words: Vec<&str> = p.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    if words.len() > TEASER_WORDS {
        return false;
    }
    let lower = p.to_lowercase();
    // `Also on WorldPost:` — a label, not `Also on Thursday, Emanuel said …`.
    if lower.starts_with("also on ") && p.ends_with(':') && words.len() <= ALSO_ON_WORDS {
        return true;
    }
    // `WATCH | …`, `LISTEN| …`, `Analysis | …`.
    let label = first.trim_end_matches('|').to_lowercase();
    let barred = first.ends_with('|') || words.get(1).is_some_and(|w| w.starts_with('|'));
    if barred && TEASER_LABELS.contains(&label.as_str()) {
        return true;
    }
    // `WATCH What Hillary Does …`: a media label in capitals opening a headline.
    if matches!(*first, "WATCH" | "LISTEN" | "LOOK") && words.len() > 1 {
        return true;
    }
    video_length(&words)
}

/// `0:25`, `2:11 Video title`, `Duration 1:45`, `1:02:03`: a player's length alone, after a
/// label, or before a title. A clock time (`9:34 p.m.`, `12:04 ET`) is not one.
fn video_length(words: &[&str]) -> bool {
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.trim_end_matches([':', '.', ',']).to_lowercase())
        .collect();
    let at = (0..lower.len().min(3)).find(|&i| is_length(&lower[i]));
    let Some(at) = at else {
        return false;
    };
    let label = lower[..at].join(" ");
    if at > 0 && !VIDEO_OPENINGS.contains(&label.as_str()) {
        return false;
    }
    let title = &lower[at + 1..];
    let clock = title.first().is_some_and(|w| {
        let w = w.trim_end_matches('.');
        matches!(w, "am" | "pm" | "a.m" | "p.m" | "h")
            || TIME_ZONES.contains(&w)
            || DAY_PARTS.contains(&w)
    });
    !clock && title.len() <= VIDEO_TITLE_WORDS
}

/// `m:ss` or `h:mm:ss`, the seconds (and minutes after hours) below 60.
fn is_length(w: &str) -> bool {
    let parts: Vec<&str> = w.split(':').collect();
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    let below_60 = |s: &str| s.len() == 2 && s.parse::<u32>().is_ok_and(|n| n < 60);
    match parts.as_slice() {
        [m, s] => digits(m, 2) && below_60(s),
        [h, m, s] => digits(h, 2) && below_60(m) && below_60(s),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teasers() {
        for p in [
            "Also on WorldPost:",
            "Also on CBC News:",
            "WATCH | Premier says 'we will not back down'",
            "LISTEN | The Current",
            "WATCH| Trudeau in Ottawa",
            "ANALYSIS | Why the budget matters",
            "WATCH What Hillary Does When A Guy Walks Up And Confronts Her.",
            "0:25",
            "2:11 Trudeau speaks in Ottawa",
            "Duration 1:45",
            "Video duration: 0:58",
            "1:02:03",
        ] {
            assert!(is_teaser(p), "{p}");
        }
    }

    #[test]
    fn body_lines_are_not_teasers() {
        for p in [
            "Also on Thursday, Emanuel said he would no longer fight the release.",
            "Watch the skies, he said.",
            "9:34 p.m.",
            "12:04 ET",
            "The meeting ran from 9:30 to 11:15.",
            "Watchdog groups said the bill | was flawed.",
            "WATCHDOG MEMO",
            "9:75",
            "",
        ] {
            assert!(!is_teaser(p), "{p}");
        }
    }
}
