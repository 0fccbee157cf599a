// Trainer console: phases, countdown, moderation of notes and themes, sessions, PIN.
import { api, subscribe } from './api.js';
import { el, $, clear, formatDate, reachableIfScrolling } from './dom.js';
import { t, tn, setLanguage, translatePage, language } from './i18n.js';
import { errorMessage } from './errors.js';
import { Countdown, showCountdown, syncClock } from './clock.js';
import { renderModeration } from './trainer-notes.js';
import { renderThemes } from './trainer-themes.js';
import { keepFocus, showUndo, showToast } from './trainer-ui.js';
import { askPin } from './trainer-pin.js';
import { renderArchive } from './trainer-archive.js';
import { renderJoinCounts } from './join-counts.js';
import { renderSpotlight, renderJoinChoice } from './trainer-spotlight.js';
import { loadRound, renderRound, takeThemes, takeVotes, viewingOther } from './trainer-round.js';

const PHASES = ['briefing', 'open', 'closed', 'summary'];
const state = { overview: null, allNotes: [], notes: [], themes: null, busy: false }; // notes: the viewed question's
const ui = {
  editing: null, editText: '', showHidden: true,
  openThemes: new Set(), renames: new Map(), split: new Map(), splitLabels: new Map(),
};

function showError(message) {
  $('#error').textContent = message || '';
  $('#error').hidden = !message;
}

const countdown = new Countdown((left) => {
  showCountdown($('#timer-remaining'), left, { label: t('timer.left') });
  $('#timer-idle').hidden = left !== null;
  $('#timer-stop').hidden = !left;
  $('#timer-add').hidden = !left;
});

function renderSession() {
  const s = state.overview.session;
  $('#ws-title').textContent = s.workshop.title;
  const at = PHASES.indexOf(s.phase);
  clear($('#steps')).append(...PHASES.map((phase, i) => el('li', { class: `step ${i < at ? 'is-done' : ''}` },
    el('button', {
      type: 'button', class: 'step-btn', dataset: { phase, focus: `step:${phase}` },
      'aria-current': phase === s.phase ? 'step' : null, disabled: state.busy,
      onclick: () => phase !== s.phase && run(() => api.trainer.setPhase(phase)),
    }, el('span', { class: 'step-n', 'aria-hidden': 'true', text: String(i + 1) }),
    el('span', { class: 'step-label', text: t(`steps.${phase}`) })))));
  $('#phase-hint').textContent = t(`steps.hint.${s.phase}`);
  countdown.set(s.phase === 'open' ? s.timer : null);
  renderJoinCounts($('#join-counts'), s);
  renderJoinChoice(state.overview.joinUrls, s, (url) => run(() => api.trainer.joinUrl(url)));
  renderSpotlight($('#spotlight-now'), s, state.allNotes, () => actions.spotlight(null));
  $('#join-url').textContent = s.joinUrl || '';
  $('#qr-img').alt = t('board.qrAlt', { url: s.joinUrl || '' });
}

function renderLists() {
  const { session: s } = state.overview;
  const visible = state.notes.filter((n) => !n.hidden).length;
  const readOnly = viewingOther(); // theme changes act on the current question's themes only
  $('#notes-title').textContent = t(readOnly ? 'tq.notesTitle' : 'mod.title', { notes: tn('notes', visible) });
  renderModeration($('#moderation'), { groups: s.workshop.groups, notes: state.notes, themes: state.themes, ui, actions, readOnly });
  const n = renderThemes($('#theme-list'), { themes: state.themes, notes: state.notes.filter((x) => !x.hidden), ui, actions, readOnly });
  $('#themes-title').textContent = tn('themes.count', n).split(' · ')[0];
}

function renderSessions() {
  const { session: s, sessions, workshops } = state.overview;
  const select = $('#workshop-select');
  const chosen = select.value || s.workshop.id;
  clear(select).append(...workshops.map((w) => el('option', { value: w.id, text: `${w.title} (${w.language})` })));
  select.value = chosen;
  clear($('#sessions')).append(...sessions.map((row) => el('tr', { class: row.id === s.id ? 'is-current' : null },
    el('td', {}, formatDate(row.createdAt, language()),
      row.id === s.id ? el('strong', { class: 'current-mark', text: ` · ${t('trainer.currentMark')}` }) : null),
    el('td', { text: row.workshopTitle }),
    el('td', { text: t(`phase.${row.phase}`) }),
    el('td', { class: 'num', text: String(row.noteCount) }))));
}

function render() {
  setLanguage(state.overview.session.workshop.language);
  translatePage();
  $('#loading').hidden = true;
  $('#pin').hidden = true;
  $('#content').hidden = false;
  keepFocus(() => { renderSession(); renderRound(state.overview.session, run); renderLists(); renderSessions(); renderArchive(state.overview, run); });
  reachableIfScrolling($('#sessions-wrap')); // a narrow screen scrolls the sessions table sideways
}
window.addEventListener('resize', () => requestAnimationFrame(() => reachableIfScrolling($('#sessions-wrap'))));

async function refresh() {
  try {
    const overview = await api.trainer.overview();
    syncClock(overview.session);
    await loadRound(overview, state); // the viewed question's notes and themes, the votes
    state.overview = overview;
    showError('');
    render();
  } catch (e) {
    if (e.status === 401) return noAccess(e);
    showError(t('error.load', { message: errorMessage(e) }));
  }
}

async function noAccess(e) {
  try { setLanguage((await api.session()).workshop.language); } catch { /* keep default */ }
  translatePage();
  $('#loading').hidden = true;
  $('#content').hidden = true;
  if (e.data && e.data.pin) askPin(refresh);
  else $('#no-access').hidden = false;
}

async function run(action) {
  state.busy = true;
  showError('');
  try { await action(); } catch (e) { showError(errorMessage(e)); }
  state.busy = false;
  await refresh();
}

const actions = {
  edit(id) {
    const note = state.notes.find((n) => n.id === id);
    Object.assign(ui, { editing: id, editText: note ? note.text : '' });
    render();
    const area = document.querySelector(`[data-focus="text:${CSS.escape(id)}"]`);
    if (area) area.focus();
  },
  cancel() { const id = ui.editing; ui.editing = null; render(); focusKey(`edit:${id}`); },
  editInput(value) { ui.editText = value; },
  save(id, text) {
    if (!text.trim()) return;
    ui.editing = null;
    run(() => api.trainer.updateNote(id, { text: text.trim() })).then(() => focusKey(`edit:${id}`));
  },
  hide: (id, hidden) => run(() => api.trainer.updateNote(id, { hidden })),
  spotlight: (id) => run(() => api.trainer.spotlight(id)),
  pin: (id, theme) => run(() => api.trainer.updateNote(id, { theme })),
  remove: (id) => run(async () => {
    const note = state.allNotes.find((n) => n.id === id);
    const answer = await api.trainer.deleteNote(id);
    showUndo(t('mod.deleted', { text: note ? note.text : '' }), answer && answer.undoUntil,
      () => run(() => api.trainer.restoreNote(id)));
  }),
  rename: (id, label) => label && run(async () => {
    await api.trainer.renameTheme(id, label);
    ui.renames.delete(id);
    showToast(t('tm.renamed', { label }));
  }),
  merge: (id, into) => into && run(async () => { await api.trainer.mergeTheme(id, into); ui.openThemes.delete(id); }),
  split: (id, noteIds, label) => {
    if (!noteIds.length || !label) return showError(t('tm.splitNeeds'));
    return run(async () => {
      await api.trainer.splitTheme(id, noteIds, label);
      ui.split.delete(id);
      ui.splitLabels.delete(id);
    });
  },
};

function focusKey(key) {
  const node = document.querySelector(`[data-focus="${CSS.escape(key)}"]`);
  if (node) node.focus();
}

for (const button of document.querySelectorAll('#timer-presets [data-seconds]')) {
  button.addEventListener('click', () => run(() => api.trainer.timer(Number(button.dataset.seconds))));
}
$('#timer-custom').addEventListener('submit', (event) => {
  event.preventDefault();
  const minutes = Number($('#timer-minutes').value);
  if (!(minutes > 0 && minutes <= 240)) return showError(t('tt.invalid'));
  run(() => api.trainer.timer(Math.round(minutes * 60)));
});
$('#timer-stop').addEventListener('click', () => run(() => api.trainer.timer(0)));
$('#timer-add').addEventListener('click', () => run(() => api.trainer.addTime(60)));
$('#show-hidden').addEventListener('change', (event) => { ui.showHidden = event.target.checked; render(); });
$('#new-session').addEventListener('click', () => {
  const select = $('#workshop-select');
  const title = select.options[select.selectedIndex] ? select.options[select.selectedIndex].textContent : '';
  $('#confirm-text').textContent = t('trainer.confirmNew', { title });
  $('#confirm-new').hidden = false;
  $('#confirm-yes').focus();
});
$('#confirm-no').addEventListener('click', () => { $('#confirm-new').hidden = true; });
$('#confirm-yes').addEventListener('click', () => run(async () => {
  $('#confirm-new').hidden = true;
  await api.trainer.newSession($('#workshop-select').value);
  state.themes = null;
}));

let timer = null;
const soon = () => { clearTimeout(timer); timer = setTimeout(refresh, 250); };
subscribe({
  'note.created': soon, 'note.updated': soon, 'note.deleted': soon, 'session.changed': soon, 'session.joined': soon, 'session.spotlight': soon,
  'themes.changed': (themes) => { takeThemes(state, themes); soon(); },
  'votes.changed': (votes) => takeVotes(votes, keepFocus),
}, {
  onStatus: (status) => { $('#conn').hidden = status === 'live'; $('#conn').textContent = t('status.reconnecting'); },
  onResync: () => { state.themes = null; refresh(); },
});
refresh();
