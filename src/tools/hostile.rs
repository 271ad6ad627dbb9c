//! Hostile inputs for `lede bench --hostile`: texts that once made a stage slow or memory-hungry
//! (issue 12), each generated at a given size beside ordinary news of the same size.

/// The seed article, as ordinary news.
const NEWS: &str = include_str!("../../seeds/000_d4b5ee5f7b1b9140.txt");

/// `unit` repeated to about `size` bytes.
fn repeat(unit: &str, size: usize) -> String {
    unit.repeat((size / unit.len()).max(1))
}

/// The generators, by name: ordinary news first.
pub const NAMES: [&str; 14] = [
    "news",
    "\"word",
    "'word",
    "”word",
    "''word",
    "rock 'n' roll",
    "dialogue",
    "...",
    "-",
    "unmatched “",
    "unmatched ``",
    "one sentence",
    "shared surname",
    "cues in one sentence",
];

/// The text of generator `name` at about `size` bytes.
pub fn generate(name: &str, size: usize) -> Option<String> {
    Some(match name {
        "news" => repeat(&format!("{NEWS}\n\n"), size),
        "\"word" => repeat("\"word ", size),
        "'word" => repeat("'word ", size),
        "”word" => repeat("”word ", size),
        "''word" => repeat("''word ", size),
        "rock 'n' roll" => repeat(
            "They played rock 'n' roll and the '90s hits, the band's best. ",
            size,
        ),
        "dialogue" => repeat("“What do you mean?”\n\n“Nothing at all.”\n\n", size),
        "..." => repeat("...", size),
        "-" => repeat("-", size),
        "unmatched “" => repeat("“", size),
        "unmatched ``" => repeat("``", size),
        "one sentence" => repeat("and the word ", size),
        // Every "Smith" asks which Smith its paragraph named last.
        // Every token looks for the nearest cues of its sentence.
        "cues in one sentence" => repeat("word Kirby said the U.S. 1000 ", size),
        "shared surname" => repeat("John Smith met Jane Smith.\n\nSmith said so.\n\n", size),
        _ => return None,
    })
}

/// Peak resident memory of this process in KiB (Linux; `None` elsewhere).
pub fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A size in bytes as written on the command line: `300000`, `300k`, `2m`, `1.5m` (k = 1,000,
/// m = 1,000,000).
pub fn parse_size(s: &str) -> Result<usize, String> {
    let lower = s.trim().to_ascii_lowercase();
    let (number, unit) = match lower.strip_suffix('k') {
        Some(n) => (n, 1e3),
        None => match lower.strip_suffix('m') {
            Some(n) => (n, 1e6),
            None => (lower.as_str(), 1.0),
        },
    };
    match number.parse::<f64>() {
        Ok(n) if n.is_finite() && n * unit >= 1.0 => Ok((n * unit).round() as usize),
        _ => Err(format!("{s:?} is not a size in bytes (300000, 300k, 2m)")),
    }
}

/// The exponent `b` of `y ≈ a·x^b` fitted to `points` by least squares on their logarithms:
/// 1 when `y` grows as `x` does, 2 when with its square. `None` with fewer than two sizes.
pub fn slope(points: &[(f64, f64)]) -> Option<f64> {
    let logs: Vec<(f64, f64)> = (points.iter())
        .filter(|(x, y)| *x > 0.0 && *y > 0.0)
        .map(|(x, y)| (x.ln(), y.ln()))
        .collect();
    let n = logs.len() as f64;
    let mean_x = logs.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = logs.iter().map(|p| p.1).sum::<f64>() / n;
    let spread: f64 = logs.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let together: f64 = logs.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    (logs.len() >= 2 && spread > 0.0).then(|| together / spread)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_with_their_units() {
        assert_eq!(parse_size("300k"), Ok(300_000));
        assert_eq!(parse_size("2m"), Ok(2_000_000));
        assert_eq!(parse_size("1.5M"), Ok(1_500_000));
        assert_eq!(parse_size("4096"), Ok(4096));
        for bad in ["", "k", "2g", "-1m", "0", "nan"] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn slope_is_the_log_log_exponent() {
        let linear = [(1e5, 0.1), (1e6, 1.0), (8e6, 8.0)];
        assert!((slope(&linear).unwrap() - 1.0).abs() < 1e-9);
        let square = [(1.0, 3.0), (2.0, 12.0), (4.0, 48.0)];
        assert!((slope(&square).unwrap() - 2.0).abs() < 1e-9);
        assert_eq!(slope(&[(1.0, 1.0)]), None);
        assert_eq!(slope(&[(2.0, 1.0), (2.0, 3.0)]), None);
    }

    #[test]
    fn every_generator_makes_about_the_size_asked() {
        for name in NAMES {
            let t = generate(name, 10_000).unwrap();
            assert!((5_000..=10_000).contains(&t.len()), "{name}: {}", t.len());
        }
        assert!(generate("nothing", 10).is_none());
    }
}
