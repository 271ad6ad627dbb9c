//! Who a pronoun or a description stands for, by the learned models: the mention tagger
//! ([`detect`]) finds the article's mentions, the ranker ([`rank`]) links a mention to an
//! earlier one or to none, and the chain is walked back to the nearest name.
//!
//! Links are made on demand and kept: asking about the speakers of an article links the
//! speakers and their antecedents, not every mention (each link scores a bounded window, so
//! the cost follows the speakers asked about, never the square of the article).

use super::detect::{self, N};
use super::mentions::Mentions;
use super::rank::{self, Scene};
use crate::schema::Entity;
use crate::seq::table::{Scores, Table};
use crate::seq::table_file::{lay_out, Kind};
use crate::text::doc::Doc;
use crate::text::TokenRange;
use crate::words::REFERRING_PRONOUNS;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The mention tagger's file (`lede train-coref --write-tagger`).
pub const TAGGER_FILE: Kind = Kind {
    magic: b"LEDECMT1",
    name: "coreference mention tagger",
    tags: N,
    dense_min: N,
};

/// The mention ranker's file (`lede train-coref --write-ranker`).
pub const RANKER_FILE: Kind = Kind {
    magic: b"LEDECMR1",
    name: "coreference mention ranker",
    tags: 1,
    // One weight a row: a dense copy would only add a lookup.
    dense_min: 2,
};

/// The learned coreference models.
pub struct Models {
    pub tagger: Table<N>,
    pub ranker: Table<1>,
}

impl Models {
    /// Models from their files.
    pub fn from_files(tagger: &[u8], ranker: &[u8]) -> Result<Models, crate::seq::ModelError> {
        Ok(Models {
            tagger: Table::new(Cow::Owned(lay_out(tagger, &TAGGER_FILE)?))?,
            ranker: Table::new(Cow::Owned(lay_out(ranker, &RANKER_FILE)?))?,
        })
    }

    /// The shipped models (`model/coref_tagger.bin`, `model/coref_ranker.bin`), laid out when
    /// first used. Panics if unreadable, which the test of the shipped files rules out.
    pub fn shipped() -> &'static Models {
        static SHIPPED: OnceLock<Models> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Models::from_files(
                include_bytes!("../../model/coref_tagger.bin"),
                include_bytes!("../../model/coref_ranker.bin"),
            )
            .unwrap_or_else(|e| panic!("the embedded coreference models are unreadable: {e}"))
        })
    }
}

/// Whether speaker mention `r` ends in a name of the rules (`Kirby`, `Sen. Kirby`): a name
/// needs no chain.
pub fn is_named(rules: &Mentions, r: TokenRange) -> bool {
    // The rules' mentions do not overlap and come in text order: one can end at `r.end`.
    let at = rules.mentions.partition_point(|m| m.end < r.end);
    (rules.mentions.get(at)).is_some_and(|m| m.name >= r.first && m.end == r.end)
}

/// How many mentions back the pipeline's ranker looks (it learned with [`rank::WINDOW`]; the
/// last same-words and same-head mentions are asked beyond it too). Fewer pairs to score per
/// mention keep the whole article's linking within the speed budget; `lede train-coref
/// --window` scores the choice.
pub const LINK_WINDOW: usize = 30;

/// A pronoun or description and the name group (of the rules' mentions) its chain reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub tokens: TokenRange,
    pub group: usize,
}

/// An article's candidate mentions, linked on demand.
pub struct Linker<'a, R: Scores<1>> {
    scene: Scene<'a>,
    ranker: &'a R,
    /// Each mention's antecedent once asked for.
    links: Vec<Option<Option<usize>>>,
    /// Each mention's named group up its chain once asked for.
    named: Vec<Option<Option<usize>>>,
    features: Vec<u64>,
}

impl<'a, R: Scores<1>> Linker<'a, R> {
    /// The mentions the tagger finds in `doc` (with every referring pronoun and name), and
    /// `asked` (the speakers, found by the quote rules), ready to link.
    pub fn new(
        doc: &'a Doc<'a>,
        entities: &[Entity],
        rules: &Mentions,
        tagger: &impl Scores<N>,
        ranker: &'a R,
        asked: &[TokenRange],
    ) -> Self {
        let mut spans = detect::candidates(doc, entities, tagger);
        spans.extend(asked.iter().filter(|r| r.first < r.end));
        spans.sort_by_key(|r| (r.first, std::cmp::Reverse(r.end)));
        spans.dedup();
        let mentions = rank::mentions(doc, entities, rules, &spans);
        let mut scene = Scene::new(doc, mentions);
        scene.window = LINK_WINDOW;
        Linker {
            links: vec![None; scene.mentions.len()],
            named: vec![None; scene.mentions.len()],
            scene,
            ranker,
            features: Vec::new(),
        }
    }

    fn index(&self, r: TokenRange) -> Option<usize> {
        let key = |m: &rank::Mention| (m.tokens.first, std::cmp::Reverse(m.tokens.end));
        (self.scene.mentions)
            .binary_search_by_key(&(r.first, std::cmp::Reverse(r.end)), key)
            .ok()
    }

    fn link(&mut self, j: usize) -> Option<usize> {
        if let Some(l) = self.links[j] {
            return l;
        }
        let l = rank::antecedent(&self.scene, self.ranker, j, &mut self.features);
        self.links[j] = Some(l);
        l
    }

    /// The name group (of `rules`) of the nearest named mention up the chain of mention `r`:
    /// `None` when `r` is not a candidate or nothing named comes before it in its chain.
    pub fn named_group(&mut self, r: TokenRange, rules: &Mentions) -> Option<usize> {
        let j = self.index(r)?;
        self.named_group_at(j, rules)
    }

    /// The article's pronouns and descriptions that refer to a name group of `rules` (up
    /// their chain), in text order; names are the rules' own.
    pub fn references(&mut self, rules: &Mentions) -> Vec<Reference> {
        let mut named = vec![false; self.scene.doc.tokens.len()];
        for m in &rules.mentions {
            named[m.first..m.end].iter_mut().for_each(|n| *n = true);
        }
        (0..self.scene.mentions.len())
            .filter_map(|j| {
                let m = &self.scene.mentions[j];
                let tokens = m.tokens;
                // "we", "our", "you" are mostly inside quotes, standing for the speaker (whom
                // the quote already names) or the reader: only third-person references.
                let first_or_second = m.form == rank::Form::Pronoun
                    && (REFERRING_PRONOUNS.iter())
                        .any(|p| p.0 == self.scene.doc.lower(tokens.first) && p.3 != "3");
                if m.form == rank::Form::Name
                    || first_or_second
                    || named[tokens.first..tokens.end].contains(&true)
                {
                    return None;
                }
                let group = self.named_group_at(j, rules)?;
                Some(Reference { tokens, group })
            })
            .collect()
    }

    fn named_group_at(&mut self, j: usize, rules: &Mentions) -> Option<usize> {
        // Up the chain to a named mention, or to one whose answer is known: antecedents come
        // earlier, so the walk ends, and each mention's answer is kept, so a long chain of
        // unnamed mentions ("it … it … it") is walked once, not once per mention.
        let mut walked = vec![j];
        let mut at = j;
        let found = loop {
            let Some(i) = self.link(at) else {
                break None;
            };
            let named = self.scene.mentions[i]
                .rule_group
                .filter(|&g| rules.groups[g].name.is_some());
            if named.is_some() {
                break named;
            }
            if let Some(known) = self.named[i] {
                break known;
            }
            walked.push(i);
            at = i;
        };
        for w in walked {
            self.named[w] = Some(found);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_models_read_and_name_a_pronoun() {
        let text = "Margaret Okafor chairs the commission. She said the report was late.";
        let doc = Doc::new(text, None);
        let (entities, rules) = crate::pipeline::entities(&doc);
        let m = Models::shipped();
        let she = TokenRange::new(6, 7);
        assert_eq!(doc.token_text(6), "She");
        let mut linker = Linker::new(&doc, &entities, &rules, &m.tagger, &m.ranker, &[she]);
        let g = linker
            .named_group(she, &rules)
            .expect("a name up the chain");
        assert_eq!(rules.groups[g].name.as_deref(), Some("Margaret Okafor"));
        assert!(!is_named(&rules, she));
    }
}
