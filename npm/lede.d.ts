// Types of the `lede` package: the Annotation that annotate() returns, its options and the
// entry points. Written from src/schema.rs; tests/all/types.rs holds every field, its
// optionality and nullability, and every enum value to that schema.

/** The 18 OntoNotes entity types. */
export type Label =
  | 'PERSON'
  | 'NORP'
  | 'FAC'
  | 'ORG'
  | 'GPE'
  | 'LOC'
  | 'PRODUCT'
  | 'EVENT'
  | 'WORK_OF_ART'
  | 'LAW'
  | 'LANGUAGE'
  | 'DATE'
  | 'TIME'
  | 'PERCENT'
  | 'MONEY'
  | 'QUANTITY'
  | 'ORDINAL'
  | 'CARDINAL';

/** `body`: article text; `dateline`: the `date YYYY-MM-DD` marker or the place dateline opening
 * the body (`WASHINGTON (AP) —`); `header`: Published/Updated lines, bylines, a date line;
 * `boilerplate` (ads, promos, sign-up lines, corrections) and `caption` (photo credits) are
 * skipped by entities and quotes. */
export type ParagraphKind = 'body' | 'dateline' | 'header' | 'boilerplate' | 'caption';

/** Where the article date was read: the caller's option, the marker, a Published or Updated
 * line, a dated byline, or a date on its own header line. */
export type DateSourceKind = 'option' | 'marker' | 'published' | 'updated' | 'byline' | 'header';

/** `direct`: whole sentences in quote marks; `partial`: a quoted phrase inside the writer's
 * sentence; `indirect`: reported speech without marks; `mixed`: reported speech quoting some
 * of the speaker's words (listed in `parts`). */
export type QuoteKind = 'direct' | 'partial' | 'indirect' | 'mixed';

/** What an attribution reports: a quote is a `statement` (said or written); the others are
 * kept apart in `Annotation.attributions` when `Options.attributions` asks for them. */
export type Act = 'statement' | 'belief' | 'plan' | 'finding' | 'perception' | 'action';

/** The groups of `Annotation.sources`, in their order: `people` (a PERSON cluster),
 * `groups` (organisations and groups: ORG, NORP, a cluster with no label, a speaker with no
 * cluster), `others` (places and others: any other label), then the one `unattributed` row. */
export type SourceGroup = 'people' | 'groups' | 'others' | 'documents' | 'unattributed';

/** Unit of every offset: UTF-16 code units by default, so `text.slice(start, end)` is exact. */
/** A person's gender as the article gives it. */
export type Gender = 'female' | 'male';

/** What tells a gender, strongest first; `'first name'` alone is a guess. */
export type GenderKind = 'correction' | 'honorific' | 'role' | 'pronoun' | 'first name';

/** A reader's correction (`Options.genders`); `'unknown'` clears a gender. */
export type GenderCorrection = 'female' | 'male' | 'unknown';

export type Units = 'utf16' | 'chars' | 'bytes';

/** Every span is half-open: `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A span with the text it covers (speakers, cues, the quoted words of a mixed quote). */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface Paragraph {
  start: number;
  end: number;
  kind: ParagraphKind;
}

export interface Sentence {
  start: number;
  end: number;
}

export interface Entity {
  start: number;
  end: number;
  text: string;
  label: Label;
  /** Index into `Annotation.clusters`. */
  cluster?: number;
  /** Normalised value: an ISO date for DATE, a number for CARDINAL, MONEY, PERCENT, … */
  value?: string;
}

/** All mentions of one person, organisation or place. */
export interface Cluster {
  id: number;
  /** The fullest name the article gives ("John Kirby"). */
  name: string;
  /** Absent when neither a mention nor the name's shape tells the type. */
  label?: Label;
  /** Indices into `Annotation.entities`. */
  mentions: number[];
  roles?: string[];
  /** The pronouns and descriptions the learned coreference links to it ("she", "the
   * commission"), in text order. */
  references?: TextSpan[];
  /** A person's gender when the article gives it one way, or the first name guesses it (see
   * `gender_evidence`); absent when unknown or given both ways. */
  gender?: Gender;
  /** What the gender rests on, strongest first (both sides when they conflict). */
  gender_evidence?: GenderClue[];
}

/** One kind of evidence for a gender: how often the article gives it, with an example. */
export interface GenderClue {
  kind: GenderKind;
  /** Absent only for a reader's correction to unknown. */
  gender?: Gender;
  count: number;
  /** An example as written: "she", "Ms", "chairwoman", "Mary". */
  text: string;
}

/** Named person sources and their quoted words, by gender. */
export interface SourceGenders {
  people: number;
  female: number;
  male: number;
  unknown: number;
  words: number;
  female_words: number;
  male_words: number;
  unknown_words: number;
}

export interface Quote {
  /** The content span; a direct quote's includes its quote marks. */
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  speaker: TextSpan | null;
  /** The speaker's canonical name (a pronoun resolved to the person it refers to). */
  speaker_name: string | null;
  /** Index into `Annotation.clusters`. */
  speaker_cluster: number | null;
  /** The reporting verb or phrase ("said", "according to"). */
  cue: TextSpan | null;
  /** The quoted words inside a `mixed` quote, with their marks. */
  parts?: TextSpan[];
  /** How likely this is an attribution (0–1), from the learned confidence model. */
  confidence: number;
  /** How likely the speaker is right (0–1), apart from whether it is a quote; absent without
   * a speaker. The page marks a speaker under 0.7 as doubtful. */
  speaker_confidence?: number;
  /** What it reports; absent for a statement (every entry of `quotes`). */
  act?: Act;
}

/** Someone quoted, with their quotes: one row of the page's Sources panel. */
export interface Source {
  /** The speaker name its first quote gives, else the speaker mention as written; a pronoun
   * shows its cluster's name. `Unattributed` for the unattributed row. */
  name: string;
  group: SourceGroup;
  /** Index into `Annotation.clusters` when the source is a speaker cluster. */
  cluster: number | null;
  /** The cluster's entity type, when it has one. */
  label: Label | null;
  /** False for a speaker known only by a description ("officials") and the unattributed row. */
  named: boolean;
  /** Indices into `Annotation.quotes`, in text order. */
  quotes: number[];
  /** Words in its quotes' texts. */
  words: number;
  /** A person source's gender: its cluster's, or what its description says ("a spokeswoman"). */
  gender?: Gender;
  gender_evidence?: GenderClue[];
}

/** Where `Annotation.date` comes from, and the date as written in the text when read there. */
export interface DateSource {
  kind: DateSourceKind;
  span?: TextSpan;
}

/** The place dateline opening the body: `LONDON, Oct 13 (Reuters) -`. */
export interface Dateline {
  /** The whole dateline, up to and including its dash. */
  start: number;
  end: number;
  text: string;
  /** The place as written; each of its names is also a GPE entity. */
  place: TextSpan;
  /** The news agency between the parentheses (`AP`, `Reuters`). */
  agency?: TextSpan;
  /** A month and day after the place (`Oct 13`); it has no year, so it never dates the article. */
  date?: TextSpan;
}

export interface Annotation {
  /** Article date (ISO `YYYY-MM-DD`) that relative dates resolve against: `options.date` when
   * given, else the one the text's header gives (see `date_source`). */
  date: string | null;
  /** Where `date` comes from; null when there is no date. */
  date_source: DateSource | null;
  /** The place dateline opening the body, if any. */
  dateline: Dateline | null;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  entities: Entity[];
  clusters: Cluster[];
  quotes: Quote[];
  /** Who is quoted, in the Sources panel's order: people, organisations and groups, places and
   * others (inside each: most quotes, most words, first quoted), then the unattributed row. Each
   * quote is in exactly one source. */
  sources: Source[];
  /** Named person sources and their quoted words by gender (from `sources`). */
  source_genders: SourceGenders;
  /** Beliefs, plans, findings, perceptions and actions attributed to a source (not quotes),
   * only when `Options.attributions` is true. */
  attributions?: Quote[];
  /** Notes about the input (an impossible date, binary junk, …). */
  warnings?: string[];
}

export interface Options {
  /** Offset unit; `'utf16'` when absent. */
  offsets?: Units;
  /** Article date (`YYYY-MM-DD`) that relative dates resolve against; overrides the text's. */
  date?: string;
  /** Also return the attributions that are not statements (`Annotation.attributions`). */
  attributions?: boolean;
  /** The reader's corrections of source genders, by cluster or source name (any case). */
  genders?: Record<string, GenderCorrection>;
  /** Guess a gender from the first name when the article gives none (default true). */
  first_names?: boolean;
}

/** Where init() finds the wasm: a URL or path string, a URL, a Request or Response, the bytes,
 * or a compiled WebAssembly.Module. */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module;

/**
 * Loads the WebAssembly module; call it once and await it before annotate(). In a browser,
 * without an argument it fetches `wasm/lede_bg.wasm` next to the module. In Node the module is
 * loaded at import and init() resolves at once.
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/**
 * Annotates one article. Offsets are UTF-16 code units unless `options.offsets` says otherwise.
 * Throws a TypeError when `text` is not a string or `options` is malformed, a RangeError when
 * `text` is over 16 MiB of UTF-8, an Error for binary data (NULs, many control characters) and
 * when init() has not finished. A lone surrogate reads as U+FFFD with the warning
 * "Lone surrogate replaced: …".
 */
export function annotate(text: string, options?: Options | null): Annotation;

/** The export formats of exportAs(). */
export type ExportFormat =
  | 'json'
  | 'displacy'
  | 'brat'
  | 'conll'
  | 'webanno'
  | 'quotes-csv'
  | 'entities-csv';

/** One file of an export: its name (from the headline), MIME type and text. */
export interface ExportFile {
  filename: string;
  mime: string;
  content: string;
}

/** An export: the file, and for brat the article text brat reads beside the `.ann`. */
export interface Export extends ExportFile {
  companion?: ExportFile;
}

/**
 * Annotates `text` (as annotate() does; offsets in the export are code points whatever
 * `options.offsets` says) and returns it as a file in `format`. Throws as annotate() does, and a
 * TypeError listing the formats for an unknown `format`. Keeps the last text's annotation, so
 * more formats of the same text are not annotated again.
 */
export function exportAs(text: string, options: Options | null | undefined, format: ExportFormat): Export;

/** The package version (the Rust crate's). */
export function version(): string;
