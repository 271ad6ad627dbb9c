// The side panel's frame: ARIA tabs (Sources / Quotes / Entities) and, on a phone, the bottom
// sheet that a button opens and closes (the panel would otherwise sit thousands of pixels below
// the article). Tabs follow the WAI-ARIA pattern: one tab stop, arrows and Home/End move and
// select, each tab controls its tabpanel.

const PHONE = matchMedia('(max-width: 820px)');

export function attachPanel(panel) {
  const tabs = [...panel.querySelectorAll('[role="tab"]')];
  const toggle = panel.querySelector('.panel-toggle');

  const select = (tab, focus = false) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
  };

  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      select(tabs[(to + tabs.length) % tabs.length], true);
    });
  }

  const setOpen = (open) => {
    panel.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(!panel.classList.contains('open')));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && PHONE.matches && panel.contains(document.activeElement) && panel.classList.contains('open')) {
      setOpen(false);
      toggle.focus();
    }
  });

  return {
    /** Opens the panel (the sheet on a phone) on the named tab and focuses the tab. */
    show(name) {
      setOpen(true);
      select(tabs.find((t) => t.id === `tab-${name}`), true);
    },
    /** On a phone, the sheet gets out of the way when the panel points into the article. */
    yield() {
      if (PHONE.matches) setOpen(false);
    },
  };
}
