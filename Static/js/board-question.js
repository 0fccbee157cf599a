// Which of the workshop's questions the board shows: the one the room answers now, or, while the
// group discusses, an earlier one (‹ › beside "Question 1 of 2", or the [ and ] keys), clearly
// marked as earlier, with a button back. When the trainer moves the room to another question, or
// opens voting, every board goes to the current question.
import { questionsOf } from './api.js';
import { el, $ } from './dom.js';
import { t } from './i18n.js';

const ctx = { prefs: null, onShow: () => {}, session: null, moves: {} };

const currentOf = (session) => session.question || questionsOf(session)[0].id;
const ids = (session) => questionsOf(session).map((q) => q.id);

/**
 * From load_, before the notes are fetched: keeps prefs.question = {session, current, shown, voting}
 * in step with the session. Notes what moved (takeMoves): {switched}, the trainer moved the room to
 * another question; {voting}, voting just opened (the board then shows the current question's ranking).
 */
export function followQuestion(prefs, session) {
  const was = prefs.question || {};
  const current = currentOf(session);
  const votingKey = session.voting && session.voting.open ? `${session.id}/${current}` : ''; // '' once closed: a reopening counts
  const fresh = was.session !== session.id;
  const switched = !fresh && was.current !== current;
  const voting = Boolean(votingKey) && votingKey !== was.voting;
  const list = ids(session);
  const shownAt = list.indexOf(was.shown);
  const keep = !fresh && !switched && !voting && shownAt >= 0 && shownAt <= list.indexOf(current);
  prefs.question = { session: session.id, current, shown: keep ? was.shown : current, voting: votingKey };
  ctx.moves = { switched: ctx.moves.switched || switched, voting: ctx.moves.voting || voting };
}

/** What moved since the last call (a load that a newer one overtook leaves its moves for that one). */
export function takeMoves() {
  const { moves } = ctx;
  ctx.moves = {};
  return moves;
}

/** The id of the question on screen. */
export const shownQuestion = (prefs) => (prefs.question && prefs.question.shown) || undefined;

/** True when the board shows an earlier question than the room's current one. */
export const showingEarlier = (prefs) => Boolean(prefs.question && prefs.question.shown !== prefs.question.current);

/** One question back (-1) or towards the current one (1); never past the current question. */
export function stepQuestion(by) {
  const { prefs, session } = ctx;
  if (!session || !prefs.question) return;
  const list = ids(session);
  const last = list.indexOf(prefs.question.current);
  const at = list.indexOf(prefs.question.shown);
  const next = Math.max(0, Math.min(last, at + by));
  if (next === at || next < 0) return;
  prefs.question.shown = list[next];
  ctx.onShow();
}

function backToCurrent() {
  if (!ctx.prefs.question || !showingEarlier(ctx.prefs)) return;
  ctx.prefs.question.shown = ctx.prefs.question.current;
  ctx.onShow();
}

/** Once, from board.js: `onShow()` saves the prefs and loads the shown question's notes. */
export function installQuestion(prefs, onShow) {
  Object.assign(ctx, { prefs, onShow });
  $('#question-prev').addEventListener('click', () => stepQuestion(-1));
  $('#question-next').addEventListener('click', () => stepQuestion(1));
  $('#question-back').addEventListener('click', backToCurrent);
  document.addEventListener('keydown', (event) => {
    if (event.metaKey || (event.ctrlKey && !event.altKey)) return; // AltGr types [ and ] on some layouts
    if (event.target.closest && event.target.closest('input, textarea, select')) return;
    const by = { '[': -1, ']': 1 }[event.key];
    if (!by) return;
    event.preventDefault();
    stepQuestion(by);
  });
}

/** The heading: the shown question, "Question 1 of 2", and when it is an earlier one, so marked. */
export function renderQuestion(session, prefs) {
  ctx.session = session;
  const list = questionsOf(session);
  const shown = shownQuestion(prefs) || currentOf(session);
  const at = Math.max(0, list.findIndex((q) => q.id === shown));
  const current = list.findIndex((q) => q.id === currentOf(session));
  const earlier = at !== current;
  $('#question').textContent = list[at].text;
  const several = list.length > 1;
  $('#question-nav').hidden = !several;
  $('#question-count').textContent = t('bq.count', { n: at + 1, total: list.length });
  $('#question-prev').disabled = at === 0;
  $('#question-next').disabled = at >= current;
  $('#question-earlier').hidden = !earlier;
  const back = $('#question-back');
  back.hidden = !earlier;
  back.textContent = t('bq.toCurrent', { n: current + 1 });
  document.body.classList.toggle('is-earlier', several && earlier);
  for (const legend of document.querySelectorAll('.board-keys')) {
    const item = legend.querySelector('.legend-question');
    if (item) item.hidden = !several;
    else if (several) legend.append(el('span', { class: 'legend-item legend-question' }, el('kbd', { text: '[ ]' }), ' ', t('bq.legend')));
  }
}
