// The ranking of the votes view: one row per theme, most dots first, each with its dots as a bar of
// segments and the number. Rows glide to their new place when the order changes (flip.js); the type
// is as large as the screen allows, and when even the smallest does not hold every row the list
// pages by itself like the themes view (board-pages.js), so nothing is cut off and nobody scrolls.
import { el, clear } from './dom.js';
import { tn } from './i18n.js';
import { snapshot, delta, glide, fadeIn } from './flip.js';
import { Pager } from './board-pages.js';

// Type at 1920×1080, scaled with the screen (the same size on the wall at 1280×720).
const LARGEST = 46;
const SMALLEST = 24;
const SEGMENTED = 40; // up to this many dots in the top row, every dot is a segment of its own

/** Competition ranking: equal dots share a place ("1, 2, 2, 4"). rows are sorted. */
function places(rows) {
  let place = 0;
  return rows.map((row, i) => {
    if (i === 0 || row.dots !== rows[i - 1].dots) place = i + 1;
    return place;
  });
}

export class Ranking {
  constructor(list, pageLabel) {
    this.list = list;
    this.items = new Map(); // theme id → {li, place, label, fill, total, spoken}
    this.order = [];
    this.pager = new Pager(list, pageLabel);
    this.header = el('div'); // the pager measures a header above the rows; this list has none
  }

  /** rows: [{id, label, dots, notes}] in any order. */
  render(rows) {
    const previous = new Map(this.order.map((id, i) => [id, i]));
    const was = (row) => (previous.has(row.id) ? previous.get(row.id) : Infinity);
    rows.sort((a, b) => b.dots - a.dots || was(a) - was(b) || b.notes - a.notes || String(a.label).localeCompare(String(b.label)));
    const before = snapshot(new Map([...this.items].map(([id, item]) => [id, item.li])));
    const keep = new Set(rows.map((row) => row.id));
    for (const [id, item] of this.items) if (!keep.has(id)) { item.li.remove(); this.items.delete(id); }

    const most = Math.max(1, ...rows.map((row) => row.dots));
    const at = places(rows);
    rows.forEach((row, i) => {
      const item = this.items.get(row.id) || this.make(row.id);
      item.place.textContent = String(at[i]);
      item.label.textContent = row.label;
      item.total.textContent = String(row.dots);
      item.spoken.textContent = tn('bv.dotCount', row.dots);
      item.fill.style.setProperty('--share', String(row.dots / most));
      item.fill.style.setProperty('--n', String(Math.max(1, row.dots)));
      item.li.classList.toggle('is-top', row.dots > 0 && at[i] === 1);
      item.li.classList.toggle('is-zero', row.dots === 0);
      item.li.dataset.dots = String(row.dots);
      if (this.list.children[i] !== item.li) this.list.insertBefore(item.li, this.list.children[i] || null);
    });
    this.list.dataset.segmented = String(most <= SEGMENTED);
    this.order = rows.map((row) => row.id);
    this.fit();

    for (const [id, item] of this.items) {
      const d = delta(before, id, item.li);
      if (d) glide(item.li, d); else if (before.size) fadeIn(item.li);
    }
  }

  make(id) {
    const item = {
      place: el('span', { class: 'rank-place' }),
      label: el('span', { class: 'rank-label' }),
      fill: el('span', { class: 'rank-fill' }),
      total: el('span', { class: 'rank-total', 'aria-hidden': 'true' }),
      spoken: el('span', { class: 'visually-hidden' }),
    };
    item.li = el('li', { class: 'rank-row', dataset: { theme: id } }, item.place, item.label,
      el('span', { class: 'rank-bar', 'aria-hidden': 'true' }, item.fill), item.total, item.spoken);
    this.items.set(id, item);
    return item;
  }

  /** The largest type that holds every row; pages at the smallest when even that does not. */
  fit() {
    const list = this.list;
    if (!list.getClientRects().length) return; // another view is showing: fitted when shown
    const rows = [...this.items.values()].map((item) => item.li);
    for (const row of rows) row.hidden = false;
    const scale = Math.min(innerWidth / 1920, innerHeight / 1080);
    const fits = (size) => { // the pager counts a gap after the last row too: so does this
      list.style.setProperty('--rank-size', `${size.toFixed(1)}px`);
      const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
      const last = list.lastElementChild;
      const used = last ? last.getBoundingClientRect().bottom - list.getBoundingClientRect().top : 0;
      return used + gap + 4 <= list.clientHeight && list.scrollWidth <= list.clientWidth + 1; // 4: padding, rounding
    };
    let [low, high] = [SMALLEST * scale, LARGEST * scale];
    if (!fits(high)) {
      for (let i = 0; i < 7; i += 1) {
        const middle = (low + high) / 2;
        if (fits(middle)) low = middle; else high = middle;
      }
      fits(low);
    }
    this.pager.layout(rows, this.header);
  }

  clear() {
    clear(this.list);
    this.items.clear();
    this.order = [];
  }
}
