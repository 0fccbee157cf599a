// Join page for phones: pick a group, send notes for the question on screen, edit and delete
// them, and spread dots over the themes while the trainer has voting open.
import { api, currentQuestion, subscribe, uuid } from './api.js';
import { el, $, clear, setGroupColour, store, load } from './dom.js';
import { t, setLanguage, translatePage } from './i18n.js';
import { renderNotes } from './join-notes.js';
import { renderPicker } from './join-picker.js';
import { openOutbox, showError } from './join-send.js';
import { questionNumber, renderQuestion, tellSwitch } from './join-question.js';
import { initVoting, renderVoting, resyncVoting, votesChanged } from './join-voting.js';
import { errorMessage } from './errors.js';
import { renderPhase, adoptTimer, watchConnection } from './join-status.js';
import { makeActions } from './join-actions.js';
import { renderSummaryBox, summaryEvents } from './summary-box.js';
import { tellHidden, forgetHidden } from './join-hidden.js';

const LANG_KEY = 'samenspel.lang';
const DRAFT_KEY = 'samenspel.draft';
const tokenKey = (sessionId) => `samenspel.token.${sessionId}`;

// question: the id of the question this page shows (notes are written for it).
const state = { session: null, me: null, question: '', notes: new Map(), outbox: null, notice: '' };
const ui = { editing: null, editText: '', confirming: null, busy: null, error: null };
const text = $('#note-text');

function groupById(id) {
  return state.session && state.session.workshop.groups.find((g) => g.id === id);
}
const isClosed = () => !state.session || state.session.phase !== 'open';
/** Whether the list shows this note: its group's notes of the question on screen. */
const belongs = (note) => !note.question || !state.question || note.question === state.question;

function applyLanguage() {
  setLanguage(load(LANG_KEY) || (state.session && state.session.workshop.language) || 'nl');
  translatePage();
  for (const b of document.querySelectorAll('#lang-switch button')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === document.documentElement.lang));
  }
  render();
}

function render() {
  const s = state.session;
  $('#loading').hidden = Boolean(s);
  if (!s) return;
  document.title = `${s.workshop.title} · Samenspel`;
  $('#workshop-title').textContent = s.workshop.title;
  renderQuestion(s);
  $('#question-card').hidden = false;
  renderPhase(s);
  renderSummaryBox(s, state.me, state.question);
  const group = state.me && groupById(state.me.group);
  const voting = renderVoting(s, group ? state.me : null);
  if (voting) $('#closed').hidden = true; // the voting screen says what to do now
  $('#offline').textContent = t(voting ? 'vote.offline' : 'join.offline');
  $('#picker').hidden = Boolean(group);
  $('#joined').hidden = !group || voting;
  document.body.classList.toggle('is-joined', Boolean(group));
  if (!group) return renderPicker($('#group-buttons'), s, state.notice, joinGroup);

  const chip = setGroupColour(clear($('#my-group')), group.colour);
  chip.append(el('span', { class: 'group-icon', 'aria-hidden': 'true', text: group.icon }), el('span', { text: group.name }));
  const closed = isClosed();
  text.disabled = closed;
  $('#send').disabled = closed;
  $('#counter').textContent = t('join.counter', { n: text.value.length, max: 500 });
  // A note still waiting for an earlier question says which one it is for.
  const pending = (state.outbox ? state.outbox.items : []).map((item) => (
    item.question && item.question !== state.question ? { ...item, forQuestion: questionNumber(s, item.question) } : item));
  const mine = [...state.notes.values()].filter((n) => n.group === group.id && belongs(n));
  const count = renderNotes($('#notes'), { notes: mine, pending, group, closed, ui, actions });
  $('#notes-empty').hidden = count > 0;
  $('#mine-title').textContent = `${t('join.mine')} (${count})`;
}

async function joinGroup(groupId) {
  showError($('#error'), '');
  try {
    const res = await api.join(groupId);
    state.me = { token: res.token, group: res.group };
    state.notice = '';
    store(tokenKey(state.session.id), state.me);
    render();
    text.focus();
  } catch (e) {
    showError($('#error'), errorMessage(e));
  }
}

/** Leaves the group; `notice` is a catalogue key for the picker's banner. */
function leaveGroup(notice = '') {
  if (state.session) store(tokenKey(state.session.id), null);
  state.me = null;
  state.notice = notice;
  render();
}

// Adopt a session (first load, reload or session.changed).
function adopt(session) {
  const changed = !state.session || state.session.id !== session.id;
  const hadSession = Boolean(state.session);
  const before = state.question;
  state.session = session;
  state.question = currentQuestion(session).id;
  adoptTimer(session);
  if (!changed && before !== state.question) { // the trainer moved the room to another question
    state.notes.clear();
    Object.assign(ui, { editing: null, confirming: null, error: null });
    tellSwitch(session, before, state.question);
  }
  if (changed) {
    state.notes.clear();
    state.me = load(tokenKey(session.id));
    if (hadSession) state.notice = 'join.newSession'; // a key: shown in the new workshop's language
    state.outbox = openOutbox(session.id, {
      render, announce,
      keep: (note) => { if (belongs(note)) state.notes.set(note.id, note); },
      restore: (texts) => setDraft([text.value, ...texts].filter(Boolean).join('\n')),
      leave: () => leaveGroup('join.newSession'),
    });
  }
  applyLanguage();
}

async function refresh() {
  try {
    adopt(await api.session());
    showError($('#error'), '');
    if (state.me) {
      try {
        const me = await api.me(state.me.token);
        state.me.group = me.group;
      } catch (e) {
        if (e.status === 401) leaveGroup();
      }
    }
    const question = state.question;
    const notes = await api.notes(question || undefined);
    if (question === state.question) for (const note of notes) if (belongs(note)) state.notes.set(note.id, note);
    render();
    state.outbox.kick();
    resyncVoting();
  } catch (e) {
    showError($('#error'), e.network ? t('error.retrying') : t('error.load', { message: errorMessage(e) }));
    setTimeout(refresh, 3000);
  }
}

function setDraft(value) {
  text.value = value;
  store(DRAFT_KEY, value || null);
}

function announce(message) { $('#live').textContent = message; }

const actions = makeActions({ state, ui, render });

$('#compose').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = text.value.trim();
  showError($('#compose-error'), '');
  if (!value || isClosed() || !state.me) return;
  if (value.length > 500) return showError($('#compose-error'), t('join.tooLong', { max: 500 }));
  state.outbox.add(uuid(), value, state.me.token, state.question);
  setDraft('');
  render();
  text.focus();
});
text.addEventListener('input', () => { store(DRAFT_KEY, text.value || null); render(); });
text.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) $('#compose').requestSubmit();
});
$('#switch-group').addEventListener('click', () => leaveGroup());
for (const b of document.querySelectorAll('#lang-switch button')) {
  b.addEventListener('click', () => { store(LANG_KEY, b.dataset.lang); applyLanguage(); });
}
const streamStatus = watchConnection(() => { if (state.outbox) state.outbox.kick(); });

const upsert = (note) => {
  forgetHidden(note);
  const fresh = !state.notes.has(note.id) && !(state.outbox && state.outbox.has(note.id));
  if (state.outbox) state.outbox.acknowledge(note.id);
  if (!belongs(note)) return render(); // a note of another question (sent from a stale page)
  state.notes.set(note.id, note);
  if (fresh && state.me && note.group === state.me.group) announce(t('join.newNote', { text: note.text }));
  render();
};
subscribe({
  ...summaryEvents,
  'note.created': upsert,
  'note.updated': upsert,
  'note.deleted': (data) => { tellHidden(data, state); state.notes.delete(data.id); render(); },
  'session.changed': (session) => { adopt(session); if (state.me) refresh(); },
  'votes.changed': votesChanged,
}, { onResync: refresh, onStatus: streamStatus });

initVoting({ onRejoin: () => leaveGroup('join.newSession') });
setDraft(load(DRAFT_KEY, ''));
applyLanguage();
refresh();
