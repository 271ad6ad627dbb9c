//! Hostile inputs for `lede bench --hostile`: texts that once made a stage slow or memory-hungry
//! (issue 12), each generated at a given size beside ordinary news of the same size.

/// The seed article, as ordinary news.
const NEWS: &str = include_str!("../../seeds/000_d4b5ee5f7b1b9140.txt");

/// `unit` repeated to about `size` bytes.
fn repeat(unit: &str, size: usize) -> String {
    unit.repeat((size / unit.len()).max(1))
}

/// The generators, by name: ordinary news first.
pub const NAMES: [&str; 12] = [
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
        _ => return None,
    })
}

/// Peak resident memory of this process in KiB (Linux; `None` elsewhere).
pub fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generator_makes_about_the_size_asked() {
        for name in NAMES {
            let t = generate(name, 10_000).unwrap();
            assert!((5_000..=10_000).contains(&t.len()), "{name}: {}", t.len());
        }
        assert!(generate("nothing", 10).is_none());
    }
}
