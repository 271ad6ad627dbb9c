//! PolNeAR dev evaluation with floors a little under the measured figures, so a regression in
//! quotes or speakers fails CI. These read the shared corpora, so they are ignored unless asked
//! for (`-- --include-ignored`, as `scripts/test` does when the data is there); run without the
//! data they fail, naming the path (see `common::data`; `LEDE_DATA` overrides the shared data
//! folder, default `../shared/data`).

use crate::common;

#[test]
#[ignore = "reads the shared corpora (LEDE_DATA, default ../shared/data)"]
fn polnear_dev_floors() {
    let dir = common::data("quotes/polnear");
    let r = lede::tools::quote_eval::evaluate(&dir, "dev", false)
        .expect("the PolNeAR dev split evaluates");
    eprintln!("{r}");
    assert!(
        r.direct.prf.f1() >= 0.95,
        "direct F1 {:.3}",
        r.direct.prf.f1()
    );
    assert!(
        r.direct.speaker_accuracy() >= 0.92,
        "direct speaker {:.3}",
        r.direct.speaker_accuracy()
    );
    assert!(
        r.indirect.prf.f1() >= 0.69,
        "reported F1 {:.3}",
        r.indirect.prf.f1()
    );
    assert!(
        r.indirect.speaker_accuracy() >= 0.90,
        "reported speaker {:.3}",
        r.indirect.speaker_accuracy()
    );
}

/// Speakers are things that speak: over every PolNeAR train and dev article, each speaker is
/// resolved to a name or headed by a pronoun, a name or a source noun.
#[test]
#[ignore = "reads the shared corpora (LEDE_DATA, default ../shared/data)"]
fn every_speaker_is_a_noun_phrase_or_a_resolved_pronoun() {
    let dir = common::data("quotes/polnear");
    let mut bad = Vec::new();
    let mut speakers = 0;
    for split in ["train", "dev"] {
        for doc in lede::tools::polnear::load(&dir, split).expect("PolNeAR loads") {
            for q in lede::tools::quote_eval::annotate_quotes(&doc.text) {
                speakers += usize::from(q.speaker.is_some());
                if !lede::tools::quote_eval::speaker_speaks(&q) {
                    bad.push(format!("{}: {:?}", doc.id, q.speaker.map(|s| s.text)));
                }
            }
        }
    }
    eprintln!("{speakers} speakers, {} not speaking", bad.len());
    assert!(
        bad.is_empty(),
        "{} of {speakers}: {:#?}",
        bad.len(),
        &bad[..bad.len().min(20)]
    );
}
