//! The quote figures of one kind: quotes found, speakers right, speakers left unnamed.

use crate::tools::score::{ratio, Prf};

/// Quote figures of one kind (direct quotes, or reported speech).
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    /// Quotes found: gold items paired one to one; a prediction is also right when it matches
    /// a gold item without being paired (see the module documentation).
    pub prf: Prf,
    /// Paired items whose speaker is right.
    pub speaker_ok: usize,
    /// Matched items whose gold source is a pronoun or role noun and whose speaker is right,
    /// and how many of them carry a `speaker_name`.
    pub pronoun_or_role: Naming,
    /// The same for sources that stand for one person ("he", "the senator").
    pub person: Naming,
}

/// Right speakers written as a pronoun or role noun, and how many of them carry a name.
#[derive(Debug, Default, Clone, Copy)]
pub struct Naming {
    pub sources: usize,
    pub named: usize,
}

impl Naming {
    pub(super) fn count(&mut self, named: bool) {
        self.sources += 1;
        self.named += usize::from(named);
    }
    pub(super) fn add(&mut self, o: Naming) {
        self.sources += o.sources;
        self.named += o.named;
    }
    /// Share left without a name.
    pub fn unnamed_share(&self) -> f64 {
        1.0 - ratio(self.named, self.sources)
    }
}

impl Score {
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_ok, self.prf.matched)
    }
    pub(super) fn add(&mut self, o: Score) {
        self.prf.add(o.prf);
        self.speaker_ok += o.speaker_ok;
        self.pronoun_or_role.add(o.pronoun_or_role);
        self.person.add(o.person);
    }
}
