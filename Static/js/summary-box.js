// The phone's "Our summary" box: one text per group, written together on the group's phones.
// Saved as it is typed (debounced PUT), kept in localStorage until the server has it,
// retried with a growing pause; another phone's text never overwrites what is still unsaved here.
// One summary per question: the box holds the one of the question the room answers now.
import { api, summaryUrl } from './api.js';
import { el, $, load, store, formatTime } from './dom.js';
import { t, language } from './i18n.js';
import { errorMessage } from './errors.js';

const MAX = 2000;
const DELAY = 600;
const EDITABLE = new Set(['open', 'closed']);
const keyOf = (session, group, question) => `samenspel.summary.${session}.${group}${question ? `.${question}` : ''}`;

const box = {
  session: null, group: null, token: null, key: null, seen: null, question: '',
  pending: null, // text typed here that the server has not acknowledged yet
  saving: false, timer: null, attempt: 0, savedAt: null, message: '',
};
let area = null;

function build(root) {
  area = el('textarea', {
    id: 'summary-text', rows: 5, maxlength: MAX, autocomplete: 'off',
    'aria-describedby': 'summary-hint summary-status',
    oninput: () => {
      box.pending = area.value;
      store(box.key, box.pending);
      box.message = '';
      schedule(DELAY);
      paint();
    },
  });
  root.append(
    el('label', { for: 'summary-text', class: 'summary-box-title', text: t('sbox.title') }),
    el('p', { id: 'summary-hint', class: 'muted small', text: t('sbox.hint') }),
    area,
    el('p', { class: 'summary-box-foot small' },
      el('span', { id: 'summary-status', class: 'summary-status', 'aria-live': 'polite' }),
      el('span', { id: 'summary-counter', class: 'muted', 'aria-hidden': 'true' })));
  window.addEventListener('online', () => schedule(0));
}

function paint() {
  const root = $('#group-summary');
  root.querySelector('.summary-box-title').textContent = t('sbox.title');
  $('#summary-hint').textContent = t('sbox.hint');
  $('#summary-counter').textContent = t('join.counter', { n: area.value.length, max: MAX });
  let status = box.message;
  if (!status && box.pending === null && box.savedAt) status = t('sbox.saved', { time: formatTime(box.savedAt, language()) });
  const node = $('#summary-status');
  if (node.textContent !== status) node.textContent = status;
  node.dataset.state = box.message ? 'problem' : 'ok';
}

function schedule(delay) {
  clearTimeout(box.timer);
  box.timer = setTimeout(save, delay);
}

async function save() {
  box.timer = null;
  if (box.saving || box.pending === null || !box.token) return;
  const { key, token, group, question } = box;
  const text = box.pending;
  if (text.length > MAX) { box.message = t('join.tooLong', { max: MAX }); paint(); return; }
  box.saving = true;
  try {
    const saved = await api.saveSummary(token, group, text, question || undefined);
    box.attempt = 0;
    box.message = '';
    if (key === box.key && box.pending === text) {
      box.pending = null;
      store(key, null);
      box.savedAt = saved && saved.updatedAt;
    }
  } catch (e) {
    if (e.network || !e.status || e.status >= 500 || e.status === 408 || e.status === 429) {
      box.message = t('sbox.waiting');
      const pause = e.retryAfter ? e.retryAfter * 1000 : Math.min(30000, 1000 * 2 ** box.attempt);
      box.attempt += 1;
      box.saving = false;
      schedule(pause);
      paint();
      return;
    }
    box.message = e.status === 409 ? t('sbox.closed') : errorMessage(e); // kept on this phone
  }
  box.saving = false;
  if (key === box.key && box.pending !== null && box.pending !== text && !box.timer) schedule(DELAY);
  paint();
}

/** Another phone of the group saved (or the first load): take its text unless this one has unsaved typing. */
function applyRemote(summary) {
  if (!summary || summary.group !== box.group || !area) return;
  if (summary.question && box.question && summary.question !== box.question) return; // another question's
  const text = summary.text || '';
  if (box.pending !== null) {
    if (box.pending !== text) return; // ours goes to the server next and wins
    box.pending = null;
    store(box.key, null);
  }
  box.savedAt = summary.updatedAt;
  if (area.value !== text) {
    const focused = document.activeElement === area;
    const caret = focused ? [area.selectionStart, area.selectionEnd] : null;
    area.value = text;
    if (caret) area.setSelectionRange(Math.min(caret[0], text.length), Math.min(caret[1], text.length));
  }
  paint();
}

async function fetchRemote() {
  const { group, question } = box;
  try {
    const all = await api.summaries(question || undefined);
    if (group === box.group && question === box.question) applyRemote(all[group] || { group, text: '', updatedAt: null });
  } catch { /* the next session.changed or reconnect tries again */ }
}

/** Text typed for the question the room just left: saved there (kept here if that fails). */
function saveLeftover(key, token, group, question, text) {
  api.saveSummary(token, group, text, question || undefined).then(() => store(key, null), () => {});
}

/** Called by join.js on every render: the session, the phone's {token, group} or null, the question id. */
export function renderSummaryBox(session, me, question = '') {
  const root = $('#group-summary');
  if (!root || !session) return;
  const published = Boolean(session.publishedAt);
  $('#take-summary').hidden = !published;
  $('#take-summary').href = summaryUrl(session);
  $('#summary-link').href = summaryUrl(session);
  if (published) $('#summary-link').hidden = true; // the one prominent button is enough
  const group = me && me.group;
  root.hidden = !group || !EDITABLE.has(session.phase);
  if (!group) { box.group = null; return; }
  if (!area) build(root);
  // While the brainstorm runs the notes come first; in the discussion the summary leads.
  const anchor = session.phase === 'open' ? $('#notes-empty') : $('#joined .group-row');
  if (anchor && anchor.nextElementSibling !== root) anchor.after(root);
  const key = keyOf(session.id, group, question);
  if (key !== box.key) {
    if (box.pending !== null && box.token && box.group === group && box.session === session.id) {
      saveLeftover(box.key, box.token, box.group, box.question, box.pending);
    }
    clearTimeout(box.timer);
    Object.assign(box, { key, group, question, session: session.id, pending: load(key), savedAt: null, message: '', attempt: 0, seen: null, timer: null });
    area.value = box.pending || '';
  }
  box.token = me.token;
  if (session !== box.seen) { // a new session object: first load, phase change or reconnect
    box.seen = session;
    fetchRemote();
    if (box.pending !== null && !box.saving) schedule(0);
  }
  area.disabled = !EDITABLE.has(session.phase);
  paint();
}

/** Handlers for join.js's subscribe(): live summaries of the group's other phones. */
export const summaryEvents = { 'summary.updated': applyRemote };
