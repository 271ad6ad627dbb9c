//! The JS API in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! offsets are UTF-16 code units, so JS `String.prototype.slice` with them is exact,
//! and `options` from JS (`undefined`, `null`, `{}`, `{offsets: "chars"}`) is handled.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test wasm`
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use lede::wasm::{annotate_js, export_as, token_count, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Astral emoji (surrogate pairs), a ZWJ family, a combining accent and CRLF line ends.
const MIXED: &str = "Caf\u{e9} owners met on Friday \u{1F600}. Jose\u{301} said it was fine \
\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}!\r\n\r\nThe third sentence \u{1F389} ends here.\r\nA fourth one follows.";

/// Two astral emoji before the second sentence: its start differs in every unit.
const TWO_EMOJI: &str = "One \u{1F600}\u{1F600} here. Second one here.";

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or_else(|_| panic!("no field {key}"))
}

fn array(v: &JsValue, key: &str) -> Vec<JsValue> {
    get(v, key)
        .dyn_into::<Array>()
        .unwrap_or_else(|_| panic!("{key} is not an array"))
        .to_vec()
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number")) as u32
}

/// `text.slice(start, end)` exactly as the page does it, on the JS string.
fn js_slice(text: &JsString, span: &JsValue) -> String {
    String::from(text.slice(num(span, "start"), num(span, "end")))
}

fn annotate(text: &str, options: JsValue) -> JsValue {
    annotate_js(JsValue::from_str(text), options).unwrap_or_else(|_| panic!("annotate failed"))
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn sentences_slice_exactly_with_utf16_offsets() {
    let result = annotate(MIXED, JsValue::UNDEFINED);
    let text = JsString::from(MIXED);
    let sentences: Vec<String> = array(&result, "sentences")
        .iter()
        .map(|s| js_slice(&text, s))
        .collect();
    assert_eq!(
        sentences,
        [
            "Caf\u{e9} owners met on Friday \u{1F600}.",
            "Jose\u{301} said it was fine \u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}!",
            "The third sentence \u{1F389} ends here.",
            "A fourth one follows.",
        ]
    );
    let paragraphs: Vec<String> = array(&result, "paragraphs")
        .iter()
        .map(|p| js_slice(&text, p))
        .collect();
    assert_eq!(
        paragraphs.len(),
        2,
        "CRLF CRLF separates paragraphs: {paragraphs:?}"
    );
    assert!(
        paragraphs[1].ends_with("here.\r\nA fourth one follows."),
        "{paragraphs:?}"
    );
}

#[wasm_bindgen_test]
fn header_date_and_dateline_slice_exactly_with_utf16_offsets() {
    let article = "Caf\u{e9} \u{1F600} news\nPublished 9:41 AM EDT, Fri October 13, 2023\n\n\
WASHINGTON (AP) \u{2014} The White House said on Friday it was alarmed.";
    let result = annotate(article, JsValue::UNDEFINED);
    let text = JsString::from(article);
    assert_eq!(
        get(&result, "date").as_string().as_deref(),
        Some("2023-10-13")
    );
    let source = get(&result, "date_source");
    assert_eq!(
        get(&source, "kind").as_string().as_deref(),
        Some("published")
    );
    let span = get(&source, "span");
    assert_eq!(js_slice(&text, &span), "Fri October 13, 2023");
    let dateline = get(&result, "dateline");
    assert_eq!(js_slice(&text, &dateline), "WASHINGTON (AP) \u{2014}");
    assert_eq!(js_slice(&text, &get(&dateline, "place")), "WASHINGTON");
    assert_eq!(js_slice(&text, &get(&dateline, "agency")), "AP");
}

#[wasm_bindgen_test]
fn every_span_with_text_matches_its_js_slice() {
    let article = "date 2023-10-13 The caf\u{e9} \u{1F600} said on Friday: \u{201C}We sold more than 1000 \
\u{1F35E} last month,\u{201D} Jos\u{e9}\u{301} told reporters.\r\n\r\nHe said they will \u{201C}pay a price\u{201D} \
next Monday, 3.5% more.";
    let result = annotate(article, JsValue::UNDEFINED);
    let text = JsString::from(article);
    assert_eq!(
        get(&result, "date").as_string().as_deref(),
        Some("2023-10-13")
    );
    for key in ["entities", "quotes"] {
        for item in array(&result, key) {
            assert_eq!(
                js_slice(&text, &item),
                get(&item, "text").as_string().unwrap(),
                "{key} span"
            );
            for part in ["speaker", "cue"] {
                let sub = get(&item, part);
                if sub.is_object() {
                    assert_eq!(
                        js_slice(&text, &sub),
                        get(&sub, "text").as_string().unwrap(),
                        "{key}.{part}"
                    );
                }
            }
            // A mixed quote's quoted words.
            if get(&item, "parts").is_object() {
                for sub in array(&item, "parts") {
                    assert_eq!(
                        js_slice(&text, &sub),
                        get(&sub, "text").as_string().unwrap(),
                        "{key}.parts"
                    );
                }
            }
        }
    }
    // `He said they will “pay a price” …` is one mixed quote whose part is checked above.
    assert!(array(&result, "quotes")
        .iter()
        .any(|q| get(q, "parts").is_object()));
    // The body starts right after the date marker, on a UTF-16 boundary.
    let body = array(&result, "sentences")[0].clone();
    assert!(js_slice(&text, &body).starts_with("The caf\u{e9} \u{1F600} said"));
}

#[wasm_bindgen_test]
fn options_undefined_null_and_empty_object_mean_utf16() {
    let starts: Vec<u32> = [
        JsValue::UNDEFINED,
        JsValue::NULL,
        Object::new().into(),
        options("{}"),
    ]
    .into_iter()
    .map(|o| num(&array(&annotate(TWO_EMOJI, o), "sentences")[1], "start"))
    .collect();
    // "One " + two surrogate pairs + " here. ": 4 + 4 + 7 UTF-16 units.
    assert_eq!(starts, [15, 15, 15, 15]);
}

#[wasm_bindgen_test]
fn offsets_chars_option_gives_code_points() {
    let result = annotate(TWO_EMOJI, options(r#"{"offsets":"chars"}"#));
    let sentence = &array(&result, "sentences")[1];
    assert_eq!((num(sentence, "start"), num(sentence, "end")), (13, 29));
    let bytes = annotate(TWO_EMOJI, options(r#"{"offsets":"bytes"}"#));
    assert_eq!(num(&array(&bytes, "sentences")[1], "start"), 19);
}

#[wasm_bindgen_test]
fn date_option_is_used_without_a_marker() {
    let result = annotate(
        "Officials met on Friday.",
        options(r#"{"date":"2024-02-29"}"#),
    );
    assert_eq!(
        get(&result, "date").as_string().as_deref(),
        Some("2024-02-29")
    );
}

#[wasm_bindgen_test]
fn bad_options_are_a_js_error_not_a_panic() {
    let err = annotate_js(
        JsValue::from_str("Some text."),
        options(r#"{"offsets":"furlongs"}"#),
    );
    assert!(err.is_err());
    // The module still works afterwards.
    assert_eq!(
        array(&annotate("Still fine.", JsValue::UNDEFINED), "sentences").len(),
        1
    );
}

#[wasm_bindgen_test]
fn empty_text_gives_a_warning() {
    for text in ["", "   \r\n\r\n  "] {
        let result = annotate(text, JsValue::UNDEFINED);
        let warnings: Vec<String> = array(&result, "warnings")
            .iter()
            .filter_map(|w| w.as_string())
            .collect();
        assert!(warnings.iter().any(|w| w.contains("empty")), "{warnings:?}");
        assert!(array(&result, "sentences").is_empty());
    }
}

#[wasm_bindgen_test]
fn version_and_token_count() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    assert!(token_count("One two three.") >= 4);
    assert_eq!(token_count(""), 0);
}

#[wasm_bindgen_test]
fn text_that_is_not_a_string_is_a_type_error_naming_it() {
    let function: JsValue = js_sys::Function::new_no_args("return 1").into();
    let symbol: JsValue = js_sys::Symbol::for_("x").into();
    for (value, kind) in [
        (JsValue::from_f64(42.0), "number"),
        (Object::new().into(), "object"),
        (JsValue::TRUE, "boolean"),
        (symbol, "symbol"),
        (function, "function"),
        (JsValue::UNDEFINED, "undefined"),
        (js_sys::BigInt::from(7u32).into(), "bigint"),
    ] {
        let err = annotate_js(value, JsValue::UNDEFINED).expect_err(kind);
        assert!(err.is_instance_of::<js_sys::TypeError>(), "{kind}");
        let message = String::from(err.dyn_into::<js_sys::Error>().unwrap().message());
        assert!(
            message.contains("text must be a string") && message.contains(kind),
            "{message}"
        );
    }
}

#[wasm_bindgen_test]
fn an_impossible_date_option_is_a_warning() {
    let result = annotate("They met last month.", options(r#"{"date":"2023-13-45"}"#));
    let warnings: Vec<String> = array(&result, "warnings")
        .iter()
        .filter_map(|w| w.as_string())
        .collect();
    assert!(
        warnings.iter().any(|w| w.contains("2023-13-45")),
        "{warnings:?}"
    );
}

#[wasm_bindgen_test]
fn a_text_over_the_limit_is_a_range_error() {
    let big = "a ".repeat(lede::MAX_TEXT_BYTES / 2 + 1);
    let err = annotate_js(JsValue::from_str(&big), JsValue::UNDEFINED).expect_err("too large");
    assert!(err.is_instance_of::<js_sys::RangeError>());
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_exact() {
    // "He said “x.”" with a lone high surrogate before "He": one UTF-16 unit in JS, read as
    // U+FFFD (also one unit), so every offset still slices the JS string exactly where the
    // text has no lone surrogate, and `text` fields hold U+FFFD where it has one.
    let mut code: Vec<u16> = vec![0xD800];
    code.extend("He said “It was fine.” Kirby left.".encode_utf16());
    let text = JsString::from_char_code(&code);
    let result = annotate_js(text.clone().into(), JsValue::UNDEFINED).expect("annotates");
    for key in ["entities", "quotes"] {
        for item in array(&result, key) {
            assert_eq!(
                js_slice(&text, &item),
                get(&item, "text").as_string().unwrap()
            );
        }
    }
    assert!(!array(&result, "quotes").is_empty());
    // The same specific warning Python gives; a U+FFFD written as such gets none.
    let warns = |result: &JsValue| match get(result, "warnings").is_undefined() {
        true => String::new(),
        false => format!("{:?}", array(result, "warnings")),
    };
    assert!(
        warns(&result).contains("Lone surrogate replaced"),
        "{}",
        warns(&result)
    );
    let written = annotate_js(JsValue::from_str("A \u{FFFD} here."), JsValue::UNDEFINED).unwrap();
    assert!(
        !warns(&written).contains("surrogate"),
        "{}",
        warns(&written)
    );
}

#[wasm_bindgen_test]
fn binary_text_is_refused_with_an_error() {
    let err = annotate_js(
        JsValue::from_str("\u{89}PNG\r\n\0\0\0IHDR"),
        JsValue::UNDEFINED,
    )
    .expect_err("binary");
    assert!(err.is_instance_of::<js_sys::Error>() && !err.is_instance_of::<js_sys::RangeError>());
    let message = js_sys::Error::from(err).message().as_string().unwrap();
    assert!(message.contains("binary"), "{message}");
}

/// `exportAs` gives `{filename, mime, content}` in code points whatever the offsets option,
/// the brat `.txt` beside the `.ann`, and clear errors for a bad format or text.
#[wasm_bindgen_test]
fn export_as_names_the_file_and_counts_code_points() {
    let text = "Prices rise \u{1F600}\n\nPrices rose 3.5% on Friday, Jose\u{301} Diaz said.";
    let export = |format: &str, opts: &str| {
        export_as(
            JsValue::from_str(text),
            options(opts),
            JsValue::from_str(format),
        )
        .unwrap_or_else(|_| panic!("exportAs {format} failed"))
    };
    for opts in ["{}", r#"{"offsets":"utf16"}"#] {
        let csv = export("entities-csv", opts);
        assert_eq!(
            get(&csv, "filename").as_string().unwrap(),
            "prices-rise.entities.csv"
        );
        assert_eq!(get(&csv, "mime").as_string().unwrap(), "text/csv");
        let content = get(&csv, "content").as_string().unwrap();
        // "3.5%" starts after 12 + 1 (emoji) + 2 + 12 code points; UTF-16 would say 28.
        assert!(content.contains("PERCENT,3.5%,3.5%,,27,31"), "{content}");
    }
    let brat = export("brat", "{}");
    assert_eq!(
        get(&brat, "filename").as_string().unwrap(),
        "prices-rise.ann"
    );
    let companion = get(&brat, "companion");
    assert_eq!(
        get(&companion, "filename").as_string().unwrap(),
        "prices-rise.txt"
    );
    assert_eq!(get(&companion, "content").as_string().unwrap(), text);

    let err = export_as(
        JsValue::from_str(text),
        JsValue::UNDEFINED,
        JsValue::from_str("xml"),
    )
    .expect_err("an unknown format");
    assert!(err.is_instance_of::<js_sys::TypeError>());
    let message = String::from(err.dyn_into::<js_sys::Error>().unwrap().message());
    assert!(message.contains("quotes-csv"), "{message}");
    let err = export_as(
        JsValue::from_f64(1.0),
        JsValue::UNDEFINED,
        JsValue::from_str("json"),
    )
    .expect_err("a number is no text");
    assert!(err.is_instance_of::<js_sys::TypeError>());
}
