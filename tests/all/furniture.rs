//! Page furniture in the body, in Canadian, British and US forms: captions and credits, promos
//! and teasers, video lengths, bylines and time stamps, pull quotes. Each is dimmed (boilerplate
//! or caption) and yields no quote and no source; body paragraphs that look alike stay body.

use lede::{annotate, Annotation, Options, ParagraphKind, Units};

/// A short article with `furniture` as its third paragraph, between two body paragraphs.
fn article(furniture: &str) -> String {
    format!(
        "Premier vows to fight tariffs\n\n\
         TORONTO — Ontario Premier Doug Ford said on Tuesday that the province would fight the \
         new tariffs with every tool it has, and that he had spoken to the prime minister.\n\n\
         {furniture}\n\n\
         \"We will not back down from this fight,\" Ford told reporters at Queen's Park, adding \
         that talks with Washington would continue.\n\n\
         The federal government said it was studying the measures."
    )
}

fn run(text: &str) -> Annotation {
    annotate(
        text,
        &Options {
            offsets: Some(Units::Bytes),
            ..Options::default()
        },
    )
}

/// The paragraph whose text is `par`: its kind, and the quotes inside it.
fn paragraph<'a>(a: &'a Annotation, text: &str, par: &str) -> (ParagraphKind, Vec<&'a str>) {
    let p = a
        .paragraphs
        .iter()
        .find(|p| &text[p.start..p.end] == par)
        .unwrap_or_else(|| panic!("no paragraph {par:?} in {:?}", a.paragraphs));
    let quotes = (a.quotes.iter())
        .filter(|q| q.start < p.end && q.end > p.start)
        .map(|q| q.text.as_str())
        .collect();
    (p.kind, quotes)
}

/// Checks that `furniture` is dimmed and quotes nothing, and that `not_source` (a name it holds)
/// is no source.
fn dimmed(furniture: &str, not_source: Option<&str>) {
    let text = article(furniture);
    let a = run(&text);
    let (kind, quotes) = paragraph(&a, &text, furniture);
    assert!(
        matches!(kind, ParagraphKind::Boilerplate | ParagraphKind::Caption),
        "{furniture:?} is {kind:?}"
    );
    assert!(quotes.is_empty(), "{furniture:?} quotes {quotes:?}");
    if let Some(name) = not_source {
        let sources: Vec<_> = a.sources.iter().map(|s| s.name.as_str()).collect();
        assert!(
            !sources.iter().any(|s| s.contains(name)),
            "{name} is a source of {furniture:?}: {sources:?}"
        );
    }
    // The article's own quote is still there, once.
    let own = (a.quotes.iter())
        .filter(|q| q.text.contains("We will not back down from this fight"))
        .count();
    assert_eq!(own, 1, "{furniture:?}: {:?}", a.quotes);
}

/// Checks that `par` stays body and yields a quote holding `quoted`.
fn body(par: &str, quoted: &str) {
    let text = article(par);
    let a = run(&text);
    let (kind, quotes) = paragraph(&a, &text, par);
    assert_eq!(kind, ParagraphKind::Body, "{par:?}");
    assert!(
        quotes.iter().any(|q| q.contains(quoted)),
        "{par:?} quotes {quotes:?}"
    );
}

#[test]
fn captions_and_credits() {
    for (p, name) in [
        // Canadian
        (
            "\"We are ready for them,\" Prime Minister Justin Trudeau said in Ottawa on Tuesday. \
             (Sean Kilpatrick/The Canadian Press)",
            Some("Trudeau"),
        ),
        ("The Canadian Press", None),
        (
            "Premier Danielle Smith speaks to reporters in Edmonton. (Jason Franson/The Canadian Press)",
            Some("Smith"),
        ),
        // British
        (
            "Image caption, \"We will not be bullied,\" Keir Starmer told MPs on Wednesday",
            Some("Starmer"),
        ),
        ("Image source, PA Media", None),
        (
            "(Photo by Jane Doe via Getty Images)",
            None,
        ),
        // US
        (
            "\"This is a great day,\" President Joe Biden said in the Rose Garden. (AP Photo/Evan Vucci)",
            Some("Biden"),
        ),
        ("Scott Olson via Getty Images.", None),
        ("Photo: Jane Doe/Reuters", None),
        ("Credit: Jane Doe for The New York Times", None),
        ("File photo", None),
    ] {
        dimmed(p, name);
    }
}

#[test]
fn promos_and_teasers() {
    for (p, name) in [
        // Canadian
        (
            "WATCH | 'We are not going to roll over,' Premier Wab Kinew says",
            Some("Kinew"),
        ),
        ("LISTEN | The Current", None),
        ("Also on CBC News:", None),
        (
            "2:11 'We are not going to roll over,' Kinew says of the tariffs",
            Some("Kinew"),
        ),
        ("Story continues below advertisement", None),
        // British
        (
            "Read more: 'We will fight on,' says Keir Starmer",
            Some("Starmer"),
        ),
        ("Sign up for our morning briefing", None),
        ("Duration 1:45", None),
        ("Follow us on Facebook and Instagram.", None),
        // US
        (
            "RELATED: \"We're not going anywhere,\" Chuck Schumer says",
            Some("Schumer"),
        ),
        ("MORE: Senate passes the bill", None),
        ("Subscribe", None),
        ("Advertisement", None),
        ("Click here to get the app.", None),
        ("This article was originally published by ProPublica.", None),
        ("Trending Now", None),
        ("Recommended Video", None),
        ("0:25", None),
    ] {
        dimmed(p, name);
    }
}

#[test]
fn bylines_and_time_stamps() {
    for p in [
        // Canadian
        "By Jane Doe, The Canadian Press",
        "Jane Doe · CBC News · Posted: Oct 3, 2024 4:00 AM EDT",
        // British
        "Jane Doe Political Correspondent",
        "Published 3 hours ago",
        // US
        "By Jane Doe and John Roe | The Associated Press",
        "Updated 12:04 ET",
    ] {
        dimmed(p, Some("Jane Doe"));
    }
}

#[test]
fn pull_quotes_are_counted_once() {
    for pull in [
        // The body's own quote, set apart (quoted, curly, or bare).
        "\"We will not back down from this fight.\"",
        "“We will not back down from this fight”",
        "We will not back down from this fight",
        // Part of a sentence of the body.
        "\"Talks with Washington would continue\"",
    ] {
        dimmed(pull, None);
    }
}

#[test]
fn body_paragraphs_that_look_like_furniture_stay_body() {
    for (p, quoted) in [
        (
            "\"We are ready for this,\" said the party's leader (Pierre Poilievre).",
            "We are ready for this",
        ),
        (
            "The Canadian Press reported that the talks had stalled, and officials said \
             \"nothing is settled yet.\"",
            "nothing is settled yet",
        ),
        (
            "Also on Thursday, Ford said \"the fight goes on.\"",
            "the fight goes on",
        ),
        (
            "By Monday, Ford said, \"the tariffs will be gone.\"",
            "the tariffs will be gone",
        ),
        (
            "\"It was 9:30 when we arrived,\" the witness told the BBC.",
            "It was 9:30 when we arrived",
        ),
        (
            "\"We are not done yet,\" Ford said in a statement.",
            "We are not done yet",
        ),
    ] {
        body(p, quoted);
    }
}
