//! Photo credits and captions by their shape: a line that is a credit (`The Canadian Press`,
//! `Scott Olson via Getty Images`, `Sean Kilpatrick/The Canadian Press`) or a caption closed by
//! one in parentheses (`… in Ottawa on Tuesday. (Sean Kilpatrick/The Canadian Press)`).
//!
//! Why: copied pages keep the photo's caption and credit between paragraphs; read as text, the
//! photographer becomes a name and a quoted caption a second quote. A credit names an agency
//! (`src/words/credit_agencies.txt`) after a slash or `via`, or stands alone; a body sentence
//! naming one (`The Canadian Press reported …`, `she told Reuters`) has neither shape.

use crate::words::{CAPTION_OPENINGS, CREDIT_AGENCIES};

/// A whole credit line has at most this many words (`Photo by Jane Doe via Getty Images`).
const CREDIT_WORDS: usize = 12;
/// A caption closed by a credit has at most this many words.
const CAPTION_WORDS: usize = 60;

/// Whether the paragraph is a photo credit or a caption ending with one.
pub fn is_credit(par: &str) -> bool {
    let p = trim(par);
    let words = p.split_whitespace().count();
    if words == 0 {
        return false;
    }
    if words <= CREDIT_WORDS && credit(p) {
        return true;
    }
    words <= CAPTION_WORDS && closing_credit(p)
}

/// Surrounding blanks, a final period and an enclosing pair of parentheses dropped.
fn trim(s: &str) -> &str {
    let s = s.trim().trim_end_matches('.').trim_end();
    match s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        Some(inner) if !inner.contains(['(', ')']) => inner.trim(),
        _ => s,
    }
}

/// The text of a credit: an agency alone (`Getty Images`), after a name and a slash or `via`
/// (`John Moore/Getty Images`, `Paras Griffin via Getty Images`), or opened as a credit
/// (`Photo by …`, `AP Photo/Evan Vucci`).
fn credit(s: &str) -> bool {
    let lower = s.trim().trim_end_matches('.').to_lowercase();
    if CREDIT_AGENCIES.contains(&lower.as_str()) {
        return true;
    }
    let opened = CAPTION_OPENINGS
        .iter()
        .chain(&["ap photo/", "cp photo/", "pa photo/"])
        .any(|o| lower.starts_with(o.trim_start_matches('(')));
    opened
        || CREDIT_AGENCIES.iter().any(|a| {
            lower.strip_suffix(a).is_some_and(|before| {
                let before = before.trim_end();
                // A photographer's name before: `Jane Doe/`, `Jane Doe via`.
                let named = before
                    .strip_suffix('/')
                    .or_else(|| before.strip_suffix(" via"))
                    .is_some_and(|name| !name.trim().is_empty());
                named || before.ends_with("photo:") || before.ends_with("credit:")
            })
        })
}

/// A caption closed by a credit in parentheses: `… on Tuesday. (Sean Kilpatrick/The Canadian
/// Press)`. The credit names an agency; a `Name/Outlet` pair of any outlet counts after a
/// sentence's end only (`… in the poll (ABC News/Washington Post)` is a citation).
fn closing_credit(p: &str) -> bool {
    let Some(open) = p.strip_suffix(')').and_then(|s| s.rfind('(')) else {
        return false;
    };
    let inner = &p[open + 1..p.len() - 1];
    if inner.contains(['(', ')']) || inner.split_whitespace().count() > CREDIT_WORDS {
        return false;
    }
    let before = p[..open].trim_end();
    if before.is_empty() {
        return false;
    }
    if credit(inner) {
        return true;
    }
    let after_sentence = before.ends_with(['.', '!', '?', '"', '”', '’']);
    after_sentence && name_slash_outlet(inner)
}

/// `Jabin Botsford/The Washington Post`: two to four capitalised words, a slash, capitalised
/// words.
fn name_slash_outlet(s: &str) -> bool {
    let Some((name, outlet)) = s.split_once('/') else {
        return false;
    };
    let capitalised = |part: &str, max: usize| {
        let ws: Vec<_> = part.split_whitespace().collect();
        !ws.is_empty()
            && ws.len() <= max
            && ws
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "of" | "and" | "the"))
    };
    let n = name.split_whitespace().count();
    (2..=4).contains(&n) && capitalised(name, 4) && capitalised(outlet, 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines() {
        for p in [
            "The Canadian Press",
            "Getty Images",
            "Getty.",
            "PA Media",
            "(Sean Kilpatrick/The Canadian Press)",
            "Sean Kilpatrick / The Canadian Press",
            "John Moore/Getty Images.",
            "Scott Olson via Getty Images.",
            "Photo: Jane Doe/Reuters",
            "Credit: Jane Doe for The New York Times",
            "AP Photo/Evan Vucci",
            "(Photo by Jane Doe via Getty Images)",
            "Image source, Getty Images",
            "Image caption, The prime minister in Downing Street",
            "File photo",
        ] {
            assert!(is_credit(p), "{p}");
        }
    }

    #[test]
    fn captions_closed_by_a_credit() {
        for p in [
            "Prime Minister Justin Trudeau speaks in Ottawa on Tuesday. (Sean Kilpatrick/The Canadian Press)",
            "Protesters march in Seoul (AP Photo/Lee Jin-man)",
            "Rishi Sunak leaves Downing Street on Wednesday. (PA Media)",
            "Joe Biden speaks at the White House. (Jabin Botsford/The Washington Post)",
            "The minister arrives in Halifax. (Jane Doe/CBC)",
        ] {
            assert!(is_credit(p), "{p}");
        }
    }

    #[test]
    fn body_sentences_naming_an_agency_are_not_credits() {
        for p in [
            "The Canadian Press reported the deal on Friday.",
            "\"We will not back down,\" the minister said (Jane Doe).",
            "She told The Canadian Press that the talks had failed.",
            "Clinton leads by four points in the poll (ABC News/Washington Post).",
            "The report was first published by Reuters",
            "\"It's over,\" she said (in French).",
            "Sen. Ted Cruz (R/Texas) voted no.",
            "",
        ] {
            assert!(!is_credit(p), "{p}");
        }
    }
}
