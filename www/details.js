// The details popup: shown on hover or keyboard focus of a highlight, built with textContent.
import { GLOSS, QUOTE_KINDS, speakerDoubtful, speakerName, speakerSureness, typeName } from './labels.js';

/** Plain-text lines describing one annotation (entity or quote). */
export function describe(annotation, ref) {
  const index = Number(ref.slice(1));
  if (ref[0] === 'e') {
    const e = annotation.entities[index];
    if (!e) return [];
    const lines = [[typeName(e.label), GLOSS[e.label] ? `${GLOSS[e.label]} (OntoNotes ${e.label})` : e.label], ['text', e.text]];
    if (e.value != null) lines.push(['value', String(e.value)]);
    const cluster = e.cluster != null ? annotation.clusters[e.cluster] : null;
    if (cluster) lines.push(['refers to', cluster.name]);
    return lines;
  }
  const q = annotation.quotes[index];
  if (!q) return [];
  const doubt = speakerDoubtful(q) ? ' (doubtful)' : '';
  const lines = [['Quote', QUOTE_KINDS[q.kind] || q.kind], ['speaker', (speakerName(q) || 'unknown') + doubt]];
  if (q.cue) lines.push(['cue', q.cue.text]);
  if (typeof q.confidence === 'number') lines.push(['confidence', `${Math.round(q.confidence * 100)} %`]);
  // How sure the speaker is, apart from whether it is a quote.
  if (speakerSureness(q)) lines.push(['speaker confidence', speakerSureness(q)]);
  return lines;
}

/** Wires the popup `tip` to highlights inside `container`; `current()` gives the annotation. */
export function attachDetails(container, tip, current) {
  let anchor = null;
  const show = (el) => {
    const annotation = current();
    const ref = el.dataset.ref;
    if (!annotation || !ref) return;
    const lines = describe(annotation, ref);
    if (!lines.length) return;
    const dl = document.createElement('dl');
    for (const [k, v] of lines) {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      dl.append(dt, dd);
    }
    tip.replaceChildren(dl);
    tip.hidden = false;
    lit(false);
    anchor = el;
    lit(true);
    el.setAttribute('aria-describedby', tip.id);
    place(el);
  };
  const place = (el) => {
    // Anchor on the first line box: a quote can span many lines.
    const r = el.getClientRects()[0] || el.getBoundingClientRect();
    const t = tip.getBoundingClientRect();
    const left = Math.max(4, Math.min(r.left, window.innerWidth - t.width - 4));
    const above = r.top - t.height - 6 >= 0;
    tip.style.left = `${left}px`;
    tip.style.top = `${above ? r.top - t.height - 6 : r.bottom + 6}px`;
  };
  // While a quote is active, its speaker and cue light up in the text.
  const lit = (on) => {
    const ref = anchor && anchor.dataset.ref;
    if (!ref || ref[0] !== 'q') return;
    for (const el of container.querySelectorAll(`[data-role="speaker-${ref}"], [data-role="cue-${ref}"]`)) el.classList.toggle('active', on);
  };
  const hide = () => {
    lit(false);
    if (anchor) anchor.removeAttribute('aria-describedby');
    anchor = null;
    tip.hidden = true;
  };
  const target = (e) => e.target.closest && e.target.closest('[data-ref]');
  // The highlight with keyboard focus, if any: its tip comes back when the mouse leaves another.
  const focused = () => {
    const el = document.activeElement;
    return el && el !== container && container.contains(el) && el.dataset.ref ? el : null;
  };
  const settle = () => {
    const f = focused();
    if (f) show(f);
    else hide();
  };
  container.addEventListener('mouseover', (e) => { const el = target(e); if (el) show(el); });
  container.addEventListener('mouseout', (e) => { if (anchor && !anchor.contains(e.relatedTarget)) settle(); });
  container.addEventListener('focusin', (e) => { const el = target(e); if (el) show(el); });
  container.addEventListener('focusout', hide);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
  // Scrolling hides a tip shown by the mouse; the tip of the focused highlight stays and follows
  // it (arrow keys and the panel scroll the page to the focused highlight).
  window.addEventListener('scroll', () => {
    if (!anchor) return;
    if (anchor === focused()) place(anchor);
    else settle();
  }, { passive: true });
  return { hide };
}
