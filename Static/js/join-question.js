// The question the room answers now: its text, "Question 2 of 2" when there are several,
// and a calm word when the trainer moves the room to another one.
import { currentQuestion } from './api.js';
import { $ } from './dom.js';
import { t } from './i18n.js';

const NOTICE_MS = 12000;
let noticeTimer = null;
let noticeKey = '';
let shown = null; // the session last rendered

/** Position of a question id in the session's list (1-based), 0 when unknown. */
export function questionNumber(session, id) {
  const list = (session && session.questions) || [];
  return list.findIndex((q) => q.id === id) + 1;
}

/** Fills the question card: the text, the step when there are several, the notice. */
export function renderQuestion(session) {
  shown = session;
  const q = currentQuestion(session);
  const heading = $('#question');
  if (heading.textContent !== q.text) heading.textContent = q.text;
  const step = $('#question-step');
  step.hidden = q.total < 2;
  step.textContent = q.total < 2 ? '' : t('q.step', { n: q.index, total: q.total });
  $('#question-card').dataset.question = q.id;
  const notice = $('#question-notice');
  notice.hidden = !noticeKey;
  notice.textContent = noticeKey ? t(noticeKey) : '';
}

/** The page moved from question `from` to `to` (ids) while it was open: say so for a while. */
export function tellSwitch(session, from, to) {
  noticeKey = questionNumber(session, to) < questionNumber(session, from) ? 'q.movedBack' : 'q.movedOn';
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { noticeKey = ''; renderQuestion(shown); }, NOTICE_MS);
  renderQuestion(session);
}
