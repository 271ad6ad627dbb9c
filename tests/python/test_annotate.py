"""lede.annotate: the dict, code-point offsets, the seed's speakers, bad input."""

import lede
import pytest
from conftest import spans


def test_version_and_limit():
    assert lede.__version__.count(".") == 2
    assert lede.MAX_TEXT_BYTES == 16 << 20


def test_offsets_slice_the_str_with_emoji_and_combining_accents(seed):
    body = seed.replace(" date 2023-10-13 ", "", 1)
    # Astral emoji (2 UTF-16 units, 4 UTF-8 bytes), a skin-tone sequence and combining accents
    # before and inside the quotes: a byte or UTF-16 offset would slice the wrong characters.
    text = "date 2023-10-13 Café 😀👍🏽 e\u0301tat.\n\n" + body.replace(
        "“We condemn", "“We 😀 condemn e\u0301tat", 1
    )
    a = lede.annotate(text)
    assert a["date"] == "2023-10-13"
    checked = 0
    for where, span in spans(a):
        assert text[span["start"] : span["end"]] == span["text"], where
        checked += 1
    assert checked > 50
    for p in a["paragraphs"] + a["sentences"]:
        assert 0 <= p["start"] < p["end"] <= len(text)
    quote = next(q for q in a["quotes"] if "😀 condemn" in q["text"])
    assert quote["speaker_name"] == "John Kirby"


def test_seed_speakers(seed):
    a = lede.annotate(seed)
    quoted = [q for q in a["quotes"] if q["kind"] != "indirect"]
    expect = [
        ("“Due in part", "direct", "National Security Adviser John Kirby", "John Kirby"),
        ("“We now have information", "direct", "National Security Adviser John Kirby", "John Kirby"),
        ("“We condemn the DPRK", "direct", "Kirby", "John Kirby"),
        ("“This expanding military partnership", "direct", "he", "John Kirby"),
        ("Pyongyang will “pay a price”", "mixed", "National security adviser Jake Sullivan", "Jake Sullivan"),
    ]
    assert len(quoted) == len(expect)
    for q, (head, kind, mention, name) in zip(quoted, expect):
        assert q["text"].startswith(head)
        assert q["kind"] == kind
        assert q["speaker"]["text"] == mention
        assert q["speaker_name"] == name
        assert seed[q["start"] : q["end"]] == q["text"]
    assert quoted[0]["cue"]["text"] == "told"
    assert [p["text"] for p in quoted[4]["parts"]] == ["“pay a price”"]
    kirby = quoted[0]["speaker_cluster"]
    assert all(q["speaker_cluster"] == kirby for q in quoted[:4])
    assert a["clusters"][kirby]["name"] == "John Kirby"
    assert quoted[4]["speaker_cluster"] != kirby


def test_date_resolves_relative_dates():
    text = "The council voted last month, Mayor Ann Lee said."
    dated = lede.annotate(text, date="2023-10-13")
    assert {e["text"]: e.get("value") for e in dated["entities"]}["last month"] == "2023-09"
    undated = lede.annotate(text)
    assert "value" not in {e["text"]: e for e in undated["entities"]}["last month"]


def test_attributions_only_when_asked():
    text = "The senator said the bill would pass. Opposition leader Jane Smith believes that the deficit will grow."
    plain = lede.annotate(text)
    assert "attributions" not in plain
    assert all("act" not in q for q in plain["quotes"])
    asked = lede.annotate(text, attributions=True)
    assert asked["quotes"] == plain["quotes"]
    assert [a["act"] for a in asked["attributions"]] == ["belief"]
    assert text[asked["attributions"][0]["start"]:asked["attributions"][0]["end"]] == "that the deficit will grow"
    many = lede.annotate_many([text, text], attributions=True)
    assert [m["attributions"] for m in many] == [asked["attributions"]] * 2


def test_a_string_that_is_not_a_date_is_a_warning():
    a = lede.annotate("Ann Lee spoke.", date="13/10/2023")
    assert any("13/10/2023" in w for w in a["warnings"])


def test_lone_surrogates_read_as_replacement_characters():
    text = "\ud800 “We will win,” said Kirby. \udfff"
    a = lede.annotate(text)
    assert any("surrogate" in w for w in a["warnings"])
    # One code point each way: offsets still index the caller's str, and the span texts show
    # U+FFFD where the str has the surrogate.
    for where, span in spans(a):
        got = text[span["start"] : span["end"]].replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
        assert got == span["text"], where
    assert any(q["text"] == "“We will win,”" and q["speaker_name"] == "Kirby" for q in a["quotes"])


def test_empty_text_is_a_warning_not_an_error():
    a = lede.annotate("")
    assert a["entities"] == [] and a["quotes"] == []
    assert a["warnings"]


@pytest.mark.parametrize("bad", [None, 42, ["a list"]])
def test_text_that_is_not_a_str_is_a_type_error(bad):
    with pytest.raises(TypeError, match=r"text must be a str or bytes, not " + type(bad).__name__):
        lede.annotate(bad)


@pytest.mark.parametrize("bad", [20231013, b"2023-10-13"])
def test_date_that_is_not_a_str_is_a_type_error(bad):
    with pytest.raises(TypeError, match=r"date must be a 'YYYY-MM-DD' str or None"):
        lede.annotate("Ann Lee spoke.", date=bad)


def test_text_over_the_limit_is_a_value_error():
    huge = "a " * (lede.MAX_TEXT_BYTES // 2 + 1)
    with pytest.raises(ValueError, match=r"text: the text is 16\.0 MB; Lede annotates texts up to 16 MB"):
        lede.annotate(huge)


def test_missing_argument_is_a_type_error():
    with pytest.raises(TypeError):
        lede.annotate()


TEXT = "José Martínez said “we will win” in Zürich on Friday."


def test_bytes_in_every_encoding_give_the_entities_of_the_str_and_name_the_encoding():
    want = [(e["label"], e["text"]) for e in lede.annotate(TEXT)["entities"]]
    assert ("GPE", "Zürich") in want
    plain = lede.annotate(TEXT.encode("utf-8"))
    assert [(e["label"], e["text"]) for e in plain["entities"]] == want
    assert "warnings" not in plain
    bom = lede.annotate(TEXT.encode("utf-8-sig"))
    assert [e["text"] for e in bom["entities"]] == [t for _, t in want]
    for data, encoding in [
        (TEXT.encode("utf-16"), "UTF-16LE"),  # Python writes the mark, little-endian here
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "UTF-16BE"),
        (TEXT.encode("cp1252"), "Windows-1252"),
        (bytearray(TEXT.encode("latin-1", errors="replace").replace(b"?", b'"')), "Windows-1252"),
    ]:
        a = lede.annotate(data)
        assert [(e["label"], e["text"]) for e in a["entities"]] == want, encoding
        assert encoding in a["warnings"][0], a["warnings"]


@pytest.mark.parametrize(
    "binary",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        bytes(range(1, 32)) * 20,
        "He said \x00 hello.",
        TEXT.encode("utf-16-le"),  # UTF-16 without a mark: NULs
    ],
)
def test_binary_data_is_a_value_error(binary):
    with pytest.raises(ValueError, match=r"text: the input looks binary"):
        lede.annotate(binary)


def test_lone_surrogate_warning_is_the_one_js_gives():
    a = lede.annotate("He said \ud800 “hi.”")
    assert any(w.startswith("Lone surrogate replaced") for w in a["warnings"]), a["warnings"]
