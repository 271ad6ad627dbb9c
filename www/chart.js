// The corpus view's charts, drawn as plain SVG elements. Why no charting library: two kinds of
// horizontal bar are all the view needs (~100 lines here against 50–250 KB for a library), the
// page has no dependencies and no bundler to keep it so, and the single-file dist/lede.html pins
// its script by hash under a CSP that forbids inline style attributes, which most chart
// libraries write. Colours come from classes in style.css (light and dark); every text is a text
// node, and each bar has a <title> for its exact figures.

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 22; // bar height
const GAP = 10;

function node(name, attrs = {}, text) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** An <svg> of `width` px, titled for screen readers (role img, <title>, <desc>). */
function frame(width, height, title, desc) {
  const svg = node('svg', { class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  svg.append(node('title', {}, title), node('desc', {}, desc));
  return svg;
}

/** `text` cut to about `px` pixels of 12 px type, with an ellipsis. */
function fit(text, px) {
  const max = Math.max(4, Math.floor(px / 6.6));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const pct = (n, total) => (total ? Math.round((n * 100) / total) : 0);

/**
 * One 100 % bar per group ({ label, female, male, unknown }): the share of each gender, with
 * its per cent written in the bar where it fits and the count of people after the label.
 */
export function shareChart(groups, { width, title, keys, names }) {
  const labelWidth = Math.min(170, Math.round(width * 0.36));
  const barWidth = Math.max(60, width - labelWidth - 8);
  const height = groups.length * (ROW + GAP) + GAP;
  const desc = groups.map((g) => {
    const total = keys.reduce((n, k) => n + g[k], 0);
    return `${g.label}: ${keys.map((k) => `${names[k]} ${g[k]} (${pct(g[k], total)} %)`).join(', ')}`;
  });
  const svg = frame(width, height, title, desc.join('; '));
  groups.forEach((g, i) => {
    const y = GAP + i * (ROW + GAP);
    const total = keys.reduce((n, k) => n + g[k], 0);
    const label = node('text', { x: 0, y: y + ROW / 2, class: 'chart-label', 'dominant-baseline': 'middle' }, fit(`${g.label} · ${total}`, labelWidth - 6));
    label.append(node('title', {}, `${g.label}: ${total} people quoted`));
    svg.append(label);
    let x = labelWidth;
    for (const k of keys) {
      if (!g[k]) continue;
      const w = (g[k] / total) * barWidth;
      const rect = node('rect', { x: x.toFixed(1), y, width: Math.max(1, w).toFixed(1), height: ROW, class: `bar g-${k}`, 'data-gender': k, 'data-count': g[k] });
      rect.append(node('title', {}, `${g.label}: ${names[k]} ${g[k]} of ${total} (${pct(g[k], total)} %)`));
      svg.append(rect);
      if (w >= 34) svg.append(node('text', { x: (x + w / 2).toFixed(1), y: y + ROW / 2, class: `bar-text g-${k}`, 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, `${pct(g[k], total)} %`));
      x += w;
    }
  });
  return svg;
}

/** Horizontal bars for items ({ label, value, className, title }), longest first as given. */
export function barChart(items, { width, title, unit }) {
  const labelWidth = Math.min(170, Math.round(width * 0.36));
  const valueWidth = 70;
  const barWidth = Math.max(40, width - labelWidth - valueWidth);
  const max = Math.max(1, ...items.map((d) => d.value));
  const height = items.length * (ROW + GAP) + GAP;
  const svg = frame(width, height, title, items.map((d) => `${d.label}: ${d.value} ${unit}`).join('; '));
  items.forEach((d, i) => {
    const y = GAP + i * (ROW + GAP);
    const label = node('text', { x: 0, y: y + ROW / 2, class: 'chart-label', 'dominant-baseline': 'middle' }, fit(d.label, labelWidth - 6));
    label.append(node('title', {}, d.title || d.label));
    const w = Math.max(2, (d.value / max) * barWidth);
    const rect = node('rect', { x: labelWidth, y, width: w.toFixed(1), height: ROW, class: `bar ${d.className || ''}`, 'data-value': d.value });
    rect.append(node('title', {}, d.title || `${d.label}: ${d.value} ${unit}`));
    svg.append(label, rect, node('text', { x: (labelWidth + w + 6).toFixed(1), y: y + ROW / 2, class: 'chart-value', 'dominant-baseline': 'middle' }, `${d.value} ${unit}`));
  });
  return svg;
}
