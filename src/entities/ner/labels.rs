//! OntoNotes entity types and the BILOU tags the model predicts.
//!
//! Tag 0 is `O`; type `t` owns tags `1 + 4t ..= 4 + 4t` as B, I, L, U. BILOU (rather than IOB2)
//! lets the model learn distinct weights for the last and single-token parts of a name.

/// Number of entity types: the model's type `t` is `schema::Label::ALL[t]`.
pub const N_TYPES: usize = 18;

/// Number of BILOU tags: O plus four per type.
pub const N_TAGS: usize = 1 + 4 * N_TYPES;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Outside,
    Begin,
    Inside,
    Last,
    Unit,
}

#[cfg(any(test, feature = "tools"))]
pub fn tag(part: Part, ty: usize) -> usize {
    match part {
        Part::Outside => 0,
        Part::Begin => 1 + 4 * ty,
        Part::Inside => 2 + 4 * ty,
        Part::Last => 3 + 4 * ty,
        Part::Unit => 4 + 4 * ty,
    }
}

pub fn part(tag: usize) -> Part {
    if tag == 0 {
        return Part::Outside;
    }
    match (tag - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    }
}

/// Entity type index of a non-O tag.
pub fn type_of(tag: usize) -> Option<usize> {
    (tag != 0).then(|| (tag - 1) / 4)
}

/// Whether `next` may follow `prev` (`None` = sentence start) in a well-formed BILOU sequence.
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    let open = prev.is_some_and(|p| matches!(part(p), Part::Begin | Part::Inside));
    match part(next) {
        Part::Inside | Part::Last => open && type_of(prev.unwrap_or(0)) == type_of(next),
        _ => !open,
    }
}

/// Whether a sentence may end on `tag` (not inside an open entity).
pub fn may_end(tag: usize) -> bool {
    !matches!(part(tag), Part::Begin | Part::Inside)
}

/// Entity spans `(first, end, type)` (token indices, end exclusive) from BILOU tags.
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match (part(t), type_of(t)) {
            (Part::Unit, Some(ty)) => {
                open = None;
                out.push((i, i + 1, ty));
            }
            (Part::Begin, Some(ty)) => open = Some((i, ty)),
            (Part::Inside, Some(ty)) => {
                if open.is_some_and(|(_, o)| o != ty) {
                    open = None;
                }
            }
            (Part::Last, Some(ty)) => {
                if let Some((s, o)) = open.take() {
                    if o == ty {
                        out.push((s, i + 1, ty));
                    }
                }
            }
            _ => open = None,
        }
    }
    out
}

/// BILOU tags from spans over `n` tokens.
#[cfg(feature = "tools")]
pub fn from_spans(n: usize, spans: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut tags = vec![0; n];
    for &(s, e, ty) in spans {
        if e == s + 1 {
            tags[s] = tag(Part::Unit, ty);
        } else {
            tags[s] = tag(Part::Begin, ty);
            for t in &mut tags[s + 1..e - 1] {
                *t = tag(Part::Inside, ty);
            }
            tags[e - 1] = tag(Part::Last, ty);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "tools")]
    fn bilou_round_trip() {
        let spans_in = vec![(0, 2, 0), (3, 4, 4), (5, 8, 3)];
        let tags = from_spans(9, &spans_in);
        assert_eq!(spans(&tags), spans_in);
        assert!(allowed(None, tags[0]));
        for w in tags.windows(2) {
            assert!(allowed(Some(w[0]), w[1]));
        }
    }

    #[test]
    fn constraints() {
        let b_per = tag(Part::Begin, 0);
        assert!(!allowed(Some(b_per), 0));
        assert!(!allowed(Some(b_per), tag(Part::Last, 1)));
        assert!(allowed(Some(b_per), tag(Part::Last, 0)));
        assert!(!allowed(None, tag(Part::Inside, 0)));
        assert!(!may_end(b_per));
    }
}
