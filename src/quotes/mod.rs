//! Quotations, in named stages, each a module:
//! 1. the Doc has paired the quote marks (`text::quote_marks`);
//! 2. [`contents`] turns the pairs into candidate contents (direct or partial), and [`tagger`],
//!    the learned model (weights in [`tagger_table`]), tags SOURCE / CUE / CONTENT spans and
//!    makes reported speech without marks from them, completed by the rules of [`indirect`]
//!    (which, alone, are also the ablation's baseline);
//! 3. cues are found per token once, by [`crate::text::doc::Doc::cue`] (the table in `words::cues`);
//! 4. [`speaker`] (asking [`subject`] for subjects) finds each content's cue and source candidate;
//! 5. [`resolve`] takes a source to the person or organisation it names (or cuts it to the phrase
//!    that speaks), [`utterances`] makes one item of an utterance and its quoted parts;
//! 6. [`confidence`], the learned model, rates each item and drops the unlikely ones.
//!
//! [`attribute`] runs steps 2 to 5 as named functions, in this order: attribute the direct
//! quotes, find reported speech, resolve speakers in text order, one item per utterance.

pub mod acts;
mod attributed;
pub mod confidence;
mod confidence_table;
mod contents;
pub mod indirect;
pub mod resolve;
pub mod speaker;
pub mod speaker_confidence;
pub mod subject;
pub mod tagger;
pub mod tagger_table;
pub mod templates;
mod utterances;

pub use attributed::{Attributed, Naming};
pub use contents::find;

use crate::coref::chains::{self, Linker};
use crate::coref::mentions::Mentions;
use crate::schema::{Entity, Quote, QuoteKind, Span, TextSpan};
use crate::text::doc::Doc;
use crate::text::{RangeIndex, TokenRange};
use contents::introduced_sentence;
use std::collections::HashMap;
use tagger::Tagger;
use utterances::one_item_per_utterance;

/// How quotes are attributed. Shipped: reported speech found by the learned tagger, completed
/// by the rules of [`indirect`] (`rules_fill`), and speakers written as a pronoun or a
/// description named by the learned coreference (`chains`); the tagger alone, the rules alone
/// and speakers by the rules alone are ablations.
#[derive(Clone, Copy)]
pub struct Reporting<'a> {
    pub tagger: Option<Tagger<'a>>,
    pub rules_fill: bool,
    pub chains: Option<&'a chains::Models>,
}

/// A quote with its speaker mention as written (tokens), before resolution.
struct Unresolved {
    quote: Quote,
    speaker: Option<TokenRange>,
}

/// The tagger's SOURCE / CUE / CONTENT spans over the whole text.
type Tagged = [(tagger::Role, TokenRange)];

/// A direct quote of at most this many words that nobody is said to say is a term
/// (`"Bobby"`, `a "safe space"`), not a quotation: a name or a phrase in scare quotes is
/// rarely longer.
const TERM_WORDS: usize = 3;

/// Attributes `quotes` (direct and partial) and adds reported speech as `indirect` quotes,
/// sorted by position.
#[cfg(test)]
pub fn attribute(
    doc: &Doc,
    entities: &[Entity],
    mentions: &Mentions,
    quotes: Vec<Quote>,
    reporting: Reporting,
) -> Vec<Attributed> {
    attribute_and_refer(doc, entities, mentions, quotes, reporting).0
}

/// [`attribute`], and with the learned coreference (`reporting.chains`) the article's pronouns
/// and descriptions that refer to a named group: the speakers' chains and the clusters' come
/// from one linking.
pub fn attribute_and_refer(
    doc: &Doc,
    entities: &[Entity],
    mentions: &Mentions,
    quotes: Vec<Quote>,
    reporting: Reporting,
) -> (Vec<Attributed>, Vec<chains::Reference>) {
    let quoted = direct_spans(&quotes);
    // The learned tagger's spans, once for direct quotes and reported speech.
    let tagged = reporting
        .tagger
        .map(|t| tagger::spans(&tagger::tag(doc, entities, t)));
    let mut items = attribute_direct_quotes(doc, entities, tagged.as_deref(), quotes);
    let reported = find_reported_speech(
        doc,
        entities,
        tagged.as_deref(),
        &quoted,
        reporting.rules_fill,
    );
    items.extend(reported.into_iter().filter_map(|r| reported_quote(doc, r)));
    items.sort_by_key(|i| (i.quote.start, i.quote.end));
    let mut linker = (reporting.chains).map(|m| speaker_linker(doc, entities, mentions, m, &items));
    let attributed = resolve_in_text_order(doc, mentions, linker.as_mut(), items);
    let references = linker.map_or(Vec::new(), |mut l| l.references(mentions));
    (one_item_per_utterance(attributed), references)
}

/// The learned coreference over the article, with the speakers written as a pronoun or a
/// description among its mentions (names need no chain).
fn speaker_linker<'a>(
    doc: &'a Doc<'a>,
    entities: &[Entity],
    mentions: &Mentions,
    models: &'a chains::Models,
    items: &[Unresolved],
) -> Linker<'a, crate::seq::table::Table<1>> {
    let asked: Vec<TokenRange> = (items.iter())
        .filter_map(|i| i.speaker)
        .filter(|&r| !chains::is_named(mentions, r))
        .collect();
    Linker::new(
        doc,
        entities,
        mentions,
        &models.tagger,
        &models.ranker,
        &asked,
    )
}

/// The byte spans of the direct quotes, sorted: content mostly inside one is that quote, not
/// reported speech; partial quotes stay inside reported speech (`she was “appalled” that …`).
/// Pairing keeps only outermost quotes, so they are disjoint and searched by position.
fn direct_spans(quotes: &[Quote]) -> Vec<Span> {
    let mut quoted: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| Span::new(q.start, q.end))
        .collect();
    quoted.sort_unstable();
    quoted
}

/// Each quote with its cue and speaker mention: the rules' ([`speaker::attribute`]), or the
/// tagger's for a direct quote it reads as attributed. A short direct quote nobody says is a
/// term and becomes partial.
fn attribute_direct_quotes(
    doc: &Doc,
    entities: &[Entity],
    tagged: Option<&Tagged>,
    quotes: Vec<Quote>,
) -> Vec<Unresolved> {
    let found = speaker::attribute(doc, &quotes);
    let mut items = Vec::with_capacity(quotes.len());
    for (mut quote, mut a) in quotes.into_iter().zip(found) {
        if let Some((cue, source)) = learned_attribution(doc, entities, tagged, &quote) {
            (a.cue, a.speaker) = (Some(cue), Some(source));
        }
        quote.cue = a.cue.and_then(|r| text_span(doc, r));
        if is_term(doc, &quote, a) {
            quote.kind = QuoteKind::Partial;
        }
        items.push(Unresolved {
            quote,
            speaker: a.speaker,
        });
    }
    items
}

/// The tagger's cue and source for a direct quote it reads as attributed, unless that source
/// cannot speak (a bare "his" where the rules read "his campaign").
fn learned_attribution(
    doc: &Doc,
    entities: &[Entity],
    tagged: Option<&Tagged>,
    quote: &Quote,
) -> Option<(TokenRange, TokenRange)> {
    if quote.kind != QuoteKind::Direct {
        return None;
    }
    let tokens = speaker::quote_tokens(doc, quote)?;
    tagger::direct_source(doc, entities, tagged?, tokens)
        .filter(|&(_, source)| resolve::speaker_phrase(doc, source).is_some())
}

/// A short phrase in quotes that nobody is said to say is a term (`"Bobby"`), unless a colon
/// introduces it as a sentence (`a new campaign message: "It's about me."`).
fn is_term(doc: &Doc, quote: &Quote, a: speaker::Attribution) -> bool {
    quote.kind == QuoteKind::Direct
        && a.speaker.is_none()
        && a.cue.is_none()
        && quote.text.split_whitespace().count() <= TERM_WORDS
        && !introduced_sentence(doc.text, quote)
}

/// Reported speech outside the direct quotes (`quoted`): the tagger's, completed by the rules
/// when `rules_fill` (what ships), or the rules' alone without a tagger.
fn find_reported_speech(
    doc: &Doc,
    entities: &[Entity],
    tagged: Option<&Tagged>,
    quoted: &[Span],
    rules_fill: bool,
) -> Vec<indirect::Reported> {
    let rules = indirect::find(doc, quoted);
    let Some(spans) = tagged else {
        return rules;
    };
    let learned = tagger::reported(doc, entities, spans, quoted);
    if rules_fill {
        let states = |r: &indirect::Reported| {
            let cue = doc.span(r.cue.first, r.cue.end - 1);
            acts::Acts::shipped()
                .classify(&doc.text[cue.start..cue.end])
                .is_statement()
        };
        fill_from_rules(learned, rules, states)
    } else {
        learned
    }
}

/// The tagger's reported speech, completed by the rules: a source the tagger did not find
/// comes from the rules' item with the same cue, and a rules item whose content the tagger
/// missed altogether is added (the confidence model weighs it like any other). On the 5 folds
/// of PolNeAR train (`lede train-quotes --ablation`), with the confidence model: reported-speech
/// speaker accuracy 0.869 -> 0.878, reported F1 0.715 -> 0.714, exact spans -0.001 each.
/// A tagger item that is no statement (`states` false: "officials are monitoring …") does not
/// hide a rules statement over the same words ("…, Kirby said"): the quote is that one.
fn fill_from_rules(
    mut learned: Vec<indirect::Reported>,
    rules: Vec<indirect::Reported>,
    states: impl Fn(&indirect::Reported) -> bool,
) -> Vec<indirect::Reported> {
    // The first rules item of each cue, and the learned contents as indexes: looking each item
    // up in the other list would grow with the square of the text.
    let mut speaker_of_cue = HashMap::new();
    for x in &rules {
        speaker_of_cue.entry(x.cue).or_insert(x.speaker);
    }
    for r in &mut learned {
        if r.speaker.is_none() {
            r.speaker = speaker_of_cue.get(&r.cue).copied().flatten();
        }
    }
    let contents = RangeIndex::new(learned.iter().map(|r| r.content));
    let stated = RangeIndex::new(learned.iter().filter(|r| states(r)).map(|r| r.content));
    let missed: Vec<indirect::Reported> = rules
        .into_iter()
        .filter(|x| match states(x) {
            true => !stated.overlaps(x.content),
            false => !contents.overlaps(x.content),
        })
        .collect();
    learned.extend(missed);
    learned
}

/// A reported-speech item as an `indirect` quote with its cue, and its speaker mention.
fn reported_quote(doc: &Doc, r: indirect::Reported) -> Option<Unresolved> {
    let content = text_span(doc, r.content)?;
    let quote = Quote {
        cue: text_span(doc, r.cue),
        ..Quote::unattributed(
            content.start,
            content.end,
            content.text,
            QuoteKind::Indirect,
        )
    };
    Some(Unresolved {
        quote,
        speaker: r.speaker,
    })
}

/// Resolves each speaker mention to its mention group, in text order so pronouns see the
/// speakers before them (`items` are sorted); a repeated speaker range (continuation) keeps
/// its first resolution. A speaker written as a pronoun or a description takes the name up its
/// learned chain (`linker`), else the rules' (the most recent speaker, the role's holder): on
/// the folds of OntoNotes train, `lede train-coref` names such speakers right far more often
/// with the chains than with the rules.
fn resolve_in_text_order<'a>(
    doc: &'a Doc<'a>,
    mentions: &Mentions,
    mut linker: Option<&mut Linker<'a, crate::seq::table::Table<1>>>,
    items: Vec<Unresolved>,
) -> Vec<Attributed> {
    let mut resolver = resolve::Resolver::default();
    let mut seen: HashMap<TokenRange, (Option<usize>, Naming)> = HashMap::new();
    items
        .into_iter()
        .map(|Unresolved { mut quote, speaker }| {
            let Some(r) = speaker else {
                return Attributed {
                    quote,
                    speaker_group: None,
                    naming: Naming::NoSpeaker,
                };
            };
            let (speaker_group, naming) = *seen.entry(r).or_insert_with(|| {
                let written = chains::is_named(mentions, r);
                let chained = (linker.as_mut())
                    .filter(|_| !written)
                    .and_then(|l| l.named_group(r, mentions));
                let (group, took_chain) = resolver.resolve_or_take(doc, mentions, r, chained);
                let naming = match group {
                    None => Naming::Unresolved,
                    Some(_) if written => Naming::Written,
                    Some(_) if took_chain => Naming::Chain,
                    Some(_) => Naming::Rules,
                };
                (group, naming)
            });
            name_speaker(doc, mentions, &mut quote, r, speaker_group);
            Attributed {
                quote,
                speaker_group,
                naming,
            }
        })
        .collect()
}

/// Writes the speaker (mention `r`, resolved to `group` or not) into `quote`: a resolved
/// speaker as written with its group's name (or the fuller name the text gives); an
/// unresolved one cut to the phrase that speaks, or left out when no word of it can speak.
fn name_speaker(
    doc: &Doc,
    mentions: &Mentions,
    quote: &mut Quote,
    r: TokenRange,
    group: Option<usize>,
) {
    let r = match group {
        Some(_) => r,
        None => match resolve::speaker_phrase(doc, r) {
            Some(p) => p,
            None => return,
        },
    };
    quote.speaker = text_span(doc, r);
    quote.speaker_name = group
        .and_then(|g| mentions.groups[g].name.clone())
        .map(|n| resolve::fuller_name(doc, r, n));
}

/// The text of token range `r`, as the schema's span.
pub fn text_span(doc: &Doc, r: TokenRange) -> Option<TextSpan> {
    if r.first >= r.end || r.end > doc.tokens.len() {
        return None;
    }
    let s = doc.span(r.first, r.end - 1);
    Some(TextSpan {
        start: s.start,
        end: s.end,
        text: doc.text[s.start..s.end].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_only() -> Reporting<'static> {
        Reporting {
            tagger: None,
            rules_fill: false,
            chains: None,
        }
    }

    /// The words of token range `r`, joined by spaces.
    fn words(doc: &Doc, r: Option<TokenRange>) -> Option<String> {
        r.map(|r| {
            (r.first..r.end)
                .map(|i| doc.token_text(i))
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    fn reported(content: (usize, usize), speaker: Option<usize>, cue: usize) -> indirect::Reported {
        indirect::Reported {
            content: TokenRange::new(content.0, content.1),
            speaker: speaker.map(|s| TokenRange::new(s, s + 1)),
            cue: TokenRange::new(cue, cue + 1),
        }
    }

    #[test]
    fn direct_spans_are_the_direct_quotes_sorted() {
        let quote = |start, end, kind| Quote::unattributed(start, end, String::new(), kind);
        let quotes = [
            quote(40, 50, QuoteKind::Direct),
            quote(20, 30, QuoteKind::Partial),
            quote(0, 10, QuoteKind::Direct),
        ];
        assert_eq!(
            direct_spans(&quotes),
            vec![Span::new(0, 10), Span::new(40, 50)]
        );
    }

    #[test]
    fn direct_quotes_take_the_rules_cue_and_speaker() {
        let doc = Doc::new("“We will win,” Donald Trump said.", None);
        let items = attribute_direct_quotes(&doc, &[], None, find(&doc).0);
        assert_eq!(items.len(), 1);
        assert_eq!(
            words(&doc, items[0].speaker).as_deref(),
            Some("Donald Trump")
        );
        let cue = items[0].quote.cue.as_ref().map(|c| c.text.as_str());
        assert_eq!(cue, Some("said"));
        assert_eq!(items[0].quote.kind, QuoteKind::Direct);
    }

    #[test]
    fn a_short_quote_nobody_says_is_a_term() {
        let doc = Doc::new("It is \"Bobby\" now.", None);
        let items = attribute_direct_quotes(&doc, &[], None, find(&doc).0);
        assert_eq!(items[0].quote.kind, QuoteKind::Partial);
        assert_eq!(items[0].speaker, None);
    }

    #[test]
    fn reported_speech_from_the_rules_leaves_direct_quotes_alone() {
        let t = "Kirby said U.S. officials are monitoring the situation.\n\n\
                 “Officials are monitoring it and will respond,” he said.";
        let doc = Doc::new(t, None);
        let quotes = find(&doc).0;
        let found = find_reported_speech(&doc, &[], None, &direct_spans(&quotes), true);
        let contents: Vec<String> = found
            .iter()
            .filter_map(|r| text_span(&doc, r.content))
            .map(|s| s.text)
            .collect();
        assert_eq!(contents, ["U.S. officials are monitoring the situation"]);
        assert_eq!(words(&doc, found[0].speaker).as_deref(), Some("Kirby"));
    }

    #[test]
    fn the_rules_fill_the_taggers_missing_sources_and_contents() {
        let learned = vec![reported((5, 10), None, 2)];
        let rules = vec![
            reported((4, 10), Some(0), 2),    // the same item: lends its source
            reported((20, 25), Some(12), 13), // missed by the tagger: added
        ];
        let filled = fill_from_rules(learned, rules, |_| true);
        assert_eq!(
            filled,
            vec![
                reported((5, 10), Some(0), 2),
                reported((20, 25), Some(12), 13)
            ]
        );
    }

    #[test]
    fn a_tagger_item_that_is_no_statement_does_not_hide_a_rules_statement() {
        // The tagger's item (cue at token 3) is no statement; the rules' item over the same
        // words (cue at token 12) is: both are kept, the quote is the rules'.
        let learned = vec![reported((4, 10), None, 3)];
        let rules = vec![reported((0, 10), Some(11), 12)];
        let states = |r: &indirect::Reported| r.cue.first == 12;
        let filled = fill_from_rules(learned.clone(), rules.clone(), states);
        assert_eq!(filled, vec![learned[0], rules[0]]);
        // When the tagger's item is a statement, it stands alone.
        assert_eq!(fill_from_rules(learned.clone(), rules, |_| true), learned);
    }

    #[test]
    fn reported_speech_becomes_an_indirect_quote_with_its_cue() {
        let doc = Doc::new("Kirby said the talks will resume.", None);
        let item = reported_quote(&doc, reported((2, 6), Some(0), 1)).unwrap();
        assert_eq!(item.quote.kind, QuoteKind::Indirect);
        assert_eq!(item.quote.text, "the talks will resume");
        assert_eq!(item.quote.cue.map(|c| c.text).as_deref(), Some("said"));
        assert_eq!(words(&doc, item.speaker).as_deref(), Some("Kirby"));
    }

    #[test]
    fn speakers_resolve_in_text_order_so_a_pronoun_sees_the_name_before_it() {
        let t = "“We will win,” Donald Trump said.\n\n“We will build it,” he said.";
        let doc = Doc::new(t, None);
        let (_, mentions) = crate::coref::resolve(&doc, crate::entities::find(&doc));
        let items = attribute_direct_quotes(&doc, &[], None, find(&doc).0);
        let names: Vec<Option<String>> = resolve_in_text_order(&doc, &mentions, None, items)
            .into_iter()
            .map(|a| a.quote.speaker_name)
            .collect();
        let trump = Some("Donald Trump".to_string());
        assert_eq!(names, [trump.clone(), trump]);
    }

    #[test]
    fn an_unresolved_speaker_is_cut_to_the_phrase_that_speaks() {
        let doc = Doc::new("Then she never came away.", None);
        let mentions = Mentions::default();
        let named = |r: TokenRange| {
            let mut q = Quote::unattributed(0, 4, "Then".to_string(), QuoteKind::Indirect);
            name_speaker(&doc, &mentions, &mut q, r, None);
            q.speaker.map(|s| s.text)
        };
        assert_eq!(named(TokenRange::new(1, 3)).as_deref(), Some("she"));
        assert_eq!(named(TokenRange::new(3, 5)), None);
    }

    /// Each quote's speaker as written in `text`, annotated as shipped, and its sources' names.
    fn speakers_and_sources(text: &str) -> (Vec<Option<String>>, Vec<String>) {
        let a = crate::annotate(text, &crate::Options::default());
        let speakers = (a.quotes.iter())
            .map(|q| q.speaker.as_ref().map(|s| s.text.clone()))
            .collect();
        (speakers, a.sources.into_iter().map(|s| s.name).collect())
    }

    #[test]
    fn one_before_a_description_speaks_with_it() {
        let t = "The city closed the bridge on Monday.\n\n\"We were not told anything,\" one resident said.\n\n\"It is a disgrace,\" said one local shop owner.\n";
        let (speakers, sources) = speakers_and_sources(t);
        let want = ["one resident", "one local shop owner"];
        assert_eq!(speakers, want.map(|s| Some(s.to_string())));
        // Unnamed descriptions, listed as written, like "a senior official".
        assert_eq!(sources, want);
        let a = crate::annotate(t, &crate::Options::default());
        assert!(a
            .sources
            .iter()
            .all(|s| !s.named && s.group == crate::schema::SourceGroup::Groups));
        let (speakers, sources) = speakers_and_sources(
            "The city closed the bridge.\n\nOne resident said the water was brown.\n",
        );
        assert_eq!(speakers, [Some("One resident".to_string())]);
        assert_eq!(sources, ["One resident"]);
        let (_, sources) =
            speakers_and_sources("\"We were not told anything,\" a senior official said.\n");
        assert_eq!(sources, ["a senior official"]);
    }

    #[test]
    fn one_as_a_pronoun_or_with_of_speaks_alone() {
        let t = "The city closed the bridge.\n\nOne of the officials said the water was brown. \"It is fine,\" said one of them. No one said the bridge was safe.\n";
        let (speakers, _) = speakers_and_sources(t);
        let want = ["One of the officials", "one of them", "No one"];
        assert_eq!(speakers, want.map(|s| Some(s.to_string())));
    }

    #[test]
    fn a_short_sentence_after_a_colon_is_direct_without_a_speaker() {
        let t = "Worried, the party is rolling out a new message: \"It's about me.\"\n\nIt is \"Bobby\" now.";
        let doc = Doc::new(t, None);
        let mentions = Mentions::default();
        let kinds: Vec<QuoteKind> = attribute(&doc, &[], &mentions, find(&doc).0, rules_only())
            .into_iter()
            .filter(|a| a.quote.kind != QuoteKind::Indirect)
            .map(|a| a.quote.kind)
            .collect();
        assert_eq!(kinds, vec![QuoteKind::Direct, QuoteKind::Partial]);
    }
}
