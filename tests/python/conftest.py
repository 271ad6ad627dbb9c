"""Shared fixtures for the tests of the Python package (run by `scripts/test python`)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seed() -> str:
    return (ROOT / "seeds" / "000_d4b5ee5f7b1b9140.txt").read_text(encoding="utf-8")


def spans(annotation):
    """Every span of an Annotation that carries its own text, as (where, span) pairs."""
    for kind in ("entities", "quotes"):
        for item in annotation[kind]:
            yield kind, item
    for q in annotation["quotes"]:
        for role in ("speaker", "cue"):
            if q[role] is not None:
                yield role, q[role]
        for part in q.get("parts", []):
            yield "part", part
