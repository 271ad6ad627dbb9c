//! Calendar arithmetic for resolving relative dates against the article date.

/// A calendar date: (year, month, day).
pub type Date = (i32, u32, u32);

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parses `YYYY-MM-DD`, rejecting impossible dates.
pub fn parse_iso(s: &str) -> Option<Date> {
    let mut it = s.trim().splitn(3, '-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)).then_some((y, m, d))
}

/// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's `days_from_civil`.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Inverse of [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32;
    (y, m, d)
}

/// Monday = 0 … Sunday = 6.
pub fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

pub fn iso(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// ISO 8601 week label (`2023-W41`) of a day.
pub fn iso_week(days: i64) -> String {
    let thursday = days - weekday(days) + 3;
    let (y, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
    format!("{y:04}-W{week:02}")
}

/// Month `delta` months away from (y, m), as `YYYY-MM`.
pub fn month_offset(y: i32, m: u32, delta: i32) -> String {
    let idx = y * 12 + m as i32 - 1 + delta;
    format!("{:04}-{:02}", idx.div_euclid(12), idx.rem_euclid(12) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trip_and_weekdays() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        let d = days_from_civil(2023, 10, 13);
        assert_eq!(civil_from_days(d), (2023, 10, 13));
        assert_eq!(weekday(d), 4); // Friday
        assert_eq!(iso_week(d), "2023-W41");
        assert_eq!(iso_week(days_from_civil(2021, 1, 3)), "2020-W53");
        assert_eq!(month_offset(2023, 1, -1), "2022-12");
        assert_eq!(parse_iso("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_iso("2023-02-29"), None);
        for z in -1000..1000 {
            let (y, m, d) = civil_from_days(z * 37);
            assert_eq!(days_from_civil(y, m, d), z * 37);
        }
    }
}
