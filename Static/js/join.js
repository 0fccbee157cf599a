// Join page for phones: pick a group, send notes, edit and delete them.
import { api, subscribe, uuid } from './api.js';
import { el, $, clear, setGroupColour, store, load } from './dom.js';
import { t, tn, setLanguage, translatePage } from './i18n.js';
import { Outbox } from './outbox.js';
import { renderNotes } from './join-notes.js';
import { errorMessage } from './errors.js';
import { renderPhase, adoptTimer, watchConnection } from './join-status.js';
import { makeActions } from './join-actions.js';
import { renderSummaryBox, summaryEvents } from './summary-box.js';
import { tellHidden, forgetHidden } from './join-hidden.js';

const LANG_KEY = 'samenspel.lang';
const DRAFT_KEY = 'samenspel.draft';
const tokenKey = (sessionId) => `samenspel.token.${sessionId}`;

const state = { session: null, me: null, notes: new Map(), outbox: null, notice: '', waitNotice: false };
const ui = { editing: null, editText: '', confirming: null, busy: null, error: null };
const text = $('#note-text');

function groupById(id) {
  return state.session && state.session.workshop.groups.find((g) => g.id === id);
}
const isClosed = () => !state.session || state.session.phase !== 'open';

function applyLanguage() {
  setLanguage(load(LANG_KEY) || (state.session && state.session.workshop.language) || 'nl');
  translatePage();
  for (const b of document.querySelectorAll('#lang-switch button')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === document.documentElement.lang));
  }
  render();
}

function showError(node, message) {
  node.textContent = message || '';
  node.hidden = !message;
}

function render() {
  const s = state.session;
  $('#loading').hidden = Boolean(s);
  if (!s) return;
  document.title = `${s.workshop.title} · Samenspel`;
  $('#workshop-title').textContent = s.workshop.title;
  $('#question').textContent = s.workshop.question;
  $('#question-card').hidden = false;
  renderPhase(s);
  renderSummaryBox(s, state.me);
  const group = state.me && groupById(state.me.group);
  $('#picker').hidden = Boolean(group);
  $('#joined').hidden = !group;
  document.body.classList.toggle('is-joined', Boolean(group));
  if (!group) return renderPicker();

  const chip = setGroupColour(clear($('#my-group')), group.colour);
  chip.append(el('span', { class: 'group-icon', 'aria-hidden': 'true', text: group.icon }), el('span', { text: group.name }));
  const closed = isClosed();
  text.disabled = closed;
  $('#send').disabled = closed;
  $('#counter').textContent = t('join.counter', { n: text.value.length, max: 500 });
  const pending = state.outbox ? state.outbox.items : [];
  const mine = [...state.notes.values()].filter((n) => n.group === group.id);
  const count = renderNotes($('#notes'), { notes: mine, pending, group, closed, ui, actions });
  $('#notes-empty').hidden = count > 0;
  $('#mine-title').textContent = `${t('join.mine')} (${count})`;
}

function renderPicker() {
  const box = clear($('#group-buttons'));
  if (state.notice) box.append(el('p', { class: 'banner', role: 'status', text: t(state.notice) }));
  for (const g of state.session.workshop.groups) {
    box.append(setGroupColour(el('button', {
      type: 'button', class: 'group-button', dataset: { group: g.id }, onclick: () => joinGroup(g.id),
    }, el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon }), el('span', { text: g.name })), g.colour));
  }
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
  state.session = session;
  adoptTimer(session);
  if (changed) {
    state.notes.clear();
    state.me = load(tokenKey(session.id));
    if (hadSession) state.notice = 'join.newSession'; // a key: shown in the new workshop's language
    const leftovers = Outbox.drainOthers(session.id);
    if (leftovers.length) setDraft([text.value, ...leftovers].filter(Boolean).join('\n'));
    state.outbox = new Outbox(session.id, {
      send: (item) => api.createNote(item.token, item.id, item.text),
      onChange: render,
      onAck: (note) => {
        state.notes.set(note.id, note);
        if (state.waitNotice) { state.waitNotice = false; showError($('#compose-error'), ''); }
        announce(t('join.sentNote', { text: note.text }));
        render();
      },
      onReject: (item, error) => {
        setDraft([text.value, item.text].filter(Boolean).join('\n'));
        showError($('#compose-error'), error.status === 403 ? t('error.noteLimit') : errorMessage(error));
        if (error.status === 401) leaveGroup('join.newSession');
      },
      onWait: (item, error) => {
        if (error.status !== 429) return;
        state.waitNotice = true;
        showError($('#compose-error'), t('error.tooMany', { n: error.retryAfter || 60 }));
      },
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
    for (const note of await api.notes()) state.notes.set(note.id, note);
    render();
    state.outbox.kick();
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
  state.outbox.add(uuid(), value, state.me.token);
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
}, { onResync: refresh, onStatus: streamStatus });

setDraft(load(DRAFT_KEY, ''));
applyLanguage();
refresh();
