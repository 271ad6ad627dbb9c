//! File names for exports: the article's headline, slugified.

/// Longest slug, in bytes (ASCII): long enough to tell articles apart, short enough for any
/// file system and a download bar.
const SLUG_MAX: usize = 60;
/// Longest headline kept as a title (displaCy `title`, Web Annotation collection `label`).
const HEADLINE_MAX: usize = 200;
/// The name when the headline gives no ASCII letter or digit.
const FALLBACK: &str = "annotation";

/// The headline of an article whose first body paragraph is `body`: its first non-blank line,
/// trimmed and cut to 200 characters (empty when there is none).
pub fn headline(body: &str) -> String {
    let line = body.lines().map(str::trim).find(|l| !l.is_empty());
    line.unwrap_or_default()
        .chars()
        .take(HEADLINE_MAX)
        .collect()
}

/// `headline` as a file name stem: ASCII lower-case words joined by `-` (Latin accents folded:
/// `Café Müller’s` → `cafe-mullers`), at most 60 bytes cut at a word end; `annotation` when
/// nothing is left.
pub fn slug(headline: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in headline.chars() {
        // Apostrophes join (`country’s` → `countrys`); combining accents fold away.
        if matches!(c, '\'' | '’' | '\u{0300}'..='\u{036F}') {
            continue;
        }
        match fold(c) {
            Some(ascii) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push_str(ascii);
            }
            None => gap = true,
        }
        if out.len() > SLUG_MAX {
            break;
        }
    }
    if out.len() > SLUG_MAX {
        // Cut at the last word end that fits (a single long word is cut where it must be).
        let cut = out[..=SLUG_MAX].rfind('-').unwrap_or(SLUG_MAX);
        out.truncate(cut);
    }
    if out.is_empty() {
        FALLBACK.to_string()
    } else {
        out
    }
}

/// Latin-1 Supplement and Latin Extended-A letters (U+00C0–U+017F) without their accents;
/// `*` marks the symbols (×, ÷) and the letters spelled with two (see `fold`).
const LATIN: &str = concat!(
    "aaaaaa*ceeeeiiiidnooooo*ouuuuy**",
    "aaaaaa*ceeeeiiiidnooooo*ouuuuy*y",
    "aaaaaaccccccccddddeeeeeeeeeegggg",
    "gggghhhhiiiiiiiiii**jjkkklllllll",
    "lllnnnnnnnnnoooooo**rrrrrrssssss",
    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs",
);

/// A character as lower-case ASCII, or `None` for a separator (space, punctuation, a
/// non-Latin letter).
fn fold(c: char) -> Option<&'static str> {
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    if c.is_ascii_alphanumeric() {
        let c = c.to_ascii_lowercase() as u8;
        let i = if c.is_ascii_digit() {
            c - b'0'
        } else {
            c - b'a' + 10
        };
        return Some(&ASCII[i as usize..i as usize + 1]);
    }
    match c {
        'Æ' | 'æ' => Some("ae"),
        'Þ' | 'þ' => Some("th"),
        'ß' => Some("ss"),
        'Ĳ' | 'ĳ' => Some("ij"),
        'Œ' | 'œ' => Some("oe"),
        '\u{C0}'..='\u{17F}' => {
            let i = c as usize - 0xC0;
            Some(&LATIN[i..i + 1]).filter(|s| *s != "*")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latin_table_covers_its_range() {
        assert_eq!(LATIN.len(), 0x180 - 0xC0);
        assert!(LATIN.is_ascii());
        for (c, want) in [
            ('À', "a"),
            ('Ç', "c"),
            ('Ñ', "n"),
            ('ÿ', "y"),
            ('Ā', "a"),
            ('Đ', "d"),
            ('ı', "i"),
            ('Ł', "l"),
            ('ł', "l"),
            ('ő', "o"),
            ('Ş', "s"),
            ('ű', "u"),
            ('Ÿ', "y"),
            ('ž', "z"),
            ('ſ', "s"),
        ] {
            assert_eq!(fold(c), Some(want), "{c}");
        }
        assert_eq!(fold('×'), None);
        assert_eq!(fold('÷'), None);
    }

    #[test]
    fn slugs_are_short_ascii_words() {
        assert_eq!(
            slug("Café Müller’s “new” menu: 3.5% off!"),
            "cafe-mullers-new-menu-3-5-off"
        );
        assert_eq!(slug("Cafe\u{301} Łódź"), "cafe-lodz");
        assert_eq!(slug("Straße — Œuvre"), "strasse-oeuvre");
        assert_eq!(slug("😀 日本語"), "annotation");
        assert_eq!(slug(""), "annotation");
        let long = slug(
            "The White House on Friday announced that North Korea has delivered military \
             equipment to Russia",
        );
        assert_eq!(
            long,
            "the-white-house-on-friday-announced-that-north-korea-has"
        );
        assert!(long.len() <= SLUG_MAX);
        let word = slug(&"x".repeat(100));
        assert_eq!(word.len(), SLUG_MAX);
    }
}
