// Trainer: the questions of the workshop (which one the room answers now, which one the notes
// list shows) and dot voting. trainer.js's refresh calls loadRound, its events takeThemes and
// takeVotes, its render renderRound.
import { api, currentQuestion, questionsOf } from './api.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { renderQuestions } from './trainer-questions.js';
import { renderVoting } from './trainer-voting.js';

/** viewing: the question the trainer chose to look at (null: follow the current one). */
export const round = { session: null, viewing: null, viewed: null, current: null, votes: null, currentThemes: null };
let last = null; // the arguments of the last renderRound, for a live votes update

const idsOf = (s) => (s.questions || []).map((q) => q.id);
const currentOf = (s) => s.question || idsOf(s)[0] || null;
const questionOf = (themes) => (themes && themes.question) || null;

/** After each overview: the viewed question's notes and themes, the current question's votes. */
export async function loadRound(overview, state) {
  const s = overview.session;
  if (round.session !== s.id) Object.assign(round, { session: s.id, viewing: null, votes: null, currentThemes: null });
  round.current = currentOf(s);
  round.viewed = round.viewing && idsOf(s).includes(round.viewing) ? round.viewing : round.current;
  // Until the server lists every note (hidden ones too) in the overview, fall back to the public list.
  const all = Array.isArray(overview.notes) ? overview.notes : await api.notes(round.viewed);
  state.allNotes = all;
  state.notes = all.filter((n) => !n.question || n.question === round.viewed);
  if (!state.themes || (questionOf(state.themes) && questionOf(state.themes) !== round.viewed)) {
    state.themes = await api.themes(round.viewed).catch(() => null);
  }
  if (round.viewed === round.current) round.currentThemes = state.themes;
  else if (questionOf(round.currentThemes) !== round.current) {
    round.currentThemes = await api.themes(round.current).catch(() => null);
  }
  round.votes = await api.votes(round.current).catch(() => round.votes);
}

/** A themes.changed event: one question's themes; kept for the views that show that question. */
export function takeThemes(state, themes) {
  const q = questionOf(themes);
  if (!q || q === round.viewed) state.themes = themes;
  if (!q || q === round.current) round.currentThemes = themes;
}

/** A votes.changed event: the new totals of the current question, drawn at once. */
export function takeVotes(votes, keepFocus) {
  if (votes.question && round.current && votes.question !== round.current) return;
  round.votes = { ...(round.votes || {}), ...votes };
  if (last) keepFocus(() => renderVoting(last.session, round, last.actions));
}

/** Whether the notes and themes shown are another question's than the room answers now. */
export const viewingOther = () => Boolean(round.viewed && round.current && round.viewed !== round.current);

/** From trainer.js's render: the question card, the notes list's choice of question, the voting card. */
export function renderRound(s, run) {
  $('#content').dataset.phase = s.phase; // the layout puts voting first in the discussion
  $('#question').textContent = currentQuestion(s).text;
  // The button pressed goes away (the question is current, voting open or closed): focus moves on.
  const then = (selector) => () => { const next = $(selector); if (next && !next.closest('[hidden]')) next.focus(); };
  const actions = {
    ask: (id) => run(async () => { round.viewing = null; await api.trainer.question(id); }).then(then('#questions-title')),
    view: (id) => run(async () => { round.viewing = id === round.current ? null : id; }),
    open: (dots) => run(() => api.trainer.voting(true, dots)).then(then('#vote-close')),
    close: () => run(() => api.trainer.voting(false)).then(then('#vote-open-btn')),
  };
  renderQuestions(s, round, actions);
  const other = viewingOther();
  $('#view-other').hidden = !other;
  $('#themes-other').hidden = !other;
  $('#themes-hint').hidden = other;
  if (other) {
    const n = questionsOf(s).findIndex((q) => q.id === round.viewed) + 1;
    $('#view-other').textContent = t('tq.viewingOther', { n, now: currentQuestion(s).index });
  }
  last = { session: s, actions };
  renderVoting(s, round, actions);
}
