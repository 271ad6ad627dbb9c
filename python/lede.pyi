"""Lede: entities, dates, quotations and their speakers in news articles.

Offsets are Unicode code points, so ``text[start:end]`` is exact in Python.
"""

from typing import Iterable, List, Literal, Optional, TypedDict

__version__: str
MAX_TEXT_BYTES: int
"""The longest text annotated, in bytes of UTF-8 (16 MiB); longer texts raise ValueError."""

EntityLabel = Literal[
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
]

class Paragraph(TypedDict):
    start: int
    end: int
    kind: Literal["body", "dateline", "boilerplate", "caption"]

class Sentence(TypedDict):
    start: int
    end: int

class TextSpan(TypedDict):
    start: int
    end: int
    text: str

class _Entity(TypedDict):
    start: int
    end: int
    text: str
    label: EntityLabel

class Entity(_Entity, total=False):
    cluster: int
    """Index into ``clusters``."""
    value: str
    """Normalised value: ISO date for DATE, number for CARDINAL, MONEY, PERCENT, …"""

class _Cluster(TypedDict):
    id: int
    name: str
    mentions: List[int]
    """Indices into ``entities``."""

class Cluster(_Cluster, total=False):
    label: EntityLabel
    roles: List[str]

class _Quote(TypedDict):
    start: int
    end: int
    text: str
    kind: Literal["direct", "partial", "indirect", "mixed"]
    speaker: Optional[TextSpan]
    speaker_name: Optional[str]
    speaker_cluster: Optional[int]
    cue: Optional[TextSpan]

class Quote(_Quote, total=False):
    parts: List[TextSpan]
    """The quoted words of a ``mixed`` quote, with their marks."""

class _Annotation(TypedDict):
    date: Optional[str]
    paragraphs: List[Paragraph]
    sentences: List[Sentence]
    entities: List[Entity]
    clusters: List[Cluster]
    quotes: List[Quote]

class Annotation(_Annotation, total=False):
    warnings: List[str]
    """Notes about the input (empty text, binary junk, a date that is not YYYY-MM-DD, …)."""

def annotate(text: str, date: Optional[str] = None) -> Annotation:
    """Annotates one article.

    ``date`` (``YYYY-MM-DD``) resolves relative dates when the text has no ``date`` marker; a
    string that is not a calendar date is a warning. Raises TypeError when ``text`` is not a
    str (or ``date`` not a str or None), ValueError when ``text`` is over MAX_TEXT_BYTES.
    """

def annotate_many(
    texts: Iterable[str],
    dates: Optional[Iterable[Optional[str]]] = None,
    threads: Optional[int] = None,
) -> List[Annotation]:
    """Annotates many articles in parallel with the GIL released; results in input order.

    ``dates``: None, or one date (or None) per text. ``threads``: None for every core, else an
    int >= 1. Errors as for ``annotate``, naming the item (``texts[3]``).
    """
