//! K-fold splits: item `i` is in fold `i mod K`, so a fold never depends on a shuffle and every
//! tool (cross-validation, jackknifed first-pass tags, cross-fitting) cuts the same folds.

/// Fold `k` of `folds`: the other items, and the fold's, each in order.
pub fn split<T>(items: &[T], folds: usize, k: usize) -> (Vec<&T>, Vec<&T>) {
    let (mut rest, mut fold) = (Vec::new(), Vec::new());
    for (i, a) in items.iter().enumerate() {
        if i % folds == k {
            fold.push(a);
        } else {
            rest.push(a);
        }
    }
    (rest, fold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_partition_items_by_index() {
        let items = [0, 1, 2, 3, 4];
        assert_eq!(split(&items, 2, 0), (vec![&1, &3], vec![&0, &2, &4]));
        assert_eq!(split(&items, 2, 1), (vec![&0, &2, &4], vec![&1, &3]));
        assert_eq!(split(&items, 3, 2), (vec![&0, &1, &3, &4], vec![&2]));
    }
}
