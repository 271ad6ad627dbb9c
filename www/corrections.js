// The reader's corrections of source genders ({ name: "female" | "male" | "unknown" }), sent
// as options.genders on every annotate and export call, so the summary and the exports carry
// them. They belong to the article, as the date the reader sets does: kept while the text is
// edited; a new article starts with none, and one seen before gets its corrections back.
// Kept in memory only, under a hash of the text (a 2 MB article is not kept twice).

const REMEMBERED = 20; // articles whose corrections are kept

/** A cheap fingerprint of a text: its length and two 32-bit hashes (FNV-1a and a multiply). */
export function textKey(text) {
  let a = 0x811c9dc5;
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 31) + c) | 0;
  }
  return `${text.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

export class Corrections {
  constructor() {
    this.current = {}; // the shown article's
    this.byText = new Map(); // text key → corrections of an article left
  }

  /** Another article: files the current corrections under `oldText`, recalls `newText`'s. */
  switchArticle(oldText, newText) {
    if (Object.keys(this.current).length) {
      const key = textKey(oldText);
      this.byText.delete(key);
      this.byText.set(key, this.current);
      if (this.byText.size > REMEMBERED) this.byText.delete(this.byText.keys().next().value);
    }
    this.current = { ...(this.byText.get(textKey(newText)) || {}) };
  }

  /** Sets `name`'s gender; null forgets the correction (the article's evidence counts again). */
  set(name, gender) {
    const next = { ...this.current };
    if (gender == null) delete next[name];
    else next[name] = gender;
    this.current = next;
  }

  /** `options` with `genders` when there are corrections (older cores ignore the field). */
  apply(options) {
    const out = { ...options };
    delete out.genders;
    if (Object.keys(this.current).length) out.genders = { ...this.current };
    return out;
  }
}
