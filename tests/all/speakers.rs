//! Who said it: speakers, cues and names for direct, partial and reported speech.

use lede::{annotate, Annotation, Options, Quote, QuoteKind};

const SEED: &str = include_str!("../../seeds/000_d4b5ee5f7b1b9140.txt");

fn run(text: &str) -> Annotation {
    annotate(text, &Options::default())
}

/// (kind, quote text, speaker mention, speaker name, cue) for compact assertions.
type Row = (
    QuoteKind,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn rows(a: &Annotation) -> Vec<Row> {
    a.quotes
        .iter()
        .map(|q| {
            (
                q.kind,
                q.text.clone(),
                q.speaker.as_ref().map(|s| s.text.clone()),
                q.speaker_name.clone(),
                q.cue.as_ref().map(|c| c.text.clone()),
            )
        })
        .collect()
}

fn find<'a>(a: &'a Annotation, head: &str) -> &'a Quote {
    a.quotes
        .iter()
        .find(|q| q.text.starts_with(head))
        .unwrap_or_else(|| panic!("no quote starting {head:?} in {:#?}", rows(a)))
}

fn speaker(q: &Quote) -> (&str, Option<&str>) {
    (
        q.speaker.as_ref().map_or("", |s| s.text.as_str()),
        q.speaker_name.as_deref(),
    )
}

#[test]
fn seed_direct_and_mixed_speakers() {
    let a = run(SEED);
    let quoted: Vec<&Quote> = a
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .collect();
    assert_eq!(quoted.len(), 5, "{:#?}", rows(&a));
    let expect = [
        (
            "“Due in part",
            "National Security Adviser John Kirby",
            "John Kirby",
        ),
        (
            "“We now have information",
            "National Security Adviser John Kirby",
            "John Kirby",
        ),
        ("“We condemn the DPRK", "Kirby", "John Kirby"),
        ("“This expanding military partnership", "he", "John Kirby"),
        (
            "Pyongyang will “pay a price”",
            "National security adviser Jake Sullivan",
            "Jake Sullivan",
        ),
    ];
    for (q, (head, mention, name)) in quoted.iter().zip(expect) {
        assert!(q.text.starts_with(head), "{}", q.text);
        assert_eq!(speaker(q), (mention, Some(name)), "{}", q.text);
    }
    assert_eq!(quoted[0].cue.as_ref().unwrap().text, "told");
    // Every John Kirby quote points at the same cluster, named by his full name.
    let kirby = quoted[0].speaker_cluster.expect("a cluster for Kirby");
    assert!(quoted[..4].iter().all(|q| q.speaker_cluster == Some(kirby)));
    assert_eq!(a.clusters[kirby].name, "John Kirby");
    assert_ne!(quoted[4].speaker_cluster, Some(kirby));
}

#[test]
fn seed_reported_speech() {
    let a = run(SEED);
    // Content spans follow PolNeAR, which the tagger learned from: `that` opens the content
    // (2,689 of the 26,388 train content spans start with it).
    let white_house = find(
        &a,
        "that North Korea has delivered military equipment to Russia",
    );
    assert_eq!(white_house.kind, QuoteKind::Indirect);
    assert_eq!(
        white_house.text,
        "that North Korea has delivered military equipment to Russia amid the country’s invasion of Ukraine"
    );
    assert_eq!(speaker(white_house).1, Some("The White House"));
    assert_eq!(white_house.cue.as_ref().unwrap().text, "announced");

    let monitoring = find(&a, "U.S. officials are now monitoring");
    assert_eq!(monitoring.kind, QuoteKind::Indirect);
    assert!(
        monitoring.text.ends_with("materials"),
        "{}",
        monitoring.text
    );
    assert_eq!(speaker(monitoring), ("Kirby", Some("John Kirby")));

    let monitor = find(&a, "that the White House will monitor");
    assert_eq!(
        monitor.text,
        "that the White House will monitor the situation and continue to expose such arms deals"
    );
    assert_eq!(speaker(monitor), ("Kirby", Some("John Kirby")));
    assert_eq!(monitor.cue.as_ref().unwrap().text, "adding");
}

#[test]
fn speaker_after_the_quote() {
    let a = run("“We will win,” Kirby said.\n\n“We will win,” said Kirby.");
    assert!(
        a.quotes
            .iter()
            .all(|q| speaker(q) == ("Kirby", Some("Kirby"))),
        "{:#?}",
        rows(&a)
    );
    assert!(a
        .quotes
        .iter()
        .all(|q| q.cue.as_ref().unwrap().text == "said"));
}

#[test]
fn speaker_before_the_quote_with_colon() {
    let a = run("Press Secretary Karine Jean-Pierre spoke first. Jean-Pierre said: “We are watching closely.”");
    let q = find(&a, "“We are watching");
    assert_eq!(speaker(q), ("Jean-Pierre", Some("Karine Jean-Pierre")));
}

#[test]
fn a_paragraph_ending_in_a_colon_introduces_the_next_quote() {
    let a = run("“We will win,” Senator Ann Smith said. She listed the questions voters should ask. Here they are:\n\n“Is the candidate conservative?”\n\nTranscript as follows:\n\n“Tonight we arrived in Cleveland.”");
    // `Here` opens the sentence but names nobody: the quote continues the earlier speaker.
    assert_eq!(speaker(find(&a, "“Is the")).1, Some("Ann Smith"));
    assert_eq!(speaker(find(&a, "“Tonight")).0, "Transcript");
}

#[test]
fn pronoun_and_continuation_chain() {
    let text = "“The talks failed,” Senator Maria Lopez said on Monday.\n\n\
                “We tried everything. Nothing worked.”\n\n\
                “I am not giving up,” she said.\n\n\
                Lopez added that talks would resume in May.";
    let a = run(text);
    let name = Some("Maria Lopez");
    assert_eq!(speaker(find(&a, "“The talks")).1, name);
    assert_eq!(speaker(find(&a, "“We tried")).1, name, "continuation");
    assert_eq!(speaker(find(&a, "“I am not")), ("she", name));
}

#[test]
fn appositive_speaker() {
    let a = run("“The review is over,” Smith, a spokesperson for the agency, said.\n\nJane Smith joined in 2019.");
    // PolNeAR's sources keep the appositive; the name is the person's.
    let q = find(&a, "“The review");
    assert_eq!(
        speaker(q),
        ("Smith, a spokesperson for the agency", Some("Jane Smith"))
    );
    let a = run("Dana Smith, a spokesperson for the agency, said the review was over.");
    // PolNeAR's sources keep the appositive; the name is the person's.
    let q = find(&a, "the review was over");
    assert_eq!(
        speaker(q),
        (
            "Dana Smith, a spokesperson for the agency",
            Some("Dana Smith")
        )
    );
}

#[test]
fn organisation_speaks() {
    let a = run("The White House said the sanctions would stay in place until next year.");
    let q = find(&a, "the sanctions would stay");
    assert_eq!(speaker(q), ("The White House", Some("The White House")));
}

#[test]
fn partial_quote_in_reported_speech_is_one_mixed_item() {
    let a =
        run("Jake Sullivan last month said Pyongyang will “pay a price” if it follows through.");
    assert_eq!(a.quotes.len(), 1, "{:#?}", rows(&a));
    let q = find(&a, "Pyongyang will “pay a price”");
    assert_eq!(q.kind, QuoteKind::Mixed);
    let parts: Vec<&str> = q.parts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(parts, ["“pay a price”"]);
    assert_eq!(speaker(q).1, Some("Jake Sullivan"));
}

#[test]
fn according_to() {
    let a = run("According to the mayor, the bridge will reopen in June.\n\nThe bridge will reopen in June, according to Mayor Ann Lee.");
    assert_eq!(speaker(find(&a, "the bridge will reopen")).0, "the mayor");
    assert_eq!(
        speaker(find(&a, "The bridge will reopen")),
        ("Mayor Ann Lee", Some("Ann Lee"))
    );
}

#[test]
fn role_noun_resolves_to_the_role_holder() {
    let text = "Agency spokeswoman Laura Chen declined to give details.\n\n\
                “We do not comment on open cases,” the spokeswoman said.";
    let a = run(text);
    assert_eq!(
        speaker(find(&a, "“We do not")),
        ("the spokeswoman", Some("Laura Chen"))
    );
}

#[test]
fn quotes_without_any_speaker() {
    let a = run("The sign read “Closed for repairs” all week.\n\n“Nobody knows.”");
    for q in &a.quotes {
        assert!(
            q.speaker.is_none() && q.speaker_name.is_none(),
            "{:#?}",
            rows(&a)
        );
    }
    // A pronoun with nobody to refer to keeps its mention but gets no name.
    let a = run("“It is late,” she said.");
    assert_eq!(speaker(&a.quotes[0]), ("she", None));
}

#[test]
fn two_people_share_a_surname() {
    let text = "Bill Clinton and Hillary Clinton arrived together.\n\n\
                Reporters waited outside for an hour.\n\n\
                “We are glad to be here,” Clinton said.\n\n\
                “It has been a long day,” Hillary said.";
    let a = run(text);
    // "Clinton" alone could be either: the name stays null rather than wrong.
    assert_eq!(speaker(find(&a, "“We are glad")), ("Clinton", None));
    assert_eq!(
        speaker(find(&a, "“It has been")),
        ("Hillary", Some("Hillary Clinton"))
    );
    let text = "Hillary Clinton spoke after Bill Clinton. “Thank you all,” Bill Clinton said.\n\n\
                “Thank you,” Clinton said again.";
    let a = run(text);
    assert_eq!(speaker(find(&a, "“Thank you all")).1, Some("Bill Clinton"));
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "“",
        "”said he",
        "said",
        "“a” said “b” said",
        ", said",
        "According to",
        "according to ,",
        "He said that",
        "“x,” — ",
        "Smith, , said",
        "( ) said ( )",
        "\u{201c}\u{201d}\u{201c}",
        "told that that that",
    ] {
        let _ = run(text);
    }
    let long = "“Yes,” he said, adding that it was so. ".repeat(3000);
    assert!(run(&long).quotes.len() >= 3000);
}

/// Random sequences of the tokens attribution looks at: quote marks, cues, names, commas,
/// paragraph breaks. A tiny LCG keeps the test deterministic without extra dependencies.
#[test]
fn never_panics_on_random_attribution_soup() {
    const TOKENS: &[&str] = &[
        "“",
        "”",
        "\"",
        "'",
        "''",
        ",",
        ".",
        ":",
        ";",
        "said",
        "says",
        "told",
        "according",
        "to",
        "that",
        "adding",
        "he",
        "she",
        "it",
        "Kirby",
        "John",
        "Smith",
        "Mr.",
        "the",
        "spokesman",
        "(",
        ")",
        "—",
        "―",
        "\n",
        "\n\n",
        "and",
        "asked",
        "whether",
        "called",
        "for",
        "Clinton",
        "Said",
        "The",
        "White",
        "House",
        "é",
        "😀",
        "\u{301}",
        "warned",
        ",”",
        "?”",
        "who",
        "in",
        "Monday",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n
    };
    for _ in 0..2000 {
        let len = next(80);
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(TOKENS[next(TOKENS.len())]);
            text.push_str(["", " ", " "][next(3)]);
        }
        let a = run(&text);
        for q in &a.quotes {
            assert!(q.start <= q.end);
        }
    }
}

#[test]
fn quote_over_paragraphs_keeps_its_speaker_in_each() {
    // Blank lines or single line breaks between paragraphs; only the last one closes.
    for sep in ["\n\n", "\n"] {
        let t = format!(
            "“We will rebuild,” Mayor Ana Ruiz said. “It will take years.{sep}“But we start today.{sep}“Nobody leaves.”{sep}The council met later."
        );
        let a = run(&t);
        for head in ["“It will take", "“But we start", "“Nobody leaves"] {
            let q = find(&a, head);
            assert_eq!(q.kind, QuoteKind::Direct, "{head}");
            assert_eq!(speaker(q).1, Some("Ana Ruiz"), "{head} {:#?}", rows(&a));
        }
    }
}

#[test]
fn transcript_turns_are_spoken_by_their_label() {
    let t = "Partial transcript as follows:\n\n\"WALLACE: Will she be there tomorrow?\n\n\"PENCE: She will not be attending.\"\n\nThe debate is on Monday.";
    let a = run(t);
    assert_eq!(speaker(find(&a, "\"WALLACE")).0, "WALLACE");
    assert_eq!(speaker(find(&a, "\"PENCE")).0, "PENCE");
    assert_eq!(
        find(&a, "\"PENCE").cue.as_ref().map(|c| c.text.as_str()),
        Some(":")
    );
}

#[test]
fn quotes_the_writer_runs_on_from_are_partial() {
    let a = run("Critics said the plan was “a gift to the rich” for years. He said that “the economy is strong and getting stronger every single day.” She called it “Thousands of Shootings” in print.");
    for head in ["“a gift", "“the economy", "“Thousands"] {
        // A quoted phrase of the writer's sentence: a partial quote, or a part of the reported
        // speech it sits in; never a direct quote.
        let partial = a
            .quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Partial && q.text.starts_with(head));
        let part = a.quotes.iter().any(|q| {
            q.kind == QuoteKind::Mixed && q.parts.iter().any(|p| p.text.starts_with(head))
        });
        assert!(partial || part, "{head}: {:#?}", rows(&a));
        assert!(!a
            .quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Direct && q.text.starts_with(head)));
    }
}

#[test]
fn a_speaker_is_a_phrase_not_a_clause_fragment() {
    let a = run("“We will win,” his campaign was still saying on Monday.");
    assert_eq!(speaker(find(&a, "“We will win")).0, "his campaign");
}

#[test]
fn a_pronoun_goes_to_a_speaker_of_its_gender() {
    // No title or pronoun in the article says who is who; "Kofi" is a man's name in the news.
    let a = run("Kofi Annan met Aung San Suu Kyi in Yangon.\n\n\
                 “The country must change,” Annan said.\n\n\
                 “We will not give up,” she said.");
    assert_eq!(speaker(find(&a, "“The country")).1, Some("Kofi Annan"));
    assert_eq!(
        speaker(find(&a, "“We will not")),
        ("she", Some("Aung San Suu Kyi"))
    );
}

#[test]
fn a_relative_pronoun_speaks_for_the_name_before_it() {
    let text =
        "The bill was opposed by Senator Maria Lopez, who said the measure would hurt farmers.\n\n\
                It was backed by the Farm Bureau Federation, which said prices would fall.";
    let a = run(text);
    let q = find(&a, "the measure would hurt farmers");
    assert_eq!(speaker(q), ("who", Some("Maria Lopez")), "{:#?}", rows(&a));
}

#[test]
fn the_company_speaks_for_the_organisation_named_before_and_it_for_that_speaker() {
    let text = "Exxon Mobil Corp. reported a loss on Monday.\n\n\
                The company said it would keep its mines open while it restructures.\n\n\
                It said the workers would be paid.";
    let a = run(text);
    let q = find(&a, "it would keep its mines open");
    assert_eq!(
        speaker(q),
        ("The company", Some("Exxon Mobil Corp.")),
        "{:#?}",
        rows(&a)
    );
    let q = find(&a, "the workers would be paid");
    assert_eq!(
        speaker(q),
        ("It", Some("Exxon Mobil Corp.")),
        "{:#?}",
        rows(&a)
    );
}

#[test]
fn a_pronoun_means_the_person_just_introduced_over_an_earlier_speaker() {
    let text = "“We will not give in,” President Barack Obama said at the town hall.\n\n\
                During the meeting, Mary Houchins had a question for the president. \
                “As a mother, I worry every day,” she said.\n\n\
                Obama answered that the threat was real. He said the country would stay the course.";
    let a = run(text);
    let q = find(&a, "“As a mother");
    assert_eq!(
        speaker(q),
        ("she", Some("Mary Houchins")),
        "{:#?}",
        rows(&a)
    );
    // A sentence that attributes speech keeps its speaker: the subject rule stands aside.
    let q = find(&a, "the country would stay the course");
    assert_eq!(speaker(q).1, Some("Barack Obama"), "{:#?}", rows(&a));
}

#[test]
fn a_title_with_its_complement_is_a_role_not_a_name() {
    let a = run(
        "Minister of Finance Chrystia Freeland said the budget was ready.\n\n\
                 “We are done,” she said.\n\n\
                 Secretary of State Antony Blinken said the talks would resume on Monday.",
    );
    assert_eq!(speaker(find(&a, "the budget")).1, Some("Chrystia Freeland"));
    assert_eq!(
        speaker(find(&a, "“We are done")),
        ("she", Some("Chrystia Freeland"))
    );
    assert_eq!(speaker(find(&a, "the talks")).1, Some("Antony Blinken"));
    let names: Vec<&str> = a.clusters.iter().map(|c| c.name.as_str()).collect();
    assert!(
        !names.iter().any(|n| n.starts_with("of ") || *n == "State"),
        "{names:?}"
    );
    let freeland = a.clusters.iter().find(|c| c.name == "Chrystia Freeland");
    assert_eq!(
        freeland.map(|c| c.roles.as_slice()),
        Some(&["Minister of Finance".to_string()][..])
    );
}

#[test]
fn a_cluster_lists_the_pronouns_and_descriptions_its_chain_links_in_every_unit() {
    // Emoji and a combining accent before the mentions: code points, UTF-16 units and bytes differ.
    let text = "😀 Cafe\u{301} news. Margaret Okafor chairs the Ontario Securities Commission. \
                She said the report was late. The commission said it would publish it on Friday.";
    for units in [lede::Units::Chars, lede::Units::Utf16, lede::Units::Bytes] {
        let a = lede::annotate(
            text,
            &Options {
                offsets: Some(units),
                ..Default::default()
            },
        );
        let slice = |s: usize, e: usize| match units {
            lede::Units::Chars => text.chars().skip(s).take(e - s).collect::<String>(),
            lede::Units::Utf16 => {
                String::from_utf16(&text.encode_utf16().collect::<Vec<u16>>()[s..e]).unwrap()
            }
            lede::Units::Bytes => text[s..e].to_string(),
        };
        let refs = |name: &str| -> Vec<String> {
            let c = (a.clusters.iter())
                .find(|c| c.name.ends_with(name))
                .unwrap_or_else(|| panic!("no cluster {name} in {:?}", a.clusters));
            for r in &c.references {
                assert_eq!(slice(r.start, r.end), r.text, "{units:?}");
            }
            c.references.iter().map(|r| r.text.clone()).collect()
        };
        assert_eq!(refs("Margaret Okafor"), ["She"], "{units:?}");
        assert_eq!(
            refs("Ontario Securities Commission"),
            ["The commission"],
            "{units:?}"
        );
        // The speakers come from the same chains.
        assert_eq!(
            speaker(find(&a, "the report")),
            ("She", Some("Margaret Okafor"))
        );
    }
}
