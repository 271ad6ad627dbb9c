// Gender on the Sources tab: the summary line, the mark on a person source's row (hover or focus
// shows the evidence), and the small menu that corrects it. Built with textContent only.
import { summaryLine, summaryDetail, guessedCount, markText, sentence } from './gender.js';

let ids = 0;
let tip = null; // one tooltip for every mark
let anchor = null; // the mark it is shown for

/** The summary line under Sources; hidden when the core gave none or nothing is quoted. */
export function renderGenderSummary(el, annotation, corrections) {
  const counts = annotation.source_genders;
  const line = (annotation.sources || []).length ? summaryLine(counts, guessedCount(annotation.sources, corrections)) : null;
  el.hidden = !line;
  el.textContent = line || '';
  el.title = summaryDetail(counts);
}

function showTip(mark, text) {
  if (!tip) {
    tip = document.createElement('div');
    tip.id = 'gender-tip';
    tip.className = 'tip gender-tip';
    tip.setAttribute('role', 'tooltip');
    document.body.append(tip);
    // Scrolling the page or the panel: the focused mark's tip follows it, a hovered one goes.
    window.addEventListener('scroll', () => {
      if (!anchor || tip.hidden) return;
      if (document.activeElement === anchor) place(anchor);
      else hideTip();
    }, { capture: true, passive: true });
  }
  tip.textContent = text;
  tip.hidden = false;
  anchor = mark;
  place(mark);
}

function place(mark) {
  const r = mark.getBoundingClientRect();
  const t = tip.getBoundingClientRect();
  tip.style.left = `${Math.max(4, Math.min(r.right - t.width, window.innerWidth - t.width - 4))}px`;
  tip.style.top = `${r.bottom + 6 + t.height <= window.innerHeight ? r.bottom + 6 : Math.max(4, r.top - t.height - 6)}px`;
}

function hideTip() {
  if (tip) tip.hidden = true;
  anchor = null;
}

// The menu's choices: a gender the reader sets, or back to what the article says (null).
const CHOICES = [
  ['female', 'Female'],
  ['male', 'Male'],
  ['unknown', 'Unknown'],
  [null, 'As the article says'],
];

/**
 * The gender mark of source `s` (its `gender`: see genderOf in gender.js) for its row, and the
 * disclosure it opens under `row`: the evidence and a menu of corrections. `onCorrect(name,
 * gender | null)` is called with the reader's choice. Returns the mark (a button).
 */
export function genderMark(s, row, corrections, onCorrect) {
  const g = s.gender;
  const mark = document.createElement('button');
  mark.type = 'button';
  mark.className = 'gender-mark';
  mark.dataset.gender = g.gender;
  if (g.guess) mark.dataset.guess = '';
  if (g.corrected) mark.dataset.corrected = '';
  if (g.conflict) mark.dataset.conflict = '';
  mark.dataset.source = s.name;
  mark.textContent = markText(g);
  const says = sentence(g);
  const how = g.corrected ? 'set by you' : g.guess ? 'a guess from the first name' : g.conflict ? 'the article is contradictory' : g.gender === 'unknown' ? 'not found' : 'from the article';
  mark.setAttribute('aria-label', `Gender of ${s.name}: ${g.gender}, ${how}. Correct it`);
  // The evidence as the mark's description, for screen readers (the tooltip shows it on screen).
  const description = document.createElement('span');
  description.className = 'visually-hidden';
  description.id = `gender-says-${++ids}`;
  description.textContent = says;
  mark.setAttribute('aria-describedby', description.id);
  mark.setAttribute('aria-haspopup', 'menu');
  mark.setAttribute('aria-expanded', 'false');

  mark.addEventListener('mouseenter', () => showTip(mark, says));
  mark.addEventListener('mouseleave', () => { if (document.activeElement !== mark) hideTip(); });
  mark.addEventListener('focus', () => showTip(mark, says));
  mark.addEventListener('blur', hideTip);

  let fix = null; // the open disclosure
  const close = (focus) => {
    if (!fix) return;
    const was = fix;
    fix = null; // first: removing the focused menu fires focusout, which closes again
    mark.setAttribute('aria-expanded', 'false');
    mark.removeAttribute('aria-controls');
    was.remove();
    if (focus) mark.focus();
  };
  const open = () => {
    hideTip();
    fix = correctionMenu(s, says, corrections, (gender) => {
      close(true);
      onCorrect(s.name, gender);
    }, () => close(true));
    fix.addEventListener('focusout', (e) => {
      if (fix && !fix.contains(e.relatedTarget) && e.relatedTarget !== mark) close(false);
    });
    row.after(fix);
    mark.setAttribute('aria-controls', fix.querySelector('[role="menu"]').id);
    mark.setAttribute('aria-expanded', 'true');
    fix.querySelector('[aria-checked="true"]').focus();
  };
  mark.addEventListener('click', () => (fix ? close(true) : open()));
  mark.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hideTip();
    if (e.key === 'ArrowDown' && !fix) {
      e.preventDefault();
      open();
    }
  });
  const wrap = document.createElement('span');
  wrap.className = 'gender';
  wrap.append(mark, description);
  return wrap;
}

/**
 * The evidence in words and a WAI-ARIA menu of radio items (female, male, unknown, as the
 * article says): one tab stop, arrows and Home/End move, Enter or Space chooses, Escape closes.
 */
function correctionMenu(s, says, corrections, choose, cancel) {
  const fix = document.createElement('div');
  fix.className = 'gender-fix';
  const evidence = document.createElement('p');
  evidence.className = 'gender-evidence';
  evidence.id = `gender-evidence-${++ids}`;
  evidence.textContent = says;
  const menu = document.createElement('div');
  menu.setAttribute('role', 'menu');
  menu.id = `gender-menu-${++ids}`;
  menu.setAttribute('aria-describedby', evidence.id);
  const set = Object.hasOwn(corrections, s.name) ? corrections[s.name] : null;
  const items = CHOICES.map(([gender, text]) => {
    const item = document.createElement('button');
    item.type = 'button';
    item.setAttribute('role', 'menuitemradio');
    item.setAttribute('aria-checked', String(gender === set));
    item.tabIndex = gender === set ? 0 : -1;
    item.dataset.gender = gender || 'article';
    item.textContent = text;
    item.addEventListener('click', () => (gender === set ? cancel() : choose(gender)));
    return item;
  });
  menu.addEventListener('keydown', (e) => {
    const i = items.indexOf(document.activeElement);
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key];
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // the phone's sheet stays open
      cancel();
    } else if (to !== undefined) {
      e.preventDefault();
      const next = items[(to + items.length) % items.length];
      for (const item of items) item.tabIndex = item === next ? 0 : -1;
      next.focus();
    }
  });
  menu.append(...items);
  const label = document.createElement('span');
  label.className = 'gender-correct';
  label.setAttribute('aria-hidden', 'true'); // the menu's own label names the source
  label.textContent = 'Correct it:';
  menu.setAttribute('aria-label', `Correct the gender of ${s.name}`);
  const choices = document.createElement('div');
  choices.className = 'gender-choices';
  choices.append(label, menu);
  fix.append(evidence, choices);
  return fix;
}

/** After a re-render: focus the mark of the source named `name`, if it is still listed. */
export function focusMark(root, name) {
  const mark = [...root.querySelectorAll('.gender-mark')].find((m) => m.dataset.source === name);
  if (mark) mark.focus();
  return !!mark;
}
