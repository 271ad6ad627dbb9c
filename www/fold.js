// The legend folds: closed by default so the Sources list starts on the first screen (open, it
// took ~40 % of the panel at 1400 × 900); its heading says what it holds while closed.

/** A disclosure button (`aria-expanded`, `aria-controls`) that shows and hides what it controls. */
export function attachFold(button) {
  const body = document.getElementById(button.getAttribute('aria-controls'));
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
  });
}

/** The closed legend's summary: "9 types", "9 types · 2 hidden"; empty with no entities. */
export function legendSummary(counts, hidden) {
  const types = Object.keys(counts).filter((l) => counts[l] > 0);
  if (!types.length) return '';
  const off = types.filter((l) => hidden.has(l)).length;
  return `${types.length} type${types.length === 1 ? '' : 's'}${off ? ` · ${off} hidden` : ''}`;
}
