//! Word knowledge: every word list and character class the rules read, in one home.
//!
//! The lists are data files beside this module (`*.txt`: one entry per line, `*.tsv`: columns),
//! laid out as constants at build time by `build.rs` (see `words/build.rs`); each file's header
//! says what the list is for and which stage reads it. The cue table (`model/cues.txt`, derived
//! from PolNeAR train) is laid out the same way; [`cues`] reads it. Quote marks are defined
//! once, in [`marks`].

// The build step, compiled here too so its checks are tested.
#[cfg(test)]
mod build;
pub mod calendar;
pub mod cues;
pub mod marks;

include!(concat!(env!("OUT_DIR"), "/words.rs"));

/// A title or role noun in front of a name (`Sen.`, `spokeswoman`); periods are dropped.
pub fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    TITLES.contains(&w.as_str())
}

/// A noun for a person the text need not name: a title or role (`spokeswoman`, `official`),
/// a person noun (`resident`, `voter`, `owner`) or a noun OntoNotes' coreference shows heading
/// descriptions of people (`player`, `lawyer`: `person_heads.txt`); any case, periods dropped.
pub fn is_person_noun(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    TITLES.contains(&w.as_str())
        || PERSON_NOUNS.contains(&w.as_str())
        || PERSON_HEADS.binary_search(&w.as_str()).is_ok()
}

/// "of", "for": what joins a title to its complement ("Minister of Finance").
pub fn is_complement_joint(word: &str) -> bool {
    matches!(word, "of" | "for")
}

/// A capitalised word that is never a name on its own: a sentence starter, a function word,
/// or a weekday or month written in title case (`Monday`, `May`).
pub fn is_not_name(word: &str) -> bool {
    NOT_NAMES.contains(&word) || SENTENCE_STARTERS.contains(&word) || is_calendar_title(word)
}

/// `Monday`, `October`: title case, lower-cased a weekday or month.
fn is_calendar_title(word: &str) -> bool {
    let mut chars = word.chars();
    if !chars.next().is_some_and(char::is_uppercase) || !chars.all(char::is_lowercase) {
        return false;
    }
    let lower = word.to_lowercase();
    WEEKDAYS.contains(&lower.as_str()) || MONTHS.contains(&lower.as_str())
}

/// A subject pronoun (`he`, `they`, `who`), any case.
pub fn is_pronoun(word: &str) -> bool {
    PRONOUNS.contains(&word.to_lowercase().as_str())
}

/// A weekday name, lower case (`monday`).
pub fn is_weekday(lower: &str) -> bool {
    WEEKDAYS.contains(&lower)
}

/// An `-ly` adverb by its spelling (`reportedly`, `quickly`): longer than four bytes, so
/// `only`, `July` and `fly` are not. Case-sensitive: callers pass the case they test.
pub fn is_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly")
}

/// An `-ing` form (`adding`, `saying`): a participle cue takes the subject of the clause
/// before it (`Kirby said, adding that …`).
pub fn is_participle(word: &str) -> bool {
    word.ends_with("ing")
}

/// A lower-case word that reads as an inflected verb by its ending, `-ed` or `-es` (`barked`,
/// `fumes`), longer than three letters: a verb of saying the cue table may lack.
pub fn is_inflected_verb(word: &str) -> bool {
    word.len() > 3
        && word.chars().all(|c| c.is_ascii_lowercase())
        && (word.ends_with("ed") || word.ends_with("es"))
}

/// The possessive `'s` (straight or curly apostrophe), a token of its own.
pub fn is_possessive(token: &str) -> bool {
    matches!(token, "'s" | "’s")
}

/// An article in title case (`The`, `A`, `An`), as it opens a sentence; other casings
/// (`the`, `THE`) are not.
pub fn is_capitalised_article(word: &str) -> bool {
    let w = word.as_bytes();
    ARTICLES.iter().any(|a| {
        let a = a.as_bytes();
        w.len() == a.len() && w[0] == a[0].to_ascii_uppercase() && w[1..] == a[1..]
    })
}

/// `a` or `an`, lower case: a new, unnamed thing (`in a statement`).
pub fn is_indefinite_article(word: &str) -> bool {
    matches!(word, "a" | "an")
}

/// The gender a courtesy title gives the person it names (`true` = he): `mr`, `mrs`, `ms`,
/// `miss`, lower case without the period.
pub fn title_gender(lower: &str) -> Option<bool> {
    GENDER_TITLES
        .iter()
        .find(|(t, _)| *t == lower)
        .map(|(_, g)| *g == "m")
}

/// A word (lower case) that heads sources in PolNeAR train (`officials`, `campaign`). The list is
/// sorted by its derivation script, so this is a binary search: it runs for every unresolved
/// speaker.
pub fn is_source_head(lower: &str) -> bool {
    SOURCE_HEADS.binary_search(&lower).is_ok()
}

/// The gender news pronouns give bearers of this first name (`true` = he), if it is listed.
/// The list is sorted by its derivation script: a binary search, as pronoun resolution asks
/// for every candidate.
pub fn first_name_gender(name: &str) -> Option<bool> {
    name_gender(FIRST_NAMES, name)
}

/// The gender a first name usually has (`true` = male), from the broader given-name table
/// (`given_names.tsv`): only for guessing a person's gender when the article says nothing, never
/// for resolving pronouns, which `first_name_gender`'s news-learned table does.
pub fn given_name_gender(name: &str) -> Option<bool> {
    name_gender(GIVEN_NAMES, name)
}

/// A sorted name → m/f table's answer for `name` (`true` = male).
fn name_gender(table: &[(&str, &str)], name: &str) -> Option<bool> {
    (table.binary_search_by(|(n, _)| (*n).cmp(name)).ok()).map(|i| table[i].1 == "m")
}

/// The gender a role or kin noun says (`true` = he): "chairwoman", "widow", "son"; lower case.
/// The list is sorted: a binary search.
pub fn noun_gender(lower: &str) -> Option<bool> {
    GENDERED_NOUNS
        .binary_search_by(|(n, _)| (*n).cmp(lower))
        .ok()
        .map(|i| GENDERED_NOUNS[i].1 == "m")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_laid_out_from_the_files() {
        assert_eq!(WEEKDAYS[0], "monday");
        assert_eq!(MONTHS.len(), 12);
        assert!(TITLES.contains(&"spokeswoman"));
        assert_eq!(MODIFIERS[0], (&["more", "than"][..], ">"));
        assert_eq!(SCALES[1], ("thousand", 1e3));
        assert_eq!(PLACE_ALIASES[0], ("dprk", "north korea"));
    }

    #[test]
    fn searched_lists_are_sorted() {
        assert!(SOURCE_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(FIRST_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(PERSON_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_person_noun("Player") && !is_person_noun("company"));
        assert!(GIVEN_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(given_name_gender("Jennifer"), Some(false));
        assert_eq!(given_name_gender("Chris"), None, "on both lists");
        assert!(GENDERED_NOUNS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(noun_gender("chairwoman"), Some(false));
        assert_eq!(noun_gender("widower"), Some(true));
        assert_eq!(noun_gender("chairman"), None);
        assert!(is_source_head("officials") && !is_source_head("came"));
        assert_eq!(first_name_gender("Kofi"), Some(true));
        assert_eq!(first_name_gender("Mary"), Some(false));
        assert_eq!(first_name_gender("Zzz"), None);
    }

    #[test]
    fn names_and_not_names() {
        for w in ["The", "However", "Monday", "May", "Asked"] {
            assert!(is_not_name(w), "{w}");
        }
        for w in ["Kirby", "MONDAY", "Mayor", "Officials"] {
            assert!(!is_not_name(w), "{w}");
        }
        assert!(is_title("Sen.") && is_title("spokeswoman") && !is_title("Kirby"));
        assert!(is_pronoun("She") && !is_pronoun("the"));
        assert!(
            is_person_noun("resident") && is_person_noun("Owner") && is_person_noun("official")
        );
        assert!(!is_person_noun("one") && !is_person_noun("came"));
    }

    #[test]
    fn articles_titles_and_word_forms() {
        for w in ["The", "A", "An"] {
            assert!(is_capitalised_article(w), "{w}");
        }
        for w in ["the", "THE", "An'", "Then", "'s", ""] {
            assert!(!is_capitalised_article(w), "{w}");
        }
        assert_eq!(title_gender("mr"), Some(true));
        assert_eq!(title_gender("ms"), Some(false));
        assert_eq!(title_gender("dr"), None);
        assert!(is_indefinite_article("an") && !is_indefinite_article("the"));
        assert!(!is_indefinite_article("A"));
        assert!(is_possessive("’s") && is_possessive("'s") && !is_possessive("s"));
        assert!(is_participle("adding") && !is_participle("added"));
        assert!(is_inflected_verb("barked") && is_inflected_verb("quipped"));
        assert!(
            !is_inflected_verb("Barked") && !is_inflected_verb("red") && !is_inflected_verb("bark")
        );
    }

    #[test]
    fn adverbs_by_their_ending() {
        for w in ["reportedly", "quickly", "early"] {
            assert!(is_adverb(w), "{w}");
        }
        for w in ["only", "July", "fly", "said", "QUICKLY"] {
            assert!(!is_adverb(w), "{w}");
        }
    }
}
