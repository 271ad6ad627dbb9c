// Who gets quoted, by gender: the words the page shows for the core's gender fields (issue 24;
// clusters' and sources' `gender` and `gender_evidence`, the top-level `source_genders`) and the
// reader's corrections (`options.genders`). Pure functions: no DOM, so Node tests them too.
// A guess is never shown as fact: a gender only a first name supports is marked as a guess.

/** What a reader can set a source to; "unknown" clears the core's gender. */
export const GENDERS = ['female', 'male', 'unknown'];

// Evidence kinds in words (the core's `kind`).
const KIND_NAMES = {
  pronoun: 'pronoun',
  honorific: 'honorific',
  role: 'role noun',
  'first name': 'first name',
  correction: 'your correction',
};

const percent = (part, whole) => Math.round((100 * part) / whole);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The one-line summary under Sources from `annotation.source_genders` (named person sources):
 * "Women 3 of 11 named sources (27 %), 18 % of quoted words; unknown 1". Null when the core gave
 * no summary (an older build). `guessed`: how many of the genders only a first name supports.
 */
export function summaryLine(counts, guessed = 0) {
  if (!counts) return null;
  if (!counts.people) return 'No named people quoted.';
  let line = `Women ${counts.female} of ${plural(counts.people, 'named source')} (${percent(counts.female, counts.people)} %)`;
  if (counts.words > 0) line += `, ${percent(counts.female_words, counts.words)} % of quoted words`;
  line += `; unknown ${counts.unknown}`;
  if (guessed > 0) line += `; ${guessed} guessed from ${guessed === 1 ? 'the first name' : 'first names'}`;
  return line;
}

/** The summary's figures in full, for its tooltip. */
export function summaryDetail(counts) {
  if (!counts || !counts.people) return '';
  return `named people quoted: ${counts.female} women, ${counts.male} men, ${counts.unknown} unknown; `
    + `words quoted: ${counts.female_words} by women, ${counts.male_words} by men, ${counts.unknown_words} by people of unknown gender`;
}

/** One piece of evidence as written: "she ×3 (pronoun)"; `withGender` adds its side. */
function evidenceItem(e, withGender) {
  const kind = KIND_NAMES[e.kind] || e.kind;
  const times = e.count > 1 ? ` ×${e.count}` : '';
  const text = e.text ? `${e.text}${times} ` : '';
  return `${text}(${kind}${withGender && e.gender ? `, ${e.gender}` : ''})`;
}

/**
 * How the page shows one source's gender: `{ gender, guess, corrected, conflict, evidence,
 * says }`. `gender` is "female", "male" or "unknown"; `guess`: only a first name supports it;
 * `corrected`: the reader set it (`corrections`, name → gender, as sent in options.genders);
 * `conflict`: the article gives both; `evidence`: the article's evidence in words ("she ×3
 * (pronoun), Ms. (honorific)"), the reader's correction left out; `says`: the whole finding as a
 * sentence, for the tooltip and screen readers.
 */
export function genderOf(source, corrections = {}) {
  const gender = source.gender || 'unknown';
  const all = source.gender_evidence || [];
  const evidence = all.filter((e) => e.kind !== 'correction');
  const corrected = Object.hasOwn(corrections, source.name) || all.some((e) => e.kind === 'correction');
  const sides = new Set(evidence.map((e) => e.gender));
  const conflict = !corrected && gender === 'unknown' && sides.size > 1;
  const supporting = evidence.filter((e) => e.gender === gender);
  const guess = !corrected && supporting.length > 0 && supporting.every((e) => e.kind === 'first name');
  const words = evidence.map((e) => evidenceItem(e, conflict)).join(', ');
  let says;
  if (corrected) says = `${gender}: your correction${words ? ` (the article: ${words})` : ''}`;
  else if (guess) says = `${gender}? guessed from the first name “${supporting[0].text}”; the article gives no pronoun, title or role`;
  else if (conflict) says = `unknown: the article says both — ${words}`;
  else if (gender !== 'unknown') says = `${gender}: ${words}`;
  else if (words) says = `unknown: too little to tell — ${words}`; // e.g. one linked pronoun
  else says = 'unknown: the article gives no pronoun, title, role or known first name';
  return { gender, guess, corrected, conflict, evidence: words, says };
}

/** `says` as a sentence: "Female: she ×3 (pronoun)." */
export function sentence(g) {
  return `${g.says.charAt(0).toUpperCase()}${g.says.slice(1)}.`;
}

/** The mark's short text on a source row: "female", "female?" (a guess), "unknown". */
export function markText(g) {
  return `${g.gender}${g.guess ? '?' : ''}`;
}

/** Whether a source gets a gender mark: a person, or any source the core found evidence for. */
export function hasGender(source) {
  return source.group === 'people' || source.gender != null || (source.gender_evidence || []).length > 0;
}

/** How many named person sources have a gender only their first name supports. */
export function guessedCount(sources, corrections = {}) {
  return (sources || []).filter((s) => s.group === 'people' && s.named && genderOf(s, corrections).guess).length;
}
