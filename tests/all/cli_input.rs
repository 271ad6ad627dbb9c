//! What `lede annotate` makes of an input file's bytes: UTF-8 with or without a byte-order
//! mark as it is, UTF-16 with one decoded, Windows-1252 decoded, each named in a warning
//! (in the JSON and on stderr); binary input refused with a non-zero exit.

use super::cli::spawn;
use std::io::Write;

const TEXT: &str = "José Martínez said “we will win” in Zürich on Friday.";

/// stdout, stderr and exit code of `lede annotate <file holding bytes>` (plus `args`).
fn annotate_bytes(name: &str, bytes: &[u8], args: &[&str]) -> (String, String, Option<i32>) {
    let dir = std::env::temp_dir().join(format!("lede-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let mut all = vec!["annotate"];
    all.extend_from_slice(args);
    all.push(path.to_str().unwrap());
    let out = spawn(&all).wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code(),
    )
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    std::iter::once(0xFEFF)
        .chain(text.encode_utf16())
        .flat_map(|u| match big_endian {
            true => u.to_be_bytes(),
            false => u.to_le_bytes(),
        })
        .collect()
}

/// The entity texts of an Annotation JSON and its warnings.
fn read(out: &str) -> (Vec<String>, Vec<String>) {
    let a: serde_json::Value = serde_json::from_str(out).unwrap();
    let texts = |key: &str| -> Vec<String> {
        (a[key].as_array().into_iter().flatten())
            .map(|v| v.get("text").unwrap_or(v).as_str().unwrap().to_string())
            .collect()
    };
    (texts("entities"), texts("warnings"))
}

#[test]
fn every_encoding_gives_the_entities_of_utf8_and_says_how_it_was_read() {
    let (out, err, code) = annotate_bytes("plain.txt", TEXT.as_bytes(), &[]);
    assert_eq!(code, Some(0), "{err}");
    let (want, warnings) = read(&out);
    assert!(want.contains(&"Zürich".to_string()), "{want:?}");
    assert!(warnings.is_empty() && err.is_empty(), "{warnings:?} {err}");

    let bom = format!("\u{FEFF}{TEXT}");
    let (out, err, code) = annotate_bytes("bom.txt", bom.as_bytes(), &[]);
    assert_eq!(
        (code, read(&out)),
        (Some(0), (want.clone(), vec![])),
        "{err}"
    );

    let latin1: Vec<u8> = TEXT
        .chars()
        .map(|c| match c {
            '“' => 0x93,
            '”' => 0x94,
            c => u8::try_from(c as u32).unwrap(),
        })
        .collect();
    let cases = [
        ("utf16le.txt", utf16(TEXT, false), "UTF-16LE"),
        ("utf16be.txt", utf16(TEXT, true), "UTF-16BE"),
        ("latin1.txt", latin1, "Windows-1252"),
    ];
    for (name, bytes, encoding) in cases {
        let (out, err, code) = annotate_bytes(name, &bytes, &[]);
        assert_eq!(code, Some(0), "{name}: {err}");
        let (entities, warnings) = read(&out);
        assert_eq!(entities, want, "{name}");
        assert!(warnings[0].contains(encoding), "{name}: {warnings:?}");
        // The default JSON output also says it on stderr.
        assert!(
            err.contains("warning:") && err.contains(encoding),
            "{name}: {err}"
        );
    }
}

#[test]
fn binary_input_is_refused_with_a_clear_message() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    let exe = std::fs::read(env!("CARGO_BIN_EXE_lede")).unwrap()[..200_000].to_vec();
    let controls: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 32) as u8 | 1).collect();
    for (name, bytes) in [
        ("a.png", &png[..]),
        ("lede-exe", &exe),
        ("ctl.txt", &controls),
    ] {
        let (out, err, code) = annotate_bytes(name, bytes, &[]);
        assert_eq!(code, Some(1), "{name}: {err}");
        assert!(out.is_empty(), "{name}: nothing annotated");
        assert!(err.contains(name) && err.contains("binary"), "{err}");
        // The exports refuse it alike.
        let (out, err, code) = annotate_bytes(name, bytes, &["--format", "entities-csv"]);
        assert_eq!(code, Some(1), "{name}: {err}");
        assert!(out.is_empty() && err.contains("binary"), "{err}");
    }
}

#[test]
fn binary_stdin_is_refused_and_text_after_it_is_not_affected() {
    let mut child = spawn(&["annotate"]);
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"ELF\0\0\x01")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>: the input looks binary"));
}
