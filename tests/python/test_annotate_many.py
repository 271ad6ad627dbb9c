"""lede.annotate_many: order, threads, dates, and errors naming the bad item."""

import lede
import pytest

NAMES = ["Ann Lee", "Omar Haddad", "Mei Chen", "Jon Berg", "Sara Ortiz", "Ravi Patel"]


def article(i: int) -> str:
    name = NAMES[i % len(NAMES)]
    # Lengths vary so threads finish out of order.
    filler = " The council met again on Tuesday." * (i % 7)
    return f"“We will vote on item {i},” said {name}.{filler}"


@pytest.fixture(scope="module")
def texts():
    return [article(i) for i in range(60)]


@pytest.mark.parametrize("threads", [None, 1, 2, 3])
def test_results_keep_the_input_order(texts, threads):
    results = lede.annotate_many(texts, threads=threads)
    assert len(results) == len(texts)
    for i, (text, a) in enumerate(zip(texts, results)):
        [q] = [q for q in a["quotes"] if q["kind"] == "direct"]
        assert q["text"] == f"“We will vote on item {i},”"
        assert q["speaker_name"] == NAMES[i % len(NAMES)]
        assert text[q["start"] : q["end"]] == q["text"]


def test_same_as_annotate_one_by_one(texts, seed):
    batch = texts[:10] + [seed]
    assert lede.annotate_many(batch, threads=2) == [lede.annotate(t) for t in batch]


def test_any_iterable_and_empty():
    assert lede.annotate_many(iter(["Ann Lee spoke.", "Mei Chen spoke."]))[1]["entities"][0]["text"] == "Mei Chen"
    assert lede.annotate_many([]) == []


def test_one_date_per_text():
    text = "The council voted last month, Mayor Ann Lee said."
    results = lede.annotate_many([text] * 3, dates=["2023-10-13", None, "2024-03-01"])
    values = [{e["text"]: e.get("value") for e in a["entities"]}["last month"] for a in results]
    assert values == ["2023-09", None, "2024-02"]


def test_a_str_is_not_a_list_of_texts():
    with pytest.raises(TypeError, match=r"texts must be a list \(or other iterable\) of str, not str"):
        lede.annotate_many("one article")


@pytest.mark.parametrize("bad", [None, 3])
def test_texts_not_iterable_is_a_type_error(bad):
    with pytest.raises(TypeError, match=r"texts must be a list"):
        lede.annotate_many(bad)


def test_the_bad_item_is_named():
    with pytest.raises(TypeError, match=r"texts\[2\] must be a str or bytes, not NoneType"):
        lede.annotate_many(["a", "b", None])
    with pytest.raises(TypeError, match=r"dates\[1\] must be a 'YYYY-MM-DD' str or None, not int"):
        lede.annotate_many(["a", "b"], dates=[None, 20231013])
    huge = "a " * (lede.MAX_TEXT_BYTES // 2 + 1)
    with pytest.raises(ValueError, match=r"texts\[1\]: the text is 16\.0 MB"):
        lede.annotate_many(["a", huge])


def test_dates_of_another_length_is_a_value_error():
    with pytest.raises(ValueError, match=r"dates has 1 items for 2 texts"):
        lede.annotate_many(["a", "b"], dates=["2023-10-13"])


@pytest.mark.parametrize("bad, error", [(0, ValueError), (-2, ValueError), (1.5, TypeError), ("2", TypeError), (True, TypeError)])
def test_bad_thread_counts(bad, error):
    with pytest.raises(error, match=r"threads must be"):
        lede.annotate_many(["a"], threads=bad)


def test_bytes_items_are_decoded_and_binary_ones_named():
    text = "Officials met in Zürich on Friday."
    results = lede.annotate_many([text, text.encode("cp1252"), text.encode("utf-16")])
    assert [a["entities"][0]["text"] for a in results] == ["Zürich"] * 3
    assert "Windows-1252" in results[1]["warnings"][0]
    with pytest.raises(ValueError, match=r"texts\[1\]: the input looks binary"):
        lede.annotate_many(["Paris.", b"\x00\x01ELF"])
    with pytest.raises(TypeError, match=r"texts must be a list"):
        lede.annotate_many(b"bytes are not a list of texts")
