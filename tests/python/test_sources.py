"""lede.sources: rows per (article, source) with gender and counts, ready for pandas."""

import lede
import pytest

TEXTS = [
    "Ms. Ana Ruiz, the mayor, spoke on Monday. “We will rebuild,” Ruiz said. “Soon,” she added.\n\n"
    "John Kirby disagreed. “Not yet,” Kirby said.",
    "No one is quoted here.",
    "“It is over,” said Mary Jones.",
]


def test_rows_carry_ids_outlets_and_genders():
    rows = lede.sources(TEXTS, ids=["a", "b", "c"], outlets=["cbc", "ctv", None])
    assert [(r["id"], r["name"]) for r in rows] == [("a", "Ana Ruiz"), ("a", "John Kirby"), ("c", "Mary Jones")]
    ruiz = rows[0]
    assert ruiz == {
        "id": "a", "outlet": "cbc", "name": "Ana Ruiz", "type": "PERSON", "group": "people",
        "named": True, "gender": "female", "gender_evidence": "honorific", "quotes": 2, "words": 4,
    }
    assert rows[1]["gender_evidence"] == "first name"
    assert rows[2]["outlet"] is None


def test_default_ids_are_indices_and_first_names_can_be_off():
    rows = lede.sources(TEXTS, first_names=False)
    assert [r["id"] for r in rows] == [0, 0, 2]
    by_name = {r["name"]: r for r in rows}
    assert by_name["Ana Ruiz"]["gender"] == "female"  # the article says so
    assert by_name["John Kirby"]["gender"] is None  # only a first name would
    assert by_name["Mary Jones"]["gender_evidence"] is None


def test_rows_load_into_pandas():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(lede.sources(TEXTS, outlets=["x", "y", "x"]))
    people = frame[(frame.group == "people") & frame.named]
    assert people.groupby("outlet").size().to_dict() == {"x": 3}


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="outlets has 1 items for 3 texts"):
        lede.sources(TEXTS, outlets=["x"])
    with pytest.raises(TypeError, match="texts must be a list"):
        lede.sources("one text")
