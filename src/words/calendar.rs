//! Calendar words, read one way for the header's date lines and the body's date entities: month
//! names and their short forms, weekday names and their short forms.

use super::{MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS, WEEKDAY_ABBREVIATIONS};

/// The month (1–12) a lower-case word names: a full name (`october`) or a listed short form
/// as the list writes it (`oct.`, `sept`).
pub fn month(lower: &str) -> Option<u32> {
    if let Some(p) = MONTHS.iter().position(|m| *m == lower) {
        return Some(p as u32 + 1);
    }
    // Every short form starts with the first three letters of its month's name.
    let short = MONTH_ABBREVIATIONS.iter().find(|a| **a == lower)?;
    MONTHS
        .iter()
        .position(|m| m.starts_with(&short[..3]))
        .map(|p| p as u32 + 1)
}

/// [`month`], the period of a short form optional (`Oct`, `Oct.` in a header's date line).
pub fn month_loose(lower: &str) -> Option<u32> {
    let w = lower.trim_end_matches('.');
    month(w).or_else(|| month(&format!("{w}.")))
}

/// The weekday (0 = Monday) a lower-case full name names (`friday`).
pub fn weekday(lower: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| *d == lower)
}

/// A weekday, full or short, lower case, period optional (`friday`, `fri`, `thurs.`).
pub fn is_weekday_loose(lower: &str) -> bool {
    let w = lower.trim_end_matches('.');
    weekday(w).is_some() || WEEKDAY_ABBREVIATIONS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_name_and_short_form() {
        assert_eq!(month("october"), Some(10));
        assert_eq!(month("may"), Some(5));
        assert_eq!(month("sept."), Some(9));
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("sep."), Some(9));
        assert_eq!(month("jun."), Some(6));
        assert_eq!(month("oct"), None, "the body needs the period");
        assert_eq!(month_loose("oct"), Some(10));
        assert_eq!(month_loose("dec."), Some(12));
        assert_eq!(month_loose("octo"), None);
        assert_eq!(month("mayor"), None);
    }

    #[test]
    fn weekdays_full_and_short() {
        assert_eq!(weekday("monday"), Some(0));
        assert_eq!(weekday("sunday"), Some(6));
        assert_eq!(weekday("fri"), None);
        assert!(
            is_weekday_loose("fri") && is_weekday_loose("thurs.") && is_weekday_loose("friday")
        );
        assert!(!is_weekday_loose("fries"));
    }
}
