// What the corpus view counts from the workers' compact rows: the articles, every (article,
// source) row, and the sources merged across articles by name. Counts are kept as the rows
// arrive, so the tables and charts are cheap to redraw while a run goes on.
//
// Shares of women, men and unknown count quoted PEOPLE NAMED in an article (group "people",
// named), once per article they are quoted in — the measure of the Gender Gap Tracker and of the
// core's one-article `source_genders`.

export const GENDERS = ['female', 'male', 'unknown'];

// Which evidence is stronger when articles disagree on it: the core's order (GenderKind in
// src/schema.rs, strongest first). "first name" alone is a guess.
const EVIDENCE_RANK = ['correction', 'honorific', 'role', 'pronoun', 'first name'];
const rank = (kind) => (kind ? (EVIDENCE_RANK.indexOf(kind) + 1 || EVIDENCE_RANK.length + 1) : 99);

const isPerson = (row) => row.group === 'people' && row.named;

export class CorpusStats {
  constructor() {
    this.articles = [];
    this.rows = []; // compact rows, each with `article` (index into articles)
    this.sources = new Map(); // group + name → merged source
    // The reader's corrections of named people: name → "female" | "male" | null (unknown). They
    // win over every article's evidence, in the counts, the charts and the exports.
    this.corrections = new Map();
  }

  /** A row's gender and evidence once the reader's corrections are applied. */
  genderOf(row) {
    if (isPerson(row) && this.corrections.has(row.name)) {
      return { gender: this.corrections.get(row.name), gender_evidence: 'correction', evidence_text: null };
    }
    return { gender: row.gender, gender_evidence: row.gender_evidence, evidence_text: row.evidence_text };
  }

  /** Sets (or, with `gender` undefined, removes) the correction of a named person. */
  correct(name, gender) {
    if (gender === undefined) this.corrections.delete(name);
    else this.corrections.set(name, gender);
    for (const a of this.articles) a.female = a.male = a.unknown = 0;
    for (const row of this.rows) if (isPerson(row)) this.articles[row.article][this.genderOf(row).gender || 'unknown']++;
  }

  /** Adds one annotated article: `entry` from corpus-input.js, `result` from the worker. */
  add(entry, result) {
    const index = this.articles.length;
    const counts = { female: 0, male: 0, unknown: 0 };
    for (const row of result.rows) {
      this.rows.push({ article: index, ...row });
      if (isPerson(row)) counts[this.genderOf(row).gender || 'unknown']++;
      this.merge(row);
    }
    this.articles.push({
      n: entry.n ?? index + 1, // its place in the input
      id: entry.id,
      file: entry.file,
      where: entry.where,
      outlet: entry.outlet,
      date: result.article.date,
      title: entry.title,
      quotes: result.article.quotes,
      sources: result.rows.length,
      people: counts.female + counts.male + counts.unknown,
      ...counts,
      ms: Math.round(result.ms),
    });
  }

  merge(row) {
    const key = `${row.group}\u0001${row.name}`;
    let s = this.sources.get(key);
    if (!s) {
      s = { name: row.name, type: row.type, group: row.group, named: row.named, votes: { female: 0, male: 0, unknown: 0 }, evidence: null, evidenceText: null, articles: 0, quotes: 0, words: 0, types: {} };
      this.sources.set(key, s);
    }
    s.articles++;
    s.quotes += row.quotes;
    s.words += row.words;
    s.votes[row.gender || 'unknown']++;
    if (row.type) {
      s.types[row.type] = (s.types[row.type] || 0) + 1;
      if (!s.type || s.types[row.type] > s.types[s.type]) s.type = row.type;
    }
    if (row.gender && rank(row.gender_evidence) < rank(s.evidence)) {
      s.evidence = row.gender_evidence;
      s.evidenceText = row.evidence_text;
    }
  }

  /**
   * The sources across articles: gender "female" / "male" when the articles that say agree,
   * "conflicting" when they disagree, else "unknown"; `evidence` the strongest kind seen.
   */
  sourceTable() {
    return [...this.sources.values()].map((s) => {
      const { female, male } = s.votes;
      let gender = female && male ? 'conflicting' : female ? 'female' : male ? 'male' : 'unknown';
      let evidence = { kind: s.evidence, text: s.evidenceText };
      if (isPerson(s) && this.corrections.has(s.name)) {
        gender = this.corrections.get(s.name) || 'unknown';
        evidence = { kind: 'correction', text: null };
      }
      return {
        name: s.name,
        type: s.type,
        group: s.group,
        named: s.named,
        gender,
        gender_evidence: gender === 'unknown' && evidence.kind !== 'correction' ? null : evidence.kind,
        evidence_text: gender === 'unknown' ? null : evidence.text,
        articles: s.articles,
        quotes: s.quotes,
        words: s.words,
      };
    });
  }

  /** Named people quoted, by gender: over all articles and per outlet (most people first). */
  shares() {
    const all = { label: 'All articles', female: 0, male: 0, unknown: 0 };
    const outlets = new Map();
    for (const a of this.articles) {
      let o = outlets.get(a.outlet);
      if (!o) outlets.set(a.outlet, (o = { label: a.outlet, female: 0, male: 0, unknown: 0 }));
      for (const g of GENDERS) {
        all[g] += a[g];
        o[g] += a[g];
      }
    }
    const total = (x) => x.female + x.male + x.unknown;
    return { all, outlets: [...outlets.values()].filter((o) => total(o) > 0).sort((x, y) => total(y) - total(x)) };
  }

  /** The named people quoted most (quotes, then words). */
  topQuoted(count = 10) {
    return this.sourceTable()
      .filter(isPerson)
      .sort((a, b) => b.quotes - a.quotes || b.words - a.words || a.name.localeCompare(b.name))
      .slice(0, count);
  }

  /**
   * Every (article, source) row with its article's id and outlet: the columns of `lede sources`;
   * in input order (articles finish out of it), each article's sources in the core's order.
   */
  rowTable() {
    const order = (r) => this.articles[r.article].n;
    return [...this.rows].sort((a, b) => order(a) - order(b)).map((r) => {
      const a = this.articles[r.article];
      const { gender, gender_evidence } = this.genderOf(r);
      return { id: a.id, outlet: a.outlet, name: r.name, type: r.type, group: r.group, named: r.named, gender, gender_evidence, quotes: r.quotes, words: r.words };
    });
  }
}
