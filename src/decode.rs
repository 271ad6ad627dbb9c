//! Bytes → text, deciding per input: UTF-8 (with or without a byte-order mark) as it is;
//! UTF-16 with a byte-order mark decoded; bytes that are not UTF-8 read as Windows-1252
//! (Latin-1's superset, what such files mostly are). Each decoding but plain UTF-8 says so in
//! a warning. Binary data is not caught here: [`crate::try_annotate`] refuses it after decoding
//! (a NUL or many control characters survive every decoding).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// A decoded input and the warning that says how it was read, when it was not plain UTF-8.
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub warning: Option<String>,
}

/// Decodes `bytes`. A byte-order mark stays in the text as U+FEFF, as in UTF-8 (the pipeline
/// reads it as blank), so offsets count it whatever the encoding.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let (text, errors) = encoding.decode_without_bom_handling(bytes);
            let bad = if errors {
                "; malformed units were replaced with U+FFFD"
            } else {
                ""
            };
            let warning = format!(
                "The input is {} (it starts with a byte-order mark): decoded as such{bad}.",
                encoding.name()
            );
            return Decoded {
                text,
                warning: Some(warning),
            };
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            warning: None,
        };
    }
    // UTF-8 with a few broken bytes keeps its other characters; bytes with no UTF-8 sequence
    // of more than one byte at all are a legacy single-byte encoding.
    let lossy = String::from_utf8_lossy(bytes);
    if lossy.chars().any(|c| !c.is_ascii() && c != '\u{FFFD}') {
        let bad = lossy.matches('\u{FFFD}').count();
        let warning = format!(
            "The input is not valid {} ({bad} invalid byte sequence(s)); they were replaced \
             with U+FFFD.",
            UTF_8.name()
        );
        return Decoded {
            text: Cow::Owned(lossy.into_owned()),
            warning: Some(warning),
        };
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    Decoded {
        text,
        warning: Some(
            "The input is not UTF-8; it was decoded as Windows-1252 (Latin-1).".to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let units = std::iter::once(0xFEFF).chain(text.encode_utf16());
        units
            .flat_map(|u| match big_endian {
                true => u.to_be_bytes(),
                false => u.to_le_bytes(),
            })
            .collect()
    }

    #[test]
    fn each_encoding_is_read_and_named() {
        let plain = decode("Café “quoted”".as_bytes());
        assert_eq!(plain.text, "Café “quoted”");
        assert!(plain.warning.is_none());
        let bom = decode("\u{FEFF}Café".as_bytes());
        assert_eq!((bom.text.as_ref(), bom.warning), ("\u{FEFF}Café", None));
        for big_endian in [false, true] {
            let bytes = utf16("Zoë said “hi”", big_endian);
            let d = decode(&bytes);
            assert_eq!(d.text, "\u{FEFF}Zoë said “hi”");
            let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
            assert!(d.warning.unwrap().contains(name));
        }
        let latin1 = decode(b"Caf\xe9 \x93quoted\x94 na\xefve");
        assert_eq!(latin1.text, "Café “quoted” naïve");
        assert!(latin1.warning.unwrap().contains("Windows-1252"));
        let broken = decode(b"Caf\xc3\xa9 and \xff");
        assert_eq!(broken.text, "Café and \u{FFFD}");
        assert!(broken.warning.unwrap().contains("not valid UTF-8"));
    }
}
