// Display text for annotations. The entity types (legend order, gloss) come from the one table
// www/labels.tsv through the generated labels.gen.js; their colours are in the generated
// labels.gen.css. The type's plain name is always shown too, so no information depends on colour
// alone; its OntoNotes code goes in tooltips.
import { LABELS, LABEL_NAMES, GLOSS, TYPE_NAME, TYPE_GROUP } from './labels.gen.js';

export { LABELS, LABEL_NAMES, GLOSS, TYPE_NAME, TYPE_GROUP };

/** The plain name of a type ("Organisation"); an unknown code stays as it is. */
export function typeName(label) {
  return TYPE_NAME[label] || label;
}

/** Tooltip text for a type: its OntoNotes code and gloss ("ORG: organisation"). */
export function typeTitle(label) {
  return GLOSS[label] ? `${label}: ${GLOSS[label]}` : label;
}

export const QUOTE_KINDS = {
  direct: 'direct quote',
  partial: 'partial quote',
  indirect: 'indirect (reported) speech',
  mixed: 'reported speech quoting some of their words',
};

/**
 * The name a quote's speaker is shown by: the resolved name (speaker_name, e.g. "John Kirby"),
 * else the mention as the article words it ("the official", "a spokesman"); null when the
 * quote has no speaker. Used by the highlight, the details popup and the quote list (the
 * Sources panel's names come from the core: `annotation.sources`).
 */
export function speakerName(q) {
  return q.speaker_name || (q.speaker && q.speaker.text) || null;
}

/**
 * Under this speaker confidence (how sure the core is of who said it) a speaker is doubtful:
 * on the folds of PolNeAR train, speakers under it are right about half the time, and it
 * catches a quarter of the wrong ones (`lede train-confidence --speakers`, model/SOURCES.md).
 */
export const DOUBTFUL_SPEAKER = 0.7;

/** Whether the quote's speaker is doubtful: the core rated it under `DOUBTFUL_SPEAKER`. */
export function speakerDoubtful(q) {
  return typeof q.speaker_confidence === 'number' && q.speaker_confidence < DOUBTFUL_SPEAKER;
}

/** The speaker confidence in per cent, for a tooltip or the details ("62 %"); null without one. */
export function speakerSureness(q) {
  return typeof q.speaker_confidence === 'number' ? `${Math.round(q.speaker_confidence * 100)} %` : null;
}
