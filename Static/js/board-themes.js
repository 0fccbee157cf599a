// Themes view of the board: one row per theme, one column per group, the notes in the cells.
import { el, clear, setGroupColour } from './dom.js';
import { t, tn, language } from './i18n.js';
import { snapshot, delta, glide, fadeIn } from './flip.js';
import { Pager } from './board-pages.js';

const NEW = 'new';
const OLDER = 'older';
const cardKeys = new WeakMap(); // card → what its text was built from
const fold = (s) => String(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Note text with the theme's reason words marked (text nodes and <mark> only). */
function highlighted(text, words) {
  const keys = (words || []).map(fold).filter((w) => w.length >= 3);
  if (!keys.length) return [text];
  return String(text).split(/([\p{L}\p{N}]+)/u).map((part, i) => {
    if (i % 2 === 0 || !part) return part;
    const f = fold(part);
    const hit = keys.some((k) => f === k || f.startsWith(k) || (f.length >= 4 && k.startsWith(f)));
    return hit ? el('mark', { class: 'reason', text: part }) : part;
  });
}

/**
 * Rows of the clustering: [{key, label, ids, reasons}]. Themes of a single note share one
 * "single notes" row, so fifteen loners do not push the real themes off the screen; the
 * notes no theme has yet come last, then (when themes used only the latest notes) the older ones.
 */
export function themeRows(themes, notes) {
  const seen = new Set();
  const rows = [];
  const loners = [];
  const byMeaning = Boolean(themes && themes.engine && themes.engine.kind === 'meaning');
  for (const theme of (themes && themes.themes) || []) {
    const ids = (theme.noteIds || []).filter((id) => notes.has(id) && !seen.has(id));
    ids.forEach((id) => seen.add(id));
    if (ids.length > 1) rows.push({ key: `t:${theme.id}`, label: theme.label, ids, reasons: theme.reasons || {}, byMeaning });
    else loners.push(...ids);
  }
  if (loners.length) rows.push({ key: 'loners', label: t('themes.loners'), ids: loners, kind: 'loners' });
  return withGroups(rows, notes, seen, themes && themes.window);
}

/** "themes from the latest 2,000 of 2,345 notes" when themes left the oldest notes out ('' otherwise); `sentence` capitalises it for a line of its own. */
export function windowLine(themes, { sentence = false } = {}) {
  const window = themes && themes.window;
  if (!window) return '';
  const format = (n) => n.toLocaleString(language());
  const line = t('themes.window', { n: format(window.clustered), total: format(window.total) });
  return sentence ? line[0].toUpperCase() + line.slice(1) : line;
}

/** "Grouped by meaning (model, on this laptop)" or "Grouped by shared words: why", for the trainer page. */
export function engineLine(themes) {
  const engine = themes && themes.engine;
  if (!engine) return '';
  if (engine.kind === 'meaning') return t('themes.byMeaning');
  return engine.note ? t('themes.byWordsWhy', { why: engine.note }) : t('themes.byWords');
}

/** Rows of the theory lens, in the framework's order, "other" last. */
export function lensRows(lens, notes, window) {
  const byTheme = new Map(lens.themes.map((theme) => [theme.id, []]));
  const other = [];
  const seen = new Set();
  for (const id of notes.keys()) {
    const assigned = lens.assignments && lens.assignments[id];
    if (assigned === undefined) continue;
    seen.add(id);
    (byTheme.get(assigned) || other).push(id);
  }
  const rows = lens.themes.map((theme) => ({
    key: `l:${theme.id}`, label: theme.label, description: theme.description, ids: byTheme.get(theme.id),
  }));
  rows.push({ key: 'l:other', label: t('themes.other'), ids: other, kind: 'other' });
  return withGroups(rows, notes, seen, window);
}

/** Notes older than the themes' window (`window.since`, ISO times compare as text) are in no theme for good. */
function withGroups(rows, notes, seen, window) {
  const rest = [...notes.keys()].filter((id) => !seen.has(id));
  const older = window ? rest.filter((id) => notes.get(id).createdAt < window.since) : [];
  const fresh = older.length ? rest.filter((id) => notes.get(id).createdAt >= window.since) : rest;
  if (fresh.length) rows.push({ key: NEW, label: t('themes.new'), ids: fresh, kind: NEW });
  if (older.length) rows.push({ key: OLDER, label: t('themes.older'), ids: older, kind: OLDER });
  for (const row of rows) row.groups = new Set(row.ids.map((id) => notes.get(id).group));
  return rows;
}

export class ThemesView {
  constructor(table, pageLabel) {
    this.table = table;
    this.pager = new Pager(table, pageLabel);
    table.addEventListener('scroll', () => this.markScroll(), { passive: true });
    this.groups = [];
    this.rows = new Map();   // key → {row, label, desc, meta, cells: Map(group → ol)}
    this.cards = new Map();  // note id → li
    this.order = [];
  }

  setGroups(groups) {
    this.groups = groups;
    clear(this.table);
    this.rows.clear();
    this.cards.clear();
    this.order = [];
    this.table.style.setProperty('--groups', String(groups.length));
    this.corner = el('div', { class: 'theme-corner', role: 'columnheader' });
    this.table.append(el('div', { class: 'theme-row theme-header', role: 'row' }, this.corner,
      groups.map((g) => setGroupColour(el('div', { class: 'group-head theme-group', role: 'columnheader', dataset: { group: g.id } },
        el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon }),
        el('span', { class: 'group-name', text: g.name })), g.colour))));
  }

  /** rows from themeRows/lensRows; sorted here unless `keepOrder` (the lens). */
  render(rows, notes, { keepOrder = false } = {}) {
    this.corner.textContent = t('themes.theme');
    const previous = new Map(this.order.map((key, i) => [key, i]));
    if (!keepOrder) {
      const rank = (row) => (previous.has(row.key) ? previous.get(row.key) : Infinity);
      const last = (row) => ({ loners: 1, [NEW]: 2, [OLDER]: 3 }[row.kind] || 0);
      rows.sort((a, b) => last(a) - last(b) || b.groups.size - a.groups.size
        || b.ids.length - a.ids.length || rank(a) - rank(b) || a.key.localeCompare(b.key));
    }
    const rowNodes = new Map([...this.rows].map(([key, r]) => [key, r.row]));
    const before = snapshot(new Map([...rowNodes, ...this.cards]));

    const keys = new Set(rows.map((r) => r.key));
    for (const [key, r] of this.rows) if (!keys.has(key)) { r.row.remove(); this.rows.delete(key); }
    for (const [id, card] of this.cards) if (!notes.has(id)) { card.remove(); this.cards.delete(id); }

    const parentOf = new Map();
    for (const row of rows) {
      const r = this.rows.get(row.key) || this.makeRow(row.key);
      this.fillRow(r, row, notes, parentOf);
      this.table.append(r.row);
    }
    this.order = rows.map((r) => r.key);
    this.table.dataset.density = 'normal';
    if (this.overflows()) this.table.dataset.density = 'compact';
    this.pager.layout(rows.map((row) => this.rows.get(row.key).row), this.table.firstElementChild);
    this.markScroll();

    const rowMoves = new Map();
    for (const [key, r] of this.rows) {
      const d = delta(before, key, r.row);
      rowMoves.set(key, d);
      if (d) glide(r.row, d); else fadeIn(r.row);
    }
    for (const [id, card] of this.cards) {
      const d = delta(before, id, card);
      if (d) glide(card, d, rowMoves.get(parentOf.get(id)));
      else if (before.size) fadeIn(card);
    }
  }

  overflows() { return this.table.scrollHeight > this.table.clientHeight + 2; }

  /** A fade at the bottom says "more below" until scrolled to the end. */
  markScroll() {
    const box = this.table;
    box.dataset.overflow = String(this.overflows());
    box.dataset.atEnd = String(box.scrollTop + box.clientHeight >= box.scrollHeight - 4);
  }

  makeRow(key) {
    const label = el('p', { class: 'theme-label' });
    const desc = el('p', { class: 'theme-desc' });
    const meta = el('p', { class: 'theme-meta' });
    const cells = new Map();
    const row = el('div', { class: 'theme-row', role: 'row', dataset: { theme: key } },
      el('div', { class: 'theme-head', role: 'rowheader' }, label, desc, meta));
    for (const g of this.groups) {
      const list = el('ol', { class: 'theme-notes' });
      row.append(setGroupColour(el('div', { class: 'theme-cell', role: 'cell', dataset: { group: g.id } }, list), g.colour));
      cells.set(g.id, list);
    }
    const r = { row, label, desc, meta, cells };
    this.rows.set(key, r);
    return r;
  }

  fillRow(r, row, notes, parentOf) {
    const span = row.groups.size;
    Object.assign(r.row.dataset, { span: String(span), kind: row.kind || 'theme' });
    const special = row.kind === NEW || row.kind === OLDER || row.kind === 'loners' || row.kind === 'other';
    r.row.classList.toggle('is-shared', !special && span > 1 && span === this.groups.length);
    r.row.classList.toggle('is-empty', row.ids.length === 0);
    r.label.textContent = row.label;
    r.desc.textContent = row.description || '';
    r.desc.hidden = !row.description;
    const dots = el('span', { class: 'spread', 'aria-hidden': 'true' },
      this.groups.map((g) => setGroupColour(el('span', { class: row.groups.has(g.id) ? 'dot is-on' : 'dot' }), g.colour)));
    const all = !special && span === this.groups.length && span > 1;
    clear(r.meta).append(dots,
      el('span', { class: all ? 'spread-all' : 'visually-hidden', text: all ? t('themes.allGroups') : t('themes.spread', { n: span, total: this.groups.length }) }),
      el('span', { text: tn('notes', row.ids.length) }));

    const sorted = row.ids.map((id) => notes.get(id)).sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
    for (const [groupId, list] of r.cells) {
      const mine = sorted.filter((n) => n.group === groupId);
      mine.forEach((note, i) => {
        const card = this.card(note, row.reasons && row.reasons[note.id], row.byMeaning);
        parentOf.set(note.id, row.key);
        if (list.children[i] !== card) list.insertBefore(card, list.children[i] || null);
      });
      while (list.children.length > mine.length) list.lastElementChild.remove();
    }
  }

  /** A note's card: its shared words marked, or, in a theme by meaning, "same meaning" when it shares none. */
  card(note, reasons, byMeaning = false) {
    let card = this.cards.get(note.id);
    if (!card) {
      card = el('li', { class: 'note theme-card', dataset: { id: note.id } }, el('p', { class: 'note-text' }));
      this.cards.set(note.id, card);
    }
    const sameMeaning = byMeaning && !(reasons && reasons.length);
    const key = JSON.stringify([note.text, reasons || [], sameMeaning]);
    if (cardKeys.get(card) !== key) {
      cardKeys.set(card, key);
      clear(card.firstChild).append(...highlighted(note.text, reasons));
      card.querySelector('.same-meaning')?.remove();
      if (sameMeaning) card.append(el('p', { class: 'same-meaning', text: t('themes.sameMeaning') }));
    }
    return card;
  }
}
