//! The sequence-model core every learned model of Lede is built on: entities (`ner`) and
//! attribution (`quotes::tagger`) today, the mention ranker and cue classifiers next. It knows
//! no model: tag sets, features and file names are its users'.
//!
//! - [`hash`]: feature hashing (template id and values → `u64` key);
//! - [`error`]: why model bytes cannot be read ([`ModelError`]);
//! - [`table`]: the quantised weight table and its lookup ([`table_build`] lays one out,
//!   [`table_file`] is a model's compact file, laid out when the model is first used);
//! - [`templates`]: a model's named feature templates ([`templates::feature_templates`]);
//! - [`viterbi`]: constrained first-order decoding, generic over the tag count;
//! - [`perceptron`]: the averaged structured-perceptron update (tools only);
//! - [`folds`]: K-fold splits for cross-validation and jackknifing (tools only).
//!
//! Self-contained (it imports only `std` and itself) so `build.rs` can include its files.

pub mod error;
#[cfg(any(test, feature = "tools"))]
pub mod folds;
pub mod hash;
#[cfg(any(test, feature = "tools"))]
pub mod perceptron;
pub mod table;
pub mod table_build;
pub mod table_file;
pub mod templates;
pub mod viterbi;

pub use error::ModelError;
