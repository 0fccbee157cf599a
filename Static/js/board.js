// Projector board: follows the phase and the question; live columns, themes or votes, QR panel, countdown, briefing, summary.
import { api, subscribe } from './api.js';
import * as spotlight from './board-spotlight.js';
import { $, store, load } from './dom.js';
import { t, setLanguage, translatePage } from './i18n.js';
import { installKeys, keepAwake, setView, applyColours } from './board-keys.js';
import { Columns } from './board-columns.js';
import { ThemesView } from './board-themes.js';
import { renderThemes as fillThemes, lensOn as lensOnFor } from './board-themes-render.js';
import { followPhase, renderPhase, renderTimer, renderSummary, renderLegend, toggleTimer, renderBriefing, renderJoinQr, showConnection } from './board-phase.js';
import { syncClock } from './clock.js';
import { errorMessage } from './errors.js';
import { installSummaries, renderSummaries, summaryEvents } from './board-summaries.js';
import { installQuestion, followQuestion, takeMoves, renderQuestion, shownQuestion } from './board-question.js';
import { installVotes, renderVotes, votesEvents, hasVotes, turnVotesPage } from './board-votes.js';

const PREFS_KEY = 'samenspel.board';
const prefs = { view: 'board', layout: 'columns', lens: false, slide: 0, qr: true, theme: null, ...load(PREFS_KEY, {}) };
const state = { session: null, notes: new Map(), themes: null, themesError: false };
const columns = new Columns($('#columns'));
const themesView = new ThemesView($('#themes-table'), $('#themes-page'));
const savePrefs = () => store(PREFS_KEY, prefs);

const applyTheme = () => applyColours(prefs);

const lensOn = () => lensOnFor(prefs, state);
const renderThemes = () => fillThemes(themesView, state, prefs);

async function loadThemes() {
  const question = shownQuestion(prefs);
  try {
    const themes = await api.themes(question);
    if (question !== shownQuestion(prefs)) return; // a step to another question meanwhile
    Object.assign(state, { themes, themesError: false });
  } catch {
    state.themesError = true;
  }
  renderView();
}

function renderSession() {
  const s = state.session;
  const moves = takeMoves(); // voting opened (the ranking comes up) or the trainer switched question
  setLanguage(s.workshop.language);
  translatePage();
  renderLegend();
  document.title = `${s.workshop.title} · Samenspel`;
  $('#workshop-title').textContent = s.workshop.title;
  renderQuestion(s, prefs);
  renderPhase($('#phase'), s.phase);
  document.body.dataset.phase = s.phase;
  renderJoinQr(s);
  renderTimer(s);
  followPhase(prefs, s.phase);
  if (moves.voting) setView(prefs, 'votes');
  else if (moves.switched && prefs.layout === 'votes') setView(prefs, 'columns'); // a new question: its notes
  savePrefs();
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
  $('#view-themes').setAttribute('aria-pressed', String(themes && !lensOn())); // the lens button speaks for the lens
  const lens = $('#view-lens');
  lens.hidden = !(themes && state.themes && state.themes.lens);
  lens.setAttribute('aria-pressed', String(lensOn()));
  const briefing = prefs.view === 'briefing';
  const summary = prefs.view === 'summary';
  $('#briefing').hidden = !briefing;
  $('#summary-view').hidden = !summary;
  $('#board').hidden = briefing || summary;
  if (briefing) renderBriefing(prefs, (s && s.workshop.briefing) || []);
  if (summary && s) renderSummary(s, state.notes);
  if (s) requestAnimationFrame(() => { columns.counts(); renderThemes(); });
  renderSummaries(s);
  renderVotes(s, state.themes, shownQuestion(prefs));
}

let loads = 0;
let replay = null; // note events that came in while a load was under way: applied again after it
async function load_() {
  const mine = ++loads;
  replay = [];
  try {
    const session = await api.session();
    followQuestion(prefs, session);
    const notes = await api.notes(shownQuestion(prefs));
    if (mine !== loads) return; // a newer load (a step to another question) is under way
    syncClock(session);
    const rebuild = !state.session || state.session.id !== session.id;
    state.session = session;
    state.notes = new Map(notes.map((n) => [n.id, n]));
    const events = replay;
    replay = null;
    if (rebuild) {
      columns.build(session.workshop.groups);
      themesView.setGroups(session.workshop.groups);
    }
    renderSession();
    columns.joined(session.joined);
    columns.fill(state.notes);
    events.forEach((event) => event()); // newer than what the load fetched
    if (session.spotlight) spotlight.follow(session.spotlight);
    loadThemes();
  } catch (e) {
    $('#question').textContent = t('error.load', { message: errorMessage(e) });
    setTimeout(load_, 3000);
  }
}

function upsert(note) {
  if (replay) replay.push(() => upsert(note));
  if (!state.session || (note.question && note.question !== shownQuestion(prefs))) return; // another question's
  const isNew = !state.notes.has(note.id);
  state.notes.set(note.id, note);
  columns.place(note, isNew);
  afterChange();
}

function remove(id) {
  if (replay) replay.push(() => remove(id));
  state.notes.delete(id);
  columns.unplace(id);
  afterChange();
}

function afterChange() {
  columns.counts();
  spotlight.refresh();
  renderThemes();
  if (prefs.view === 'summary') renderSummary(state.session, state.notes);
}

let shown = '';
const changed = () => {
  const view = `${prefs.view}/${prefs.layout}/${prefs.lens}`;
  if (view !== shown) $('#themes-table').scrollTop = 0; // a new view starts at its top
  shown = view;
  savePrefs();
  renderView();
};
// ↓ ↑ scroll the themes table (or turn its pages), or the column or summary that has keyboard focus.
const scroll = (pages) => {
  if (turnVotesPage(Math.sign(pages))) return;
  const themes = prefs.layout === 'themes' ? $('#themes-table') : null;
  const focused = document.activeElement;
  const box = themes || (focused && focused.matches('.col-notes, .summary-card-text') ? focused : null);
  if (themes && themesView.pager.count > 1) themesView.pager.turn(Math.sign(pages));
  else if (box) box.scrollBy({ top: pages * box.clientHeight * 0.8, behavior: 'smooth' });
};
installKeys(prefs, {
  applyTheme, onChange: changed, scroll, hasVotes,
  hasLens: () => Boolean(state.themes && state.themes.lens),
  slides: () => ((state.session && state.session.workshop.briefing) || []).length,
  toggleTimer: () => toggleTimer(state.session),
});
installSummaries(prefs, changed);
installVotes(prefs, changed);
installQuestion(prefs, () => { savePrefs(); load_(); });
spotlight.installSpotlight({
  note: (id) => state.notes.get(id),
  group: (id) => state.session && state.session.workshop.groups.find((g) => g.id === id),
});
for (const layout of ['columns', 'themes']) $(`#view-${layout}`).addEventListener('click', () => { prefs.layout = layout; changed(); });
$('#view-lens').addEventListener('click', () => { prefs.lens = !prefs.lens; changed(); });
keepAwake();
window.addEventListener('resize', () => requestAnimationFrame(() => columns.counts()));

subscribe({
  ...summaryEvents,
  ...votesEvents,
  'note.created': upsert,
  'note.updated': upsert,
  'note.deleted': (data) => remove(data.id),
  'session.changed': () => load_(),
  'session.spotlight': (data) => { if (state.session && data.session === state.session.id) spotlight.follow(data.note); },
  'session.joined': (data) => { if (state.session && data.session === state.session.id) columns.joined(data.joined); },
  'themes.changed': (data) => { // a board showing another question ignores them
    if (!data.question || data.question === shownQuestion(prefs)) { Object.assign(state, { themes: data, themesError: false }); renderView(); }
  },
}, { onStatus: showConnection, onResync: load_ });

applyTheme();
renderLegend();
load_();
