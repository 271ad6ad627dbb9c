//! JavaScript binding: `annotate(text, options)` returning the Annotation with UTF-16 offsets.

use crate::{Options, Units};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Annotates `text`; `options` may be `undefined`, `null` or a partial Options object.
/// Offsets default to UTF-16 code units so `text.slice(start, end)` is exact in JS.
///
/// Throws a `TypeError` when `text` is not a string, and a `RangeError` when it is longer than
/// `MAX_TEXT_BYTES` of UTF-8. A lone surrogate in `text` reads as U+FFFD (one unit, so offsets
/// stay exact; the `text` fields hold U+FFFD where `text.slice` has the lone surrogate).
#[wasm_bindgen(js_name = annotate)]
pub fn annotate_js(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let Some(text) = text.as_string() else {
        let kind = text.js_typeof().as_string().unwrap_or_default();
        return Err(js_sys::TypeError::new(&format!(
            "annotate(text, options): text must be a string, not {kind}"
        ))
        .into());
    };
    let mut options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| js_sys::TypeError::new(&format!("annotate: bad options: {e}")))?
    };
    options.offsets.get_or_insert(Units::Utf16);
    let annotation = crate::try_annotate(&text, &options)
        .map_err(|refusal| js_sys::RangeError::new(&format!("annotate: {refusal}")))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    annotation
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("cannot return the annotation: {e}")).into())
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
