// Pages of the themes view: when its rows do not fit the screen they are shown a page at a time,
// and the board turns the page by itself (a calm fade), so nothing is cut off and nobody scrolls.
import { t } from './i18n.js';
import { fadeIn } from './flip.js';

const PAGE_SECONDS = 15;

export class Pager {
  constructor(table, label) {
    this.table = table;
    this.label = label;
    this.pages = [];
    this.page = 0;
    this.timer = setInterval(() => this.turn(1, { byItself: true }), PAGE_SECONDS * 1000);
  }

  get count() { return this.pages.length; }

  /** Splits `rows` (elements, in order, below the sticky `header`) into pages that fit the table. */
  layout(rows, header) {
    if (!this.table.getClientRects().length) return;
    // Pages take the smaller type of a full board (body.is-paged); without it all may fit one page.
    document.body.classList.add('is-paged');
    this.split(rows, header);
    if (this.count < 2) {
      document.body.classList.remove('is-paged');
      this.split(rows, header);
      if (this.count > 1) { document.body.classList.add('is-paged'); this.split(rows, header); }
    }
    this.show();
  }

  split(rows, header) {
    for (const row of rows) row.hidden = false;
    this.pages = [];
    const style = getComputedStyle(this.table);
    const gap = parseFloat(style.rowGap) || 0;
    const room = this.table.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - header.offsetHeight;
    let page = [];
    let used = 0;
    for (const row of rows) {
      const height = row.offsetHeight + gap;
      if (page.length && used + height > room) { this.pages.push(page); page = []; used = 0; }
      page.push(row);
      used += height;
    }
    if (page.length) this.pages.push(page);
  }

  /** The next (1) or previous (-1) page; a turn by hand restarts the clock. */
  turn(by, { byItself = false } = {}) {
    if (this.count < 2 || !this.table.getClientRects().length) return;
    if (!byItself) {
      clearInterval(this.timer);
      this.timer = setInterval(() => this.turn(1, { byItself: true }), PAGE_SECONDS * 1000);
    }
    this.page = (this.page + by + this.count) % this.count;
    this.show();
    for (const row of this.pages[this.page]) fadeIn(row);
  }

  show() {
    this.page = Math.min(this.page, Math.max(0, this.count - 1));
    this.pages.forEach((rows, i) => { for (const row of rows) row.hidden = i !== this.page; });
    this.label.hidden = this.count < 2;
    this.label.textContent = t('themes.page', { n: this.page + 1, total: this.count });
    this.table.dataset.paged = String(this.count > 1);
  }
}
