//! Why bytes are not a usable model: one error for every model file and table Lede reads.

/// Why bytes are not a usable model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Not this kind of model: the bytes do not start with its magic. `model` names the kind.
    BadMagic { model: &'static str },
    /// Made for another tag set.
    TagCount { found: usize, expected: usize },
    /// The bytes end before (or go on after) the data they announce.
    Truncated,
    /// Sizes, keys or counts that do not fit together (what is named).
    Corrupt(&'static str),
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::BadMagic { model } => write!(f, "not a Lede {model} (bad magic)"),
            ModelError::TagCount { found, expected } => {
                write!(f, "model has {found} tags, this build expects {expected}")
            }
            ModelError::Truncated => write!(f, "model truncated (or of the wrong length)"),
            ModelError::Corrupt(what) => write!(f, "corrupt model: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}
