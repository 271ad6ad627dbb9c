// Keyboard inside the article: the article is ONE tab stop (a roving tabindex), and the arrow
// keys move between its highlights in reading order — so Tab goes past a 2 MB article's 60,000
// highlights in one press. Right/Down: next; Left/Up: previous; Home/End: first/last.
// Highlights are the first fragments the renderer made focusable (id "ann-…", tabindex -1).

const isHighlight = (el) => el.nodeType === 1 && el.id.startsWith('ann-');
// An entity of a type switched off in the legend (the article carries `off-LABEL`) is skipped.
const isShown = (el, article) => !(el.dataset.label && article.classList.contains(`off-${el.dataset.label}`));

export function attachRoving(article) {
  let current = null; // the highlight holding tabindex 0

  const take = (el) => {
    if (current === el) return;
    if (current) current.tabIndex = -1;
    current = el;
    if (el) el.tabIndex = 0;
  };

  // The next/previous highlight from `el` in document order (a walk stays near `el`).
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (n) => (isHighlight(n) && isShown(n, article) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  const step = (el, forward) => {
    walker.currentNode = el;
    return forward ? walker.nextNode() : walker.previousNode();
  };
  const first = () => {
    walker.currentNode = article;
    return walker.nextNode();
  };
  const last = () => {
    const all = article.querySelectorAll('[id^="ann-"]');
    for (let i = all.length - 1; i >= 0; i--) if (isShown(all[i], article)) return all[i];
    return null;
  };

  const go = (el) => {
    if (!el) return;
    take(el);
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  };

  article.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !isHighlight(e.target)) return;
    const moves = {
      ArrowRight: () => step(e.target, true),
      ArrowDown: () => step(e.target, true),
      ArrowLeft: () => step(e.target, false),
      ArrowUp: () => step(e.target, false),
      Home: first,
      End: last,
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    go(move());
  });

  // Focus by other means (a click, the panel revealing a quote) moves the tab stop there too.
  article.addEventListener('focusin', (e) => {
    if (isHighlight(e.target)) take(e.target);
  });

  return {
    /** After (re)rendering: the tab stop goes to the first highlight, once there is one. */
    reset() {
      current = null;
      take(first());
    },
    /** While rendering in slices: gives the tab stop to the first highlight as soon as it exists. */
    ensure() {
      if (!current || !current.isConnected) {
        current = null;
        take(first());
      }
    },
  };
}
