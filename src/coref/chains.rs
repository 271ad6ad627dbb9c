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
use crate::seq::table::Scores;
use crate::text::doc::Doc;
use crate::text::TokenRange;

/// An article's candidate mentions, linked on demand.
pub struct Linker<'a, R: Scores<1>> {
    scene: Scene<'a>,
    ranker: &'a R,
    /// Each mention's antecedent once asked for.
    links: Vec<Option<Option<usize>>>,
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
        Linker {
            links: vec![None; mentions.len()],
            scene: Scene::new(doc, mentions),
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
        let mut j = self.index(r)?;
        // Antecedents come earlier, so the walk ends.
        loop {
            j = self.link(j)?;
            let named = self.scene.mentions[j]
                .rule_group
                .filter(|&g| rules.groups[g].name.is_some());
            if named.is_some() {
                return named;
            }
        }
    }
}
