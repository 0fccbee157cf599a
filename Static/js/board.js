// Projector board: one live column per group or one row per theme, QR panel, briefing slides.
import { api, subscribe } from './api.js';
import { el, $, clear, setGroupColour, store, load, renderBody } from './dom.js';
import { t, tn, setLanguage, translatePage } from './i18n.js';
import { installKeys, keepAwake } from './board-keys.js';
import { ThemesView, themeRows, lensRows } from './board-themes.js';
import { renderOverlap } from './board-overlap.js';
import { errorMessage } from './errors.js';

const PREFS_KEY = 'samenspel.board';
const prefs = { view: 'board', layout: 'columns', lens: false, slide: 0, qr: true, theme: null, ...load(PREFS_KEY, {}) };
const state = { session: null, notes: new Map(), columns: new Map(), themes: null, themesError: false };
const themesView = new ThemesView($('#themes-table'));
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const savePrefs = () => store(PREFS_KEY, prefs);

function applyTheme() {
  if (prefs.theme) document.documentElement.dataset.theme = prefs.theme;
  else delete document.documentElement.dataset.theme;
}

function buildColumns() {
  const box = clear($('#columns'));
  state.columns.clear();
  for (const g of state.session.workshop.groups) {
    const list = el('ol', { class: 'col-notes', onscroll: () => markScroll(state.columns.get(g.id)) });
    const count = el('span', { class: 'count' });
    const empty = el('li', { class: 'col-empty', text: t('board.empty') });
    const col = setGroupColour(el('section', { class: 'group-col', dataset: { group: g.id } },
      el('header', { class: 'group-head' },
        el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon }),
        el('h2', { class: 'group-name', text: g.name }),
        count),
      list), g.colour);
    box.append(col);
    state.columns.set(g.id, { col, list, count, empty, cards: new Map() });
  }
  themesView.setGroups(state.session.workshop.groups);
}

const showingThemes = () => prefs.layout === 'themes' && prefs.view !== 'briefing';
const lensOn = () => Boolean(prefs.lens && state.themes && state.themes.lens);

function renderThemes() {
  if (!state.session || !showingThemes()) return;
  const lens = lensOn();
  const rows = lens ? lensRows(state.themes.lens, state.notes) : themeRows(state.themes, state.notes);
  themesView.render(rows, state.notes, { keepOrder: lens });
  const counted = rows.filter((r) => !r.kind);
  $('#themes-title').textContent = lens ? `${t('board.lens')}: ${state.themes.lens.name}` : tn('themes.count', counted.length);
  const note = $('#themes-note');
  note.hidden = !(state.themesError || !state.notes.size);
  note.textContent = state.themesError ? t('themes.unavailable') : t('board.empty');
  renderOverlap($('#overlap-figure'), $('#overlap-top'), state.session.workshop.groups, counted);
}

async function loadThemes() {
  try {
    state.themes = await api.themes();
    state.themesError = false;
  } catch {
    state.themesError = true;
  }
  renderView();
}

function card(note, animate) {
  const li = el('li', { class: 'note', dataset: { id: note.id } }, el('p', { class: 'note-text', text: note.text }));
  if (animate && !reducedMotion.matches) li.classList.add('note-arrive');
  return li;
}

function place(note, animate) {
  const column = state.columns.get(note.group);
  if (!column) return;
  const existing = column.cards.get(note.id);
  if (existing) {
    existing.querySelector('.note-text').textContent = note.text;
    return;
  }
  const li = card(note, animate);
  column.cards.set(note.id, li);
  column.list.append(li);
  if (animate) requestAnimationFrame(() => li.scrollIntoView({ block: 'nearest', behavior: reducedMotion.matches ? 'auto' : 'smooth' }));
}

function unplace(id) {
  for (const column of state.columns.values()) {
    const li = column.cards.get(id);
    if (li) { li.remove(); column.cards.delete(id); }
  }
}

function renderNotes() {
  for (const column of state.columns.values()) { clear(column.list); column.cards.clear(); }
  const sorted = [...state.notes.values()].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  for (const note of sorted) place(note, false);
  renderCounts();
}

function renderCounts() {
  let total = 0;
  for (const column of state.columns.values()) {
    const n = column.cards.size;
    total += n;
    column.count.textContent = String(n);
    column.count.setAttribute('aria-label', tn('notes', n));
    if (!n && !column.empty.isConnected) column.list.append(column.empty);
    if (n && column.empty.isConnected) column.empty.remove();
    // Condense a column that no longer fits; it still scrolls when even that is too much.
    column.col.dataset.density = 'normal';
    if (overflows(column.list)) column.col.dataset.density = 'compact';
    markScroll(column);
  }
  $('#total').textContent = tn('notes', total);
}

const overflows = (list) => list.scrollHeight > list.clientHeight + 2;

// A fade at the bottom says "more below"; it goes away once scrolled to the end.
function markScroll(column) {
  const { list, col } = column;
  col.dataset.overflow = String(overflows(list));
  col.dataset.atEnd = String(list.scrollTop + list.clientHeight >= list.scrollHeight - 4);
}

function renderSession() {
  const s = state.session;
  setLanguage(s.workshop.language);
  translatePage();
  document.title = `${s.workshop.title} · Samenspel`;
  $('#workshop-title').textContent = s.workshop.title;
  $('#question').textContent = s.workshop.question;
  const open = s.phase === 'open';
  const phase = $('#phase');
  phase.hidden = false;
  phase.className = `pill ${open ? 'pill-open' : 'pill-closed'}`;
  clear(phase).append(el('span', { text: t(open ? 'phase.open' : 'phase.closed') }));
  $('#join-url').textContent = s.joinUrl || '';
  const img = $('#qr-img');
  img.alt = t('board.qrAlt', { url: s.joinUrl || '' });
  renderView();
}

function renderView() {
  const s = state.session;
  const themes = prefs.layout === 'themes';
  $('#qr').hidden = !(s && s.phase === 'open' && prefs.qr);
  $('#columns').hidden = themes;
  $('#themes').hidden = !themes;
  $('#overlap').hidden = !themes || lensOn();
  document.body.classList.toggle('is-themes', themes);
  $('#view-columns').setAttribute('aria-pressed', String(!themes));
  $('#view-themes').setAttribute('aria-pressed', String(themes));
  const lens = $('#view-lens');
  lens.hidden = !(themes && state.themes && state.themes.lens);
  lens.setAttribute('aria-pressed', String(lensOn()));
  const slides = (s && s.workshop.briefing) || [];
  const briefing = prefs.view === 'briefing';
  $('#briefing').hidden = !briefing;
  $('#board').hidden = briefing;
  if (briefing) {
    prefs.slide = Math.max(0, Math.min(prefs.slide, slides.length - 1));
    const slide = slides[prefs.slide];
    $('#slide-count').textContent = slide ? `${t('board.briefing')} · ${t('board.slide', { n: prefs.slide + 1, total: slides.length })}` : t('board.briefing');
    $('#slide-title').textContent = slide ? slide.title : t('board.noBriefing');
    clear($('#slide-body')).append(renderBody(slide ? slide.body : ''));
  }
  if (s) requestAnimationFrame(() => { renderCounts(); renderThemes(); });
}

async function load_() {
  try {
    const [session, notes] = await Promise.all([api.session(), api.notes()]);
    const rebuild = !state.session || state.session.id !== session.id;
    state.session = session;
    state.notes = new Map(notes.map((n) => [n.id, n]));
    if (rebuild) buildColumns();
    renderSession();
    renderNotes();
    loadThemes();
  } catch (e) {
    $('#question').textContent = t('error.load', { message: errorMessage(e) });
    setTimeout(load_, 3000);
  }
}

function upsert(note) {
  if (!state.session) return;
  const isNew = !state.notes.has(note.id);
  state.notes.set(note.id, note);
  place(note, isNew);
  renderCounts();
  renderThemes();
}

function remove(id) {
  state.notes.delete(id);
  unplace(id);
  renderCounts();
  renderThemes();
}

let shown = '';
const changed = () => {
  const view = `${prefs.view}/${prefs.layout}/${prefs.lens}`;
  if (view !== shown) $('#themes-table').scrollTop = 0; // a new view starts at its top
  shown = view;
  savePrefs();
  renderView();
};
const scroll = (pages) => {
  const box = prefs.layout === 'themes' ? $('#themes-table') : null;
  if (box) box.scrollBy({ top: pages * box.clientHeight * 0.8, behavior: 'smooth' });
};
installKeys(prefs, { applyTheme, onChange: changed, scroll });
$('#view-columns').addEventListener('click', () => { prefs.layout = 'columns'; changed(); });
$('#view-themes').addEventListener('click', () => { prefs.layout = 'themes'; changed(); });
$('#view-lens').addEventListener('click', () => { prefs.lens = !prefs.lens; changed(); });
keepAwake();
window.addEventListener('resize', () => requestAnimationFrame(renderCounts));

subscribe({
  'note.created': upsert,
  'note.updated': upsert,
  'note.deleted': (data) => remove(data.id),
  'session.changed': () => load_(),
  'themes.changed': (data) => { state.themes = data; state.themesError = false; renderView(); },
}, {
  onStatus: (status) => {
    const conn = $('#conn');
    conn.hidden = status === 'live';
    conn.textContent = t('status.reconnecting');
  },
  onResync: load_,
});

applyTheme();
load_();
