//! Speaker resolution: from the mention as written (`Kirby`, `he`, `the spokeswoman`) to the
//! cluster of the person or organisation, walking the article in order.

use crate::coref::mentions::{Kind, Mention, Mentions};
use crate::text::doc::Doc;
use crate::text::TokenRange;
use crate::words::marks::is_unambiguous_mark;
use crate::words::{
    first_name_gender, is_complement_joint, is_not_name, is_person_noun, is_possessive, is_pronoun,
    is_source_head, is_title, title_gender, AUXILIARIES, CLAUSE_WORDS, NOT_HEADS, ORG_NOUNS,
    PREPOSITIONS, PRONOUN_DETERMINERS,
};

/// Speaker resolution state, walked in text order over all attributions.
#[derive(Default)]
pub struct Resolver {
    /// (token position, group) of speakers so far; `None` for a person we could not name
    /// ("my father"), which stops a later "he" from jumping to an older named speaker.
    history: Vec<(usize, Option<usize>)>,
    /// Gender per group learned from pronouns and titles: Some(true) = he, Some(false) = she.
    gender: std::collections::HashMap<usize, bool>,
}

impl Resolver {
    /// Resolves a speaker mention to a group: names via the mention clusters, pronouns to the
    /// most recent compatible speaker, role nouns ("the spokeswoman") to the role's holder.
    #[cfg(any(test, feature = "tools"))]
    pub fn resolve(
        &mut self,
        doc: &Doc,
        mentions: &Mentions,
        speaker: TokenRange,
    ) -> Option<usize> {
        self.resolve_or_take(doc, mentions, speaker, None).0
    }

    /// As [`Self::resolve`], but a group found otherwise (the learned chain's `chained`) wins
    /// when it agrees with the mention: a person for "he"/"she" and for a person noun or title
    /// ("the spokeswoman"), not a person for "it", of the pronoun's gender unless the article and
    /// the first-name table say nothing. The chains know no first names, so
    /// "she" after "Kofi Annan met Aung San Suu Kyi" needs this check. Also says whether the
    /// chain's group was taken.
    pub fn resolve_or_take(
        &mut self,
        doc: &Doc,
        mentions: &Mentions,
        speaker: TokenRange,
        chained: Option<usize>,
    ) -> (Option<usize>, bool) {
        let TokenRange { first: a, end: b } = speaker;
        let chained = chained.filter(|&g| self.agrees(doc, mentions, a, b, g));
        let group = match chained {
            Some(g) => {
                if let Some(male) = pronoun_gender(doc, a, b) {
                    self.gender.insert(g, male);
                }
                Some(g)
            }
            None => self.lookup(doc, mentions, a, b),
        };
        if group.is_some() || unnamed_person(doc, a, b) {
            self.history.push((a, group));
        }
        (group, chained.is_some())
    }

    fn agrees(&self, doc: &Doc, mentions: &Mentions, a: usize, b: usize, g: usize) -> bool {
        let kind = mentions.groups[g].kind;
        let head = doc.lower(b - 1);
        // "the spokeswoman", "the minister" is a person, "it" is not.
        let person = is_person_noun(head);
        if person && matches!(kind, Kind::Org | Kind::Place)
            || b == a + 1 && head == "it" && kind == Kind::Person
        {
            return false;
        }
        pronoun_gender(doc, a, b).is_none_or(|male| {
            !matches!(kind, Kind::Org | Kind::Place)
                && self.gender_of(mentions, g).is_none_or(|m| m == male)
        })
    }

    fn lookup(&mut self, doc: &Doc, mentions: &Mentions, a: usize, b: usize) -> Option<usize> {
        if b == a + 1 {
            let w = doc.lower(a);
            let male = match w {
                "he" => Some(true),
                "she" => Some(false),
                "it" => None,
                // A relative pronoun speaks for the name it follows ("Smith, who said …").
                "who" => {
                    return antecedent(doc, mentions, a, Kind::Person)
                        .or_else(|| antecedent(doc, mentions, a, Kind::Org))
                }
                "which" => return antecedent(doc, mentions, a, Kind::Org),
                _ => return self.by_name(doc, mentions, a, b),
            };
            if w == "it" {
                // The last organisation quoted, else the last one named nearby.
                return (self.history.iter().rev())
                    .filter_map(|&(_, g)| g)
                    .find(|&g| mentions.groups[g].kind == Kind::Org)
                    .or_else(|| {
                        (mentions.last_named(a, PRONOUN_REACH, Kind::Org, |_| true))
                            .map(|m| m.group)
                    });
            }
            let male = male?;
            let compatible = |g: usize, me: &Self| {
                !matches!(mentions.groups[g].kind, Kind::Org | Kind::Place)
                    && me.gender_of(mentions, g).is_none_or(|m| m == male)
            };
            // A person the writer just introduced as the subject of the sentence before, of the
            // pronoun's gender for certain, is meant over an earlier speaker ("Tina Houchins had a
            // question for the president. “…,” she said").
            if let Some(g) = previous_subject(doc, mentions, a)
                .filter(|&g| compatible(g, self) && self.gender_of(mentions, g) == Some(male))
            {
                return Some(g);
            }
            // The most recent compatible speaker; an unnamed person in between wins (as None).
            let recent = self
                .recent_speakers()
                .find(|g| g.is_none_or(|g| compatible(g, self)));
            if let Some(None) = recent {
                return None;
            }
            let g = recent.flatten().or_else(|| {
                mentions
                    .last_person(a, PRONOUN_REACH, |g| compatible(g, self))
                    .map(|m| m.group)
            })?;
            self.gender.insert(g, male);
            return Some(g);
        }
        self.by_name(doc, mentions, a, b)
    }

    /// A group's gender: what the article said (a title, a pronoun resolved to it), else what
    /// its first name usually is in the news (`src/words/first_names.tsv`: "Kofi" is he, so
    /// `she said` after Kofi Annan and Aung San Suu Kyi goes to Suu Kyi).
    fn gender_of(&self, mentions: &Mentions, g: usize) -> Option<bool> {
        self.gender.get(&g).copied().or_else(|| {
            let first = mentions.groups[g]
                .name
                .as_deref()?
                .split_whitespace()
                .next()?;
            first_name_gender(first)
        })
    }

    fn by_name(&mut self, doc: &Doc, mentions: &Mentions, a: usize, b: usize) -> Option<usize> {
        // A name that modifies a head the phrase goes on to ("the Trump campaign") is not who
        // speaks; one that ends what speaks is ("the snarky, anti-GOP/Obama water-carrying
        // headline" speaks as Obama, there being no head after).
        let head_end = speaker_phrase(doc, TokenRange::new(a, b)).map_or(a, |p| p.end);
        let name = mentions
            .within(a, b)
            .filter(|m| !modifies_the_head(doc, m, a, head_end));
        if let Some(m) = name {
            let g = m.group;
            if mentions.groups[g].name.is_some() {
                for i in m.first..m.name {
                    if let Some(male) = title_gender(doc.lower(i).trim_end_matches('.')) {
                        self.gender.insert(g, male);
                    }
                }
                return Some(g);
            }
            return None;
        }
        // A role noun: "the spokeswoman", "the national security adviser".
        (a..b)
            .rev()
            .filter(|&i| is_title(doc.token_text(i)))
            .find_map(|i| {
                let role = doc.lower(i);
                mentions.role_holder(role.trim_end_matches('.'), a)
            })
            .or_else(|| {
                // An organisation noun after "the" ("the company", "the agency").
                let head = doc.lower(b - 1);
                (b - a == 2 && doc.lower(a) == "the" && ORG_NOUNS.contains(&head))
                    .then(|| last_org(mentions, a))
                    .flatten()
            })
            .or_else(|| self.titled_speaker(doc, mentions, a, b))
    }

    /// "The candidate", "the senator" whose role no mention has given: the article speaks of
    /// someone it has already quoted, the most recent named person among the last speakers.
    /// Not "the spokesman": he speaks for that person, he is not that person.
    fn titled_speaker(&self, doc: &Doc, mentions: &Mentions, a: usize, b: usize) -> Option<usize> {
        let title = doc.token_text(b - 1);
        if b - a != 2
            || doc.lower(a) != "the"
            || doc.is_capitalised(b - 1)
            || !is_title(title)
            || doc.lower(b - 1).starts_with("spokes")
        {
            return None;
        }
        self.recent_speakers()
            .find_map(|g| g.filter(|&g| mentions.groups[g].kind == Kind::Person))
    }

    /// The last few speakers' groups, most recent first (`None`: a person we could not name).
    fn recent_speakers(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        self.history
            .iter()
            .rev()
            .take(RECENT_SPEAKERS)
            .map(|&(_, g)| g)
    }
}

/// How far back (tokens) a pronoun with no compatible recent speaker looks for a person:
/// about four paragraphs of news, where the writer would name the person again.
const PRONOUN_REACH: usize = 400;

/// How many appositives may stand between a relative pronoun and its name (`Nicky Driscoll,
/// 24, from Manchester, who`).
const APPOSITIVES_BEFORE_WHO: usize = 2;

/// How many speakers back a pronoun or "the candidate" may reach.
const RECENT_SPEAKERS: usize = 6;

/// The gender "he" (true) or "she" (false) says; none for any other mention.
fn pronoun_gender(doc: &Doc, a: usize, b: usize) -> Option<bool> {
    match (b == a + 1).then(|| doc.lower(a)) {
        Some("he") => Some(true),
        Some("she") => Some(false),
        _ => None,
    }
}

/// A name that only modifies the head of the speaker phrase from `a` to its head's end
/// `head_end`: followed there by a common noun or a possessive ("the Vermont senator", "the
/// Trump campaign", "a Democratic source", "Clinton's spokeswoman"), or the object of a
/// preposition in it ("a spokeswoman for Hillary Clinton", "a veterans group in Virginia").
/// The phrase does not name who speaks.
fn modifies_the_head(doc: &Doc, m: &Mention, a: usize, head_end: usize) -> bool {
    let object = m.first > a && PREPOSITIONS.contains(&doc.lower(m.first - 1));
    (m.end < head_end && modified_by_name(doc, m.end)) || object
}

/// Whether token `k` is what a name right before it modifies: a possessive or a common noun
/// (lower case, not a preposition, relative pronoun or conjunction).
fn modified_by_name(doc: &Doc, k: usize) -> bool {
    let next = doc.lower(k);
    is_possessive(next)
        || (doc.token_text(k).starts_with(char::is_lowercase)
            && !PREPOSITIONS.contains(&next)
            && !NOT_HEADS.contains(&next))
}

/// The first named person of the sentence before token `at`'s that is not the object of a
/// preposition, a possessor or inside quote marks ("During a town hall, Tina Houchins had a
/// question for the president" → Tina Houchins): the subject a following pronoun most likely
/// means. None when that sentence attributes speech itself (its speaker is already in the
/// history: "Cruz electrified the crowds, Stovall said") or opens with a pronoun (the topic
/// goes on: "She has gone public as Clinton …").
fn previous_subject(doc: &Doc, mentions: &Mentions, at: usize) -> Option<usize> {
    let s = doc.sentence_of(at).checked_sub(1)?;
    let sentence = doc.sentences[s];
    let tokens = sentence.first..sentence.end;
    if is_pronoun(doc.token_text(sentence.first)) || tokens.clone().any(|k| doc.cue(k).is_some()) {
        return None;
    }
    let quoted_before = |k: usize| {
        (sentence.first..k)
            .filter(|&i| is_unambiguous_mark(doc.token_text(i)))
            .count()
            % 2
            == 1
    };
    let lo = mentions
        .mentions
        .partition_point(|m| m.first < sentence.first);
    mentions.mentions[lo..]
        .iter()
        .take_while(|m| m.first < sentence.end)
        .find(|m| {
            let g = &mentions.groups[m.group];
            let before = (m.first > sentence.first).then(|| doc.lower(m.first - 1));
            let governed = before.is_some_and(|w| PREPOSITIONS.contains(&w) || w == "'s");
            g.kind == Kind::Person && g.name.is_some() && !governed && !quoted_before(m.first)
        })
        .map(|m| m.group)
}

/// The group of the name a relative pronoun follows: right before it, a comma between (`Smith,
/// who`), or before up to two appositives set off by commas (`Jeff Flake, Republican of
/// Arizona, who`; `Nicky Driscoll, 24, from Manchester, who`).
fn antecedent(doc: &Doc, mentions: &Mentions, who: usize, kind: Kind) -> Option<usize> {
    let mut at = who;
    for _ in 0..=APPOSITIVES_BEFORE_WHO {
        if let Some(m) = mentions.last_named(at, 1, kind, |_| true) {
            return Some(m.group);
        }
        at = appositive_start(doc, at)?;
    }
    None
}

/// Longest appositive skipped back over (tokens).
const APPOSITIVE: usize = 10;

/// Where the appositive ending in the comma before token `at` starts (the token after its own
/// opening comma),
/// if the words between two commas read as a noun phrase: in the same sentence, no quote mark,
/// no cue, no clause joiner ("and", "but") and no auxiliary verb among them.
fn appositive_start(doc: &Doc, at: usize) -> Option<usize> {
    let close = at.checked_sub(1).filter(|&k| doc.token_text(k) == ",")?;
    let first = doc.sentences[doc.sentence_of(close)].first;
    let open = (close.saturating_sub(APPOSITIVE + 1).max(first)..close)
        .rev()
        .find(|&k| doc.token_text(k) == ",")?;
    let words = open + 1..close;
    let plain = |k: usize| {
        doc.cue(k).is_none()
            && !doc.is_quote_mark(k)
            && !CLAUSE_WORDS.contains(&doc.lower(k))
            && doc.lower(k) != "who"
            && !AUXILIARIES.contains(&doc.lower(k))
    };
    (!words.is_empty() && words.clone().all(plain)).then_some(open + 1)
}

/// The most recent named organisation within a few sentences.
fn last_org(mentions: &Mentions, before: usize) -> Option<usize> {
    mentions
        .last_named(before, ORG_REACH, Kind::Org, |_| true)
        .map(|m| m.group)
}

/// How far back (tokens) "the company" looks for the organisation it stands for: about
/// four news sentences.
const ORG_REACH: usize = 100;

fn unnamed_person(doc: &Doc, a: usize, b: usize) -> bool {
    let last = doc.lower(b - 1);
    b > a && !doc.is_capitalised(b - 1) && is_person_noun(last)
}

/// The speaker mention's own name when it is fuller than the cluster's: the entity layer may
/// have found only "Pimentel" where the text says "Beck Pimentel".
pub fn fuller_name(doc: &Doc, r: TokenRange, name: String) -> String {
    let TokenRange { first: a, end: b } = r;
    let mut k = b;
    while k > a && doc.is_capitalised(k - 1) && !is_title(doc.token_text(k - 1)) {
        k -= 1;
    }
    // "Minister of Finance Chrystia Freeland": "Finance" ends a title's complement.
    if k == b || k > a && is_complement_joint(doc.token_text(k - 1)) {
        return name;
    }
    let own = doc.text[doc.tokens[k].start..doc.tokens[b - 1].end].to_string();
    let fuller = own.len() > name.len()
        && own.ends_with(name.as_str())
        && own.split_whitespace().count() <= 4
        && !own.contains('\n');
    if fuller {
        own
    } else {
        name
    }
}

/// An unresolved speaker mention as someone who speaks: cut after its last word that is a
/// pronoun, a capitalised name, a word that heads sources in PolNeAR train (`officials`,
/// `the campaign`, `a new poll`: [`is_source_head`]) or a person noun (`a resident`, `a shop
/// owner`: [`is_person_noun`]), so `she never` is `she` and `a source involved` is `a source`.
/// A quantifier before a noun no list knows still heads (`one passerby` is `one`): dropping
/// such speakers lost 2 reported-speech speakers on PolNeAR dev, and running on to the
/// mention's end took clause fragments (`is one common`). A lone `one` takes the word before it
/// that makes it a pronoun (`No one`, `the one`). With no such word it is a clause fragment the
/// patterns took for a subject (`came away`, `Instead`) and the quote is left unattributed. On
/// PolNeAR train this cut 281 of the 14,152 speakers the patterns found and dropped 384 (133 of
/// those overlap a gold source; the rest name nobody), before person nouns headed too.
pub fn speaker_phrase(doc: &Doc, r: TokenRange) -> Option<TokenRange> {
    // The second half of a hyphenated modifier heads nothing ("a 12-employee", "a
    // big-government"; 4 of 17,326 speakers on the PolNeAR train and dev articles).
    let hyphenated = |k: usize| {
        k > r.first && doc.token_text(k - 1) == "-" && doc.tokens[k - 1].end == doc.tokens[k].start
    };
    // An emphatic pronoun after the phrase is not its head ("The police service itself").
    let emphatic = |k: usize| {
        let w = doc.lower(k);
        k > r.first && (w.ends_with("self") || w.ends_with("selves"))
    };
    let head = (r.first..r.end).rev().find(|&k| {
        let w = doc.token_text(k);
        !hyphenated(k)
            && !emphatic(k)
            && (is_pronoun(w)
                || (doc.is_capitalised(k) && !is_not_name(w))
                || is_source_head(doc.lower(k))
                || is_person_noun(w))
    })?;
    let end = head + 1;
    // A lone "one" takes the word before it that makes it a pronoun ("No one", "the one"),
    // which a mention may leave out.
    let first = match r.first.checked_sub(1) {
        Some(d)
            if end == r.first + 1
                && doc.lower(r.first) == "one"
                && PRONOUN_DETERMINERS.contains(&doc.lower(d)) =>
        {
            d
        }
        _ => r.first,
    };
    Some(TokenRange::new(first, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn an_unresolved_speaker_is_cut_to_its_phrase_or_dropped() {
        let t = "Then she never came away and his campaign was still there.";
        let doc = Doc::new(t, None);
        let words = |r: Option<TokenRange>| {
            r.map(|r| {
                (r.first..r.end)
                    .map(|i| doc.token_text(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        // Tokens: Then(0) she(1) never(2) came(3) away(4) and(5) his(6) campaign(7) was(8) still(9)
        assert_eq!(
            words(speaker_phrase(&doc, TokenRange::new(1, 3))).as_deref(),
            Some("she")
        );
        assert_eq!(words(speaker_phrase(&doc, TokenRange::new(3, 5))), None);
        assert_eq!(
            words(speaker_phrase(&doc, TokenRange::new(6, 10))).as_deref(),
            Some("his campaign")
        );
    }

    #[test]
    fn a_quantifier_heads_a_speaker_only_when_no_listed_noun_follows() {
        let phrase = |text: &str, first: usize, end: usize| {
            let doc = Doc::new(text, None);
            speaker_phrase(&doc, TokenRange::new(first, end)).map(|r| {
                (r.first..r.end)
                    .map(|i| doc.token_text(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        // The noun is listed (a person noun); before one no list knows, the quantifier heads.
        assert_eq!(
            phrase("one resident said", 0, 2).as_deref(),
            Some("one resident")
        );
        let owner = phrase("said one local shop owner", 1, 5);
        assert_eq!(owner.as_deref(), Some("one local shop owner"));
        assert_eq!(
            phrase("a shop owner said", 0, 3).as_deref(),
            Some("a shop owner")
        );
        assert_eq!(phrase("one passerby said", 0, 2).as_deref(), Some("one"));
        // Nouns OntoNotes shows heading descriptions of people head too (person_heads.txt).
        assert_eq!(
            phrase("the veteran player said", 0, 3).as_deref(),
            Some("the veteran player")
        );
        // Alone, or before a clause fragment, it heads.
        assert_eq!(phrase("said one", 1, 2).as_deref(), Some("one"));
        assert_eq!(phrase("one never came", 0, 3).as_deref(), Some("one"));
        assert_eq!(
            phrase("some reportedly said", 0, 2).as_deref(),
            Some("some")
        );
        // "one of" leaves the head to its complement.
        assert_eq!(
            phrase("one of them said", 0, 3).as_deref(),
            Some("one of them")
        );
        let officials = phrase("One of the officials said", 0, 4);
        assert_eq!(officials.as_deref(), Some("One of the officials"));
        // A lone "one" takes the word that makes it a pronoun.
        assert_eq!(phrase("No one said", 1, 2).as_deref(), Some("No one"));
        assert_eq!(phrase("Then one said", 1, 2).as_deref(), Some("one"));
    }

    /// The name `who` resolves to in `text` (the first "who").
    fn who_names(text: &str) -> Option<String> {
        let doc = Doc::new(text, None);
        let (_, mentions) = crate::coref::resolve(&doc, crate::entities::find(&doc));
        let who = (0..doc.tokens.len()).find(|&i| doc.lower(i) == "who")?;
        let g = Resolver::default().resolve(&doc, &mentions, TokenRange::new(who, who + 1))?;
        mentions.groups[g].name.clone()
    }

    #[test]
    fn who_speaks_for_the_name_before_its_appositives() {
        assert_eq!(
            who_names("Nicky Driscoll, 24, from Manchester, who said Sanders would win.")
                .as_deref(),
            Some("Nicky Driscoll")
        );
        assert_eq!(
            who_names("It was Senator Jeff Flake, Republican of Arizona, who echoed the call.")
                .as_deref(),
            Some("Jeff Flake")
        );
        // A clause between the commas is not an appositive.
        assert_eq!(
            who_names("Jeff Flake spoke, and the barrier has been black voters, who said no."),
            None
        );
    }

    /// The speaker name of the reported speech containing `words` in `text`.
    fn name_of(text: &str, words: &str) -> Option<String> {
        let a = crate::annotate(text, &crate::Options::default());
        let q = a.quotes.iter().find(|q| q.text.contains(words));
        q.expect("the reported speech").speaker_name.clone()
    }

    #[test]
    fn a_name_that_modifies_the_speaker_is_not_its_name() {
        let before = "Sen. Bernie Sanders met Hillary Clinton on Monday.\n\n";
        for (source, name) in [
            ("The Vermont senator", Some("Bernie Sanders")),
            ("A spokeswoman for Hillary Clinton", None),
            ("The Clinton campaign", None),
            ("A Democratic source", None),
            ("Sen. Bernie Sanders of Vermont", Some("Bernie Sanders")),
        ] {
            let text = format!("{before}{source} said the talks would resume in May.");
            assert_eq!(name_of(&text, "the talks").as_deref(), name, "{source}");
        }
    }

    #[test]
    fn the_senator_is_who_the_article_called_sen() {
        let t = "Sen. Elizabeth Warren spoke with Rachel Maddow.\n\n\
                 “We will fight,” Maddow said.\n\n\
                 The senator said she had not discussed it.";
        assert_eq!(name_of(t, "discussed").as_deref(), Some("Elizabeth Warren"));
    }

    #[test]
    fn the_candidate_is_the_person_last_quoted_when_no_mention_gives_the_role() {
        let t = "“We will win,” Donald Trump said.\n\nThe candidate said the wall would be built.";
        assert_eq!(name_of(t, "the wall").as_deref(), Some("Donald Trump"));
    }
}
