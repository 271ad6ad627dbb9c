//! JavaScript binding: `annotate(text, options)` returning the Annotation with UTF-16 offsets.

use crate::{Options, Units};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Annotates `text`; `options` may be `undefined`, `null` or a partial Options object.
/// Offsets default to UTF-16 code units so `text.slice(start, end)` is exact in JS.
#[wasm_bindgen(js_name = annotate)]
pub fn annotate_js(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let mut options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    options.offsets.get_or_insert(Units::Utf16);
    let annotation = crate::annotate(text, &options);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    annotation
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("cannot return the annotation: {e}")))
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
