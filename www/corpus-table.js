// A sortable, filterable table for the corpus view. Only the first rows are in the DOM ("Show
// more" adds more): a corpus can have tens of thousands of sources, and the page must stay quick.
// Headers are buttons (aria-sort on the <th>); cells are text nodes only.

const PAGE = 100;

export class DataTable {
  /**
   * `columns`: [{ key, label, numeric?, className?, sortable?, text?(row), title?(row) }], or
   * `render(row)` for a cell holding a control (a Node, or null for an empty cell).; `sort`: the starting { key, down }.
   * `noun`: what a row is ("sources"), for the count line.
   */
  constructor(root, { columns, sort, noun }) {
    this.columns = columns;
    this.sort = sort;
    this.noun = noun;
    this.rows = [];
    this.filter = () => true;
    this.limit = PAGE;
    this.count = document.createElement('p');
    this.count.className = 'table-count';
    this.count.setAttribute('aria-live', 'polite');
    const scroll = document.createElement('div');
    scroll.className = 'table-scroll';
    scroll.tabIndex = 0; // a scrolled region must be reachable by keyboard
    this.table = document.createElement('table');
    this.table.className = 'data-table';
    const head = this.table.createTHead().insertRow();
    this.headers = columns.map((c) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.className = [c.numeric && 'num', c.className].filter(Boolean).join(' ');
      if (c.sortable === false) {
        th.textContent = c.label;
        head.append(th);
        return th;
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = c.label;
      button.addEventListener('click', () => {
        // A new column sorts numbers largest first and text A→Z; a second click reverses.
        this.sort = this.sort.key === c.key ? { key: c.key, down: !this.sort.down } : { key: c.key, down: !!c.numeric };
        this.limit = PAGE;
        this.render();
      });
      th.append(button);
      head.append(th);
      return th;
    });
    this.body = this.table.createTBody();
    scroll.append(this.table);
    this.more = document.createElement('button');
    this.more.type = 'button';
    this.more.className = 'table-more';
    this.more.addEventListener('click', () => {
      this.limit += PAGE * 5;
      this.render();
    });
    root.replaceChildren(this.count, scroll, this.more);
  }

  setRows(rows) {
    this.rows = rows;
    this.render();
  }

  setFilter(filter) {
    this.filter = filter;
    this.limit = PAGE;
    this.render();
  }

  /** The rows the table shows, filtered and sorted (all of them, not only those drawn). */
  shown() {
    const { key, down } = this.sort;
    const sign = down ? -1 : 1;
    const value = (r) => r[key];
    return this.rows.filter(this.filter).sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1; // blanks last either way
      if (y === null || y === undefined) return -1;
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
    });
  }

  /** Whether the reader is using a control in the table (a redraw would take it away). */
  get focused() {
    return this.table.contains(document.activeElement);
  }

  render() {
    const rows = this.shown();
    this.headers.forEach((th, i) => {
      const c = this.columns[i];
      if (c.key === this.sort.key) th.setAttribute('aria-sort', this.sort.down ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
    const drawn = rows.slice(0, this.limit).map((row) => {
      const tr = document.createElement('tr');
      for (const c of this.columns) {
        const td = document.createElement('td');
        if (c.numeric || c.className) td.className = [c.numeric && 'num', c.className].filter(Boolean).join(' ');
        if (c.render) {
          const node = c.render(row);
          if (node) td.append(node);
        } else {
          const text = c.text ? c.text(row) : row[c.key];
          td.textContent = text === null || text === undefined ? '' : String(text);
        }
        if (c.title) td.title = c.title(row) || '';
        tr.append(td);
      }
      return tr;
    });
    this.body.replaceChildren(...drawn);
    const all = this.rows.length;
    this.count.textContent =
      rows.length === all ? `${all} ${this.noun}` : `${rows.length} of ${all} ${this.noun} match the filter`;
    if (drawn.length < rows.length) this.count.textContent += ` · showing the first ${drawn.length}`;
    this.more.hidden = drawn.length >= rows.length;
    this.more.textContent = `Show ${Math.min(PAGE * 5, rows.length - drawn.length)} more`;
  }
}
