// Board "Votes" view (key R, or its button beside the other views): the shown question's themes
// ranked by the room's dots, live while voting is open (votes.changed), the final ranking after
// it closes, until the view is changed; an earlier question's votes the same way.
import { api } from './api.js';
import { el, $ } from './dom.js';
import { t, tn } from './i18n.js';
import { Ranking } from './board-ranking.js';

const LAYOUT = 'votes';
const state = { prefs: null, onChange: null, question: null, seen: null, votes: null, error: false, themes: null };
let ranking = null;
let loading = 0;

const showing = () => state.prefs.view === 'board' && state.prefs.layout === LAYOUT;

/** True when the shown question has been voted on (or voting is open): the view joins ← →. */
export const hasVotes = () => Boolean(state.votes && (state.votes.open || state.votes.voters > 0));

/** Once, from board.js: the view's button and the R key (votes, or back to the themes). */
export function installVotes(prefs, onChange) {
  Object.assign(state, { prefs, onChange });
  ranking = new Ranking($('#votes-list'), $('#votes-page'));
  $('#view-votes').addEventListener('click', () => { Object.assign(prefs, { view: 'board', layout: LAYOUT }); onChange(); });
  document.addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() !== 'r' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest && event.target.closest('input, textarea, select')) return;
    event.preventDefault();
    Object.assign(prefs, { view: 'board', layout: showing() ? 'themes' : LAYOUT });
    onChange();
  });
  window.addEventListener('resize', () => requestAnimationFrame(() => { if (showing()) ranking.fit(); }));
}

async function fetchVotes(question) {
  const mine = ++loading;
  try {
    const votes = await api.votes(question);
    if (mine !== loading) return; // the board moved on to another question meanwhile
    Object.assign(state, { votes, error: false });
  } catch {
    if (mine !== loading) return;
    Object.assign(state, { votes: null, error: true });
  }
  draw();
}

/** From board.js's renderView (after the summaries): `themes` are the shown question's. */
export function renderVotes(session, themes, question) {
  if (!ranking || !session) return;
  if (question !== state.question) Object.assign(state, { votes: null, themes: null });
  if (themes && (!themes.question || themes.question === question)) state.themes = themes;
  if (session !== state.seen || question !== state.question) { // a load, a session.changed, a step to another question
    state.seen = session;
    state.question = question;
    fetchVotes(question);
  }
  draw();
}

/** Turns the ranking's page (↑ ↓); false when the votes view is not showing. */
export function turnVotesPage(by) {
  if (!showing()) return false;
  ranking.pager.turn(by);
  return true;
}

function rowsOf() {
  const totals = (state.votes && state.votes.totals) || {};
  const all = ((state.themes && state.themes.themes) || []).map((theme) => ({
    id: theme.id, label: theme.label, notes: (theme.noteIds || []).length, dots: totals[theme.id] || 0,
  }));
  // A theme of one note without dots stays off the list (one line counts them), so the ranking holds still.
  const rows = all.filter((row) => row.dots > 0 || row.notes > 1);
  return { rows, rest: all.length - rows.length };
}

function draw() {
  if (!ranking || !state.prefs) return;
  const on = showing();
  const button = $('#view-votes');
  button.textContent = t('bv.view');
  button.hidden = !(on || hasVotes());
  button.setAttribute('aria-pressed', String(on));
  $('#votes').hidden = !on;
  document.body.classList.toggle('is-votes', on);
  for (const legend of document.querySelectorAll('.board-keys')) {
    if (!legend.querySelector('.legend-votes')) legend.append(el('span', { class: 'legend-item legend-votes' }, el('kbd', { text: 'R' }), ' ', t('bv.legend')));
  }
  if (!on) return;
  for (const id of ['#columns', '#themes', '#overlap', '#view-lens', '#qr']) $(id).hidden = true;
  for (const id of ['#view-columns', '#view-themes']) $(id).setAttribute('aria-pressed', 'false');

  const votes = state.votes || { open: false, dots: 0, voters: 0 };
  const pill = $('#votes-state');
  pill.hidden = !(votes.open || votes.voters > 0);
  pill.className = `pill ${votes.open ? 'pill-open' : 'pill-closed'}`;
  $('#votes-state-text').textContent = t(votes.open ? 'bv.open' : 'bv.final');
  $('#votes-voters').textContent = tn('bv.voters', votes.voters || 0);
  $('#votes-dots').textContent = votes.dots ? tn(votes.open ? 'bv.spread' : 'bv.dots', votes.dots) : '';

  const { rows, rest } = rowsOf();
  const note = $('#votes-note');
  const why = state.error ? 'bv.unavailable' : !rows.length ? 'bv.noThemes' : !votes.voters ? (votes.open ? 'bv.waiting' : 'bv.notYet') : '';
  note.hidden = !why;
  note.textContent = why ? t(why) : '';
  $('#votes-rest').hidden = !rest || !rows.length;
  $('#votes-rest').textContent = tn('bv.rest', rest);
  requestAnimationFrame(() => ranking.render(rows));
}

/** Handlers for board.js's subscribe(): live totals of the shown question. */
export const votesEvents = {
  'votes.changed': (data) => {
    if (!data || data.question !== state.question) return;
    loading += 1; // newer than an answer still on its way: that one is dropped
    state.votes = { ...(state.votes || {}), ...data };
    draw();
  },
};
