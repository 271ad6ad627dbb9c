// Display text for annotations. The entity types (legend order, gloss) come from the one table
// www/labels.tsv through the generated labels.gen.js; their colours are in the generated
// labels.gen.css. The label text is always shown too, so no information depends on colour alone.
import { LABELS, LABEL_NAMES, GLOSS } from './labels.gen.js';

export { LABELS, LABEL_NAMES, GLOSS };

export const QUOTE_KINDS = {
  direct: 'direct quote',
  partial: 'partial quote',
  indirect: 'indirect (reported) speech',
};

/** "more than 1000" → 3 words; quote marks and dashes alone are not words. */
export function wordCount(text) {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) || []).length;
}
