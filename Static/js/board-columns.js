// Columns view of the board: one live column per group, a card per note.
import { el, $, clear, setGroupColour, reachableIfScrolling } from './dom.js';
import { t, tn } from './i18n.js';
import { fitNotes, noteSizes, MAX_COLUMNS } from './note-fit.js';

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const overflows = (list) => list.scrollHeight > list.clientHeight + 2;

// A fade at the bottom says "more below"; it goes away once scrolled to the end. A column that
// scrolls takes keyboard focus (arrow keys then scroll it, board.js).
function markScroll(column) {
  const { list, col } = column;
  col.dataset.overflow = String(overflows(list));
  reachableIfScrolling(list);
  col.dataset.atEnd = String(list.scrollTop + list.clientHeight >= list.scrollHeight - 4);
}

export class Columns {
  constructor(box) {
    this.box = box;
    this.columns = new Map();
  }

  build(groups) {
    clear(this.box);
    this.columns.clear();
    groups.forEach((g, i) => {
      const nameId = `col-name-${i}`;
      const list = el('ol', { class: 'col-notes', 'aria-labelledby': nameId, onscroll: () => markScroll(this.columns.get(g.id)) });
      // The badges show a bare number; a screen reader hears the sentence beside it instead.
      const count = el('span', { class: 'count', 'aria-hidden': 'true' });
      const phones = el('span', { class: 'phones', 'aria-hidden': 'true' });
      const countSpoken = el('span', { class: 'visually-hidden' });
      const phonesSpoken = el('span', { class: 'visually-hidden' });
      const empty = el('li', { class: 'col-empty' }); // its text comes in counts(), once the workshop's language is known
      const col = setGroupColour(el('section', { class: 'group-col', dataset: { group: g.id } },
        el('header', { class: 'group-head' },
          el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon }),
          // The phones under the name: beside it they squeezed the name into broken words.
          el('div', { class: 'group-title' }, el('h2', { class: 'group-name', id: nameId, text: g.name }), phones, phonesSpoken),
          count, countSpoken),
        list), g.colour);
      this.box.append(col);
      this.columns.set(g.id, { col, list, count, countSpoken, phones, phonesSpoken, empty, cards: new Map() });
    });
  }

  place(note, animate) {
    const column = this.columns.get(note.group);
    if (!column) return;
    const existing = column.cards.get(note.id);
    if (existing) {
      existing.querySelector('.note-text').textContent = note.text;
      return;
    }
    const li = el('li', { class: 'note', dataset: { id: note.id } }, el('p', { class: 'note-text', text: note.text }));
    if (animate && !reducedMotion.matches) li.classList.add('note-arrive');
    column.cards.set(note.id, li);
    column.list.append(li);
    if (animate) requestAnimationFrame(() => li.scrollIntoView({ block: 'nearest', behavior: reducedMotion.matches ? 'auto' : 'smooth' }));
  }

  unplace(id) {
    for (const column of this.columns.values()) {
      const li = column.cards.get(id);
      if (li) { li.remove(); column.cards.delete(id); }
    }
  }

  /** Phones joined per group, small beside each column's note count. */
  joined(counts) {
    for (const [id, column] of this.columns) {
      const n = (counts && counts[id]) || 0;
      column.phones.textContent = `📱 ${n}`;
      column.phonesSpoken.textContent = tn('phones', n);
      column.phones.title = tn('phones', n);
    }
  }

  /** All notes anew, oldest first. */
  fill(notes) {
    for (const column of this.columns.values()) { clear(column.list); column.cards.clear(); }
    const sorted = [...notes.values()].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
    for (const note of sorted) this.place(note, false);
    this.counts();
  }

  counts() {
    let total = 0;
    for (const column of this.columns.values()) {
      const n = column.cards.size;
      total += n;
      column.count.textContent = String(n);
      column.countSpoken.textContent = tn('notes', n);
      column.empty.textContent = t('board.empty');
      if (!n && !column.empty.isConnected) column.list.append(column.empty);
      if (n && column.empty.isConnected) column.empty.remove();
    }
    $('#total').textContent = tn('notes', total);
    this.fit();
  }

  /**
   * Smaller type and more columns of notes as a column fills; once one must shrink, the question and
   * the QR code make room too (body.is-crowded). Full columns share one count of note columns, the
   * one whose smallest type is largest, so the board reads as one. A column scrolls only when even
   * the smallest type does not fit.
   */
  fit() {
    if (!this.box.getClientRects().length) return; // the themes view is showing: fitted when shown again
    const sizes = noteSizes();
    const fitAll = (n) => [...this.columns.values()].map((column) => fitNotes(column.col, column.list, n, sizes));
    document.body.classList.remove('is-crowded');
    if (fitAll(1).some((size) => size < sizes.largest)) {
      document.body.classList.add('is-crowded');
      let best = { n: 1, smallest: -1, total: -1 };
      for (let n = 1; n <= MAX_COLUMNS; n += 1) {
        const got = fitAll(n);
        const [smallest, total] = [Math.min(...got), got.reduce((a, b) => a + b, 0)];
        if (smallest > best.smallest || (smallest === best.smallest && total > best.total)) best = { n, smallest, total };
      }
      fitAll(best.n);
    }
    for (const column of this.columns.values()) markScroll(column);
  }
}
