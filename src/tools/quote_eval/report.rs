//! The report of one evaluation (a split, or a fold), as `lede eval --quotes` prints it.

use super::exact::Roles;
use super::metrics::{Naming, Score};
use crate::tools::score::Prf;

#[derive(Debug, Default)]
pub struct Report {
    /// What was scored: the split, or a fold of it.
    pub split: String,
    pub documents: usize,
    pub direct: Score,
    pub indirect: Score,
    /// Reported speech against the gold statements only (the act table's): right only on one.
    pub statements: Score,
    /// The same, the content-first gold statements for recall (precision is not theirs).
    pub content_first: Score,
    /// Exact role spans over all attributions (see the module documentation).
    pub exact: Roles<Prf>,
    /// Error examples (only collected when asked for).
    pub errors: Vec<String>,
}

impl Report {
    /// Unnamed share of one naming count over direct quotes and reported speech together.
    pub(super) fn naming(&self, of: fn(&Score) -> Naming) -> f64 {
        let mut n = of(&self.direct);
        n.add(of(&self.indirect));
        n.unnamed_share()
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "PolNeAR {} ({} documents, primary annotations)",
            self.split, self.documents
        )?;
        for (name, s) in [
            ("direct quotes", &self.direct),
            ("reported speech (speech cue)", &self.indirect),
        ] {
            writeln!(f, "{name:<30} {}", s.prf)?;
            writeln!(
                f,
                "{:<30} speaker accuracy {:.3}   ({} / {} matched)",
                "",
                s.speaker_accuracy(),
                s.speaker_ok,
                s.prf.matched
            )?;
            for (what, n) in [
                ("pronoun/role speakers without a name", s.pronoun_or_role),
                ("of them one person (he, she, who, the senator)", s.person),
            ] {
                writeln!(
                    f,
                    "{:<30} {what} {:.3}   ({} of {})",
                    "",
                    n.unnamed_share(),
                    n.sources - n.named,
                    n.sources
                )?;
            }
        }
        writeln!(
            f,
            "{:<30} {}",
            "reported speech (statements)", self.statements.prf
        )?;
        writeln!(
            f,
            "{:<30} content-first {} of {} gold statements ({:.3}), recall {:.3}",
            "",
            self.content_first.prf.gold,
            self.statements.prf.gold,
            self.content_first.prf.gold as f64 / self.statements.prf.gold.max(1) as f64,
            self.content_first.prf.recall()
        )?;
        writeln!(f, "exact spans, all attributions (token space)")?;
        for (name, s) in [
            ("  content", &self.exact.content),
            ("  source", &self.exact.source),
            ("  cue", &self.exact.cue),
        ] {
            writeln!(f, "{name:<30} {s}")?;
        }
        for e in &self.errors {
            writeln!(f, "{e}")?;
        }
        Ok(())
    }
}
