// Trainer: the workshop's questions in order, the one the room answers now marked, a button to
// move the room to another; and which question's notes the notes list shows. Only with several.
import { el, $, clear } from './dom.js';
import { t } from './i18n.js';

function item(q, i, round, ask) {
  const now = q.id === round.current;
  const textId = `q-text-${q.id}`;
  return el('li', {
    class: `question-item${now ? ' is-current' : ''}`, dataset: { question: q.id }, 'aria-current': now ? 'true' : null,
  },
  el('span', { class: 'question-n', 'aria-hidden': 'true', text: String(i + 1) }),
  el('p', { class: 'question-text', id: textId },
    el('span', { class: 'visually-hidden', text: `${t('tq.n', { n: i + 1 })}: ` }), q.text),
  now
    ? el('span', { class: 'badge badge-now', text: t('tq.now') })
    : el('button', {
      type: 'button', class: 'btn btn-small', 'aria-describedby': textId,
      dataset: { action: 'ask', question: q.id, focus: `ask:${q.id}` }, onclick: () => ask(q.id),
    }, t('tq.ask')));
}

/** actions = { ask(id): move the room to that question, view(id): show that question's notes } */
export function renderQuestions(s, round, { ask, view }) {
  const questions = s.questions || [];
  const several = questions.length > 1;
  $('.trainer-questions').hidden = !several;
  $('#view-question-box').hidden = !several;
  if (!several) return;
  clear($('#question-list')).append(...questions.map((q, i) => item(q, i, round, ask)));
  const select = $('#view-question');
  if (!select.onchange) select.onchange = () => view(select.value);
  clear(select).append(...questions.map((q, i) => el('option', {
    value: q.id,
    text: `${t('tq.n', { n: i + 1 })}${q.id === round.current ? ` (${t('tq.nowShort')})` : ''}: ${q.text}`,
  })));
  select.value = round.viewed;
}
