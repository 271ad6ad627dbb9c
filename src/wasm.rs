//! JavaScript binding: `annotate(text, options)` returning the Annotation with UTF-16 offsets,
//! and `exportAs(text, options, format)` returning an export file.

use crate::export::{self, Format};
use crate::schema::{Annotation, Options, Units};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Annotates `text`; `options` may be `undefined`, `null` or a partial Options object.
/// Offsets default to UTF-16 code units so `text.slice(start, end)` is exact in JS.
///
/// Throws a `TypeError` when `text` is not a string, and a `RangeError` when it is longer than
/// `MAX_TEXT_BYTES` of UTF-8, and an `Error` for binary data (NULs, many control characters).
/// A lone surrogate in `text` reads as U+FFFD (one unit, so offsets stay exact; the `text` fields
/// hold U+FFFD where `text.slice` has the lone surrogate), with the warning Python gives.
#[wasm_bindgen(js_name = annotate)]
pub fn annotate_js(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let (text, lone) = text_arg("annotate", text)?;
    let mut options = options_arg("annotate", options)?;
    options.offsets.get_or_insert(Units::Utf16);
    let mut annotation =
        crate::try_annotate(&text, &options).map_err(|refusal| refused("annotate", refusal))?;
    if lone {
        annotation
            .warnings
            .push(crate::LONE_SURROGATE_WARNING.into());
    }
    to_js(&annotation, "the annotation")
}

/// The JS error of a refusal: a `RangeError` for a text too long, an `Error` otherwise.
fn refused(function: &str, refusal: crate::Refusal) -> JsValue {
    let message = format!("{function}: {refusal}");
    match refusal {
        crate::Refusal::TooLarge { .. } => js_sys::RangeError::new(&message).into(),
        _ => js_sys::Error::new(&message).into(),
    }
}

thread_local! {
    /// The last text exported, its options and its annotation (code points): exporting one
    /// article in several formats annotates it once.
    static LAST_EXPORT: RefCell<Option<(String, Options, Annotation)>> = const { RefCell::new(None) };
}

/// Annotates `text` with `options` (as `annotate` does; the offsets option is ignored: exports
/// count code points, as brat, displaCy and the Web Annotation model do) and returns the file
/// `{filename, mime, content}` of `format` — `json`, `displacy`, `brat`, `conll`, `webanno`,
/// `quotes-csv` or `entities-csv` — named from the headline. For `brat` it also holds
/// `companion: {filename, mime, content}`, the article text brat reads beside the `.ann`.
///
/// Throws a `TypeError` for a `text` that is not a string, bad `options` or an unknown
/// `format`, and a `RangeError` for a text over `MAX_TEXT_BYTES`.
#[wasm_bindgen(js_name = exportAs)]
pub fn export_as(text: JsValue, options: JsValue, format: JsValue) -> Result<JsValue, JsValue> {
    let (text, lone) = text_arg("exportAs", text)?;
    let mut options = options_arg("exportAs", options)?;
    options.offsets = Some(Units::Chars);
    let Some(format) = format.as_string().as_deref().and_then(Format::parse) else {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        return Err(js_sys::TypeError::new(&format!(
            "exportAs(text, options, format): format must be one of {}",
            names.join(", ")
        ))
        .into());
    };
    LAST_EXPORT.with_borrow_mut(|last| {
        // Every option that changes the annotation is in the key: a gender correction or the
        // attributions toggle must reach the next export of the same text.
        let cached = last.as_ref().is_some_and(|(t, o, _)| {
            *t == text
                && o.date == options.date
                && o.offsets == options.offsets
                && o.attributions == options.attributions
                && o.genders == options.genders
        });
        if !cached {
            *last = None; // free the old annotation before making the new one
            let mut annotation = crate::try_annotate(&text, &options)
                .map_err(|refusal| refused("exportAs", refusal))?;
            if lone {
                annotation
                    .warnings
                    .push(crate::LONE_SURROGATE_WARNING.into());
            }
            *last = Some((text, options, annotation));
        }
        let (text, _, annotation) = last.as_ref().expect("just filled");
        let file = export::export(text, annotation, format)
            .map_err(|e| JsError::new(&format!("exportAs: {e}")))?;
        to_js(&file, "the export")
    })
}

/// The crate version, shown in the page footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Number of tokens the pipeline reads in `text`; lets the browser benchmark report
/// tokens/s on the same count as `lede bench`.
#[wasm_bindgen(js_name = tokenCount)]
pub fn token_count(text: &str) -> usize {
    crate::token_count(text)
}

/// `text` as a Rust string and whether it held a lone surrogate (read as U+FFFD), or a
/// `TypeError` naming what it is.
fn text_arg(function: &str, text: JsValue) -> Result<(String, bool), JsValue> {
    let Some(string) = text.as_string() else {
        let kind = text.js_typeof().as_string().unwrap_or_default();
        return Err(js_sys::TypeError::new(&format!(
            "{function}(text, options): text must be a string, not {kind}"
        ))
        .into());
    };
    // Only a text with U+FFFD can have had a lone surrogate: the unit by unit check (slow, a
    // call per unit) runs for those alone.
    let lone = string.contains('\u{FFFD}') && !js_sys::JsString::from(text).is_valid_utf16();
    Ok((string, lone))
}

/// `options` (`undefined`, `null` or a partial Options object), or a `TypeError`.
fn options_arg(function: &str, options: JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|e| js_sys::TypeError::new(&format!("{function}: bad options: {e}")).into())
}

/// A plain JS object (no `Map`s) of `value`.
fn to_js(value: &impl Serialize, what: &str) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("cannot return {what}: {e}")).into())
}
