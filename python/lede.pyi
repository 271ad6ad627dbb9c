"""Lede: entities, dates, quotations and their speakers in news articles.

Offsets are Unicode code points, so ``text[start:end]`` is exact in Python.
"""

from typing import Iterable, List, Literal, Optional, TypedDict, Union

__version__: str
MAX_TEXT_BYTES: int
"""The longest text annotated, in bytes of UTF-8 (16 MiB); longer texts raise ValueError."""

EntityLabel = Literal[
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
]

ParagraphKind = Literal["body", "dateline", "header", "boilerplate", "caption"]
"""``body``: article text; ``dateline``: the date marker or the place dateline; ``header``:
Published/Updated lines, bylines, a date line; ``boilerplate`` and ``caption`` are skipped by
entities and quotes."""

DateSourceKind = Literal["option", "marker", "published", "updated", "byline", "header"]
"""Where the article date was read."""

QuoteKind = Literal["direct", "partial", "indirect", "mixed"]
Act = Literal["statement", "belief", "plan", "finding", "perception", "action"]
"""What an attribution reports: a quote is a statement; the others go to ``attributions``."""

SourceGroup = Literal["people", "groups", "others", "documents", "unattributed"]
"""The groups of ``Annotation["sources"]``, in their order."""

Gender = Literal["female", "male"]
GenderKind = Literal["correction", "honorific", "role", "pronoun", "first name"]
"""What tells a gender, strongest first; ``first name`` alone is a guess."""
GenderCorrection = Literal["female", "male", "unknown"]

class _GenderClue(TypedDict):
    kind: GenderKind
    count: int
    text: str
    """An example as written: "she", "Ms", "chairwoman", "Mary"."""

class GenderClue(_GenderClue, total=False):
    gender: Gender
    """Absent only for a reader's correction to unknown."""

class SourceGenders(TypedDict):
    """Named person sources and their quoted words, by gender."""
    people: int
    female: int
    male: int
    unknown: int
    words: int
    female_words: int
    male_words: int
    unknown_words: int

class Paragraph(TypedDict):
    start: int
    end: int
    kind: ParagraphKind

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
    references: List[TextSpan]
    """The pronouns and descriptions the learned coreference links to it, in text order."""
    gender: Gender
    """A person's gender when the article gives it one way, or the first name guesses it."""
    gender_evidence: List[GenderClue]
    """What the gender rests on, strongest first (both sides when they conflict)."""

class _Quote(TypedDict):
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Optional[TextSpan]
    speaker_name: Optional[str]
    speaker_cluster: Optional[int]
    """Index into ``clusters``."""
    cue: Optional[TextSpan]
    confidence: float
    """How likely this is an attribution (0–1), from the learned confidence model."""

class Quote(_Quote, total=False):
    parts: List[TextSpan]
    """The quoted words of a ``mixed`` quote, with their marks."""
    speaker_confidence: float
    """How likely the speaker is right (0–1), apart from whether it is a quote; absent without a speaker."""
    act: Act
    """What it reports; absent for a statement (every entry of ``quotes``)."""

class _DateSource(TypedDict):
    kind: DateSourceKind

class DateSource(_DateSource, total=False):
    span: TextSpan
    """The date as written in the text, when read there."""

class _Dateline(TypedDict):
    start: int
    end: int
    text: str
    place: TextSpan

class Dateline(_Dateline, total=False):
    """The place dateline opening the body: ``LONDON, Oct 13 (Reuters) -``."""
    agency: TextSpan
    date: TextSpan

class _Source(TypedDict):
    """Someone quoted, with their quotes: one row of the page's Sources panel."""
    name: str
    """The speaker name its first quote gives, else the mention as written; ``Unattributed``
    for the unattributed row."""
    group: SourceGroup
    cluster: Optional[int]
    """Index into ``clusters`` when the source is a speaker cluster."""
    label: Optional[EntityLabel]
    named: bool
    """False for a speaker known only by a description ("officials") and the unattributed row."""
    quotes: List[int]
    """Indices into ``quotes``, in text order."""
    words: int
    """Words in its quotes' texts."""

class Source(_Source, total=False):
    gender: Gender
    """A person source's gender: its cluster's, or what its description says."""
    gender_evidence: List[GenderClue]

class _Annotation(TypedDict):
    date: Optional[str]
    date_source: Optional[DateSource]
    dateline: Optional[Dateline]
    paragraphs: List[Paragraph]
    sentences: List[Sentence]
    entities: List[Entity]
    clusters: List[Cluster]
    quotes: List[Quote]
    sources: List[Source]
    """Who is quoted, in the Sources panel's order: people, organisations and groups, places and
    others (inside each: most quotes, most words, first quoted), then the unattributed row."""
    source_genders: SourceGenders
    """Named person sources and their quoted words by gender."""

class Annotation(_Annotation, total=False):
    attributions: List[Quote]
    """Beliefs, plans, findings, perceptions and actions attributed to a source (not quotes),
    only with ``attributions=True``."""
    warnings: List[str]
    """Notes about the input (empty text, binary junk, a date that is not YYYY-MM-DD, …)."""

def annotate(
    text: Union[str, bytes, bytearray], date: Optional[str] = None, attributions: bool = False
) -> Annotation:
    """Annotates one article.

    ``attributions=True`` adds ``attributions``: beliefs, plans, findings, perceptions and
    actions attributed to a source, which are not quotes.

    ``date`` (``YYYY-MM-DD``) resolves relative dates when the text has no ``date`` marker; a
    string that is not a calendar date is a warning. ``bytes`` are decoded: UTF-8 (with or
    without a byte-order mark), UTF-16 with a byte-order mark, else Windows-1252, with a warning
    naming any encoding but UTF-8. Raises TypeError when ``text`` is neither a str nor bytes (or
    ``date`` not a str or None), ValueError when ``text`` is binary data (NULs, many control
    characters) or over MAX_TEXT_BYTES. Ctrl-C raises KeyboardInterrupt at once.
    """

def annotate_many(
    texts: Iterable[Union[str, bytes, bytearray]],
    dates: Optional[Iterable[Optional[str]]] = None,
    threads: Optional[int] = None,
    attributions: bool = False,
) -> List[Annotation]:
    """Annotates many articles in parallel with the GIL released; results in input order.

    ``dates``: None, or one date (or None) per text. ``threads``: None for every core, else an
    int >= 1. Errors as for ``annotate``, naming the item (``texts[3]``). Ctrl-C raises
    KeyboardInterrupt at once; the articles not yet annotated are left.
    """

class SourceRow(TypedDict):
    """One source of one article (``lede.sources``); loads into ``pandas.DataFrame`` as is."""
    id: object
    """The ``ids`` item of its article, else the article's index."""
    outlet: Optional[str]
    name: str
    type: Optional[EntityLabel]
    group: SourceGroup
    named: bool
    gender: Optional[Gender]
    gender_evidence: Optional[GenderKind]
    """The strongest kind of evidence for the gender; ``first name`` is a guess."""
    quotes: int
    words: int

def sources(
    texts: Iterable[Union[str, bytes, bytearray]],
    ids: Optional[Iterable[object]] = None,
    outlets: Optional[Iterable[Optional[str]]] = None,
    dates: Optional[Iterable[Optional[str]]] = None,
    threads: Optional[int] = None,
    first_names: bool = True,
) -> List[SourceRow]:
    """Who gets quoted: one row per (article, source), articles in order, each article's sources
    in the Sources panel's order. ``ids`` and ``outlets``: None or one per text.
    ``first_names=False`` leaves genders the article does not give unknown. Errors as for
    ``annotate_many``.
    """
