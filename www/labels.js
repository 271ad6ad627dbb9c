// The 18 OntoNotes entity types in legend order, with a gloss for the details popup.
// Colours live in style.css (one custom property per type); the label text is always shown
// too, so no information depends on colour alone.
export const LABELS = [
  ['PERSON', 'person'],
  ['NORP', 'nationality, religious or political group'],
  ['FAC', 'facility: building, airport, road, bridge'],
  ['ORG', 'organisation'],
  ['GPE', 'country, city or state'],
  ['LOC', 'other location: region, mountain, sea'],
  ['PRODUCT', 'product, vehicle, weapon'],
  ['EVENT', 'named event: war, storm, summit'],
  ['WORK_OF_ART', 'title of a book, song, film'],
  ['LAW', 'named law or treaty'],
  ['LANGUAGE', 'language'],
  ['DATE', 'date or period'],
  ['TIME', 'time of day'],
  ['PERCENT', 'percentage'],
  ['MONEY', 'amount of money'],
  ['QUANTITY', 'measurement: distance, weight'],
  ['ORDINAL', 'ordinal: first, second'],
  ['CARDINAL', 'other number'],
];

export const LABEL_NAMES = LABELS.map(([name]) => name);

export const GLOSS = Object.fromEntries(LABELS);

export const QUOTE_KINDS = {
  direct: 'direct quote',
  partial: 'partial quote',
  indirect: 'indirect (reported) speech',
};

/** "more than 1000" → 3 words; quote marks and dashes alone are not words. */
export function wordCount(text) {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) || []).length;
}
