// Trainer console: open/close submissions, start sessions, links to the screens.
import { api, subscribe } from './api.js';
import { el, $, clear, setGroupColour, formatDate } from './dom.js';
import { t, setLanguage, translatePage, language } from './i18n.js';
import { errorMessage } from './errors.js';

const state = { overview: null, busy: false };

function showError(message) {
  $('#error').textContent = message || '';
  $('#error').hidden = !message;
}

function render() {
  const { session: s, sessions, workshops } = state.overview;
  setLanguage(s.workshop.language);
  translatePage();
  $('#loading').hidden = true;
  $('#content').hidden = false;
  $('#ws-title').textContent = s.workshop.title;
  $('#question').textContent = s.workshop.question;
  const open = s.phase === 'open';
  const phase = clear($('#phase'));
  phase.className = `pill ${open ? 'pill-open' : 'pill-closed'}`;
  phase.append(el('span', { text: t(open ? 'phase.open' : 'phase.closed') }));
  $('#started').textContent = t('trainer.started', { date: formatDate(s.createdAt, language()) });
  const toggle = $('#phase-toggle');
  toggle.textContent = t(open ? 'trainer.close' : 'trainer.open');
  toggle.className = `btn btn-big btn-block ${open ? 'btn-danger' : 'btn-ok'}`;
  toggle.dataset.phase = open ? 'close' : 'open';
  toggle.disabled = state.busy;
  $('#phase-hint').textContent = t(open ? 'trainer.openHint' : 'trainer.closedHint');

  const counts = clear($('#counts'));
  let total = 0;
  for (const g of s.workshop.groups) {
    const n = (s.counts && s.counts[g.id]) || 0;
    total += n;
    counts.append(setGroupColour(el('li', { class: 'count-row', dataset: { group: g.id } },
      el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon }),
      el('span', { class: 'group-name', text: g.name }),
      el('span', { class: 'count-n', text: String(n) })), g.colour));
  }
  counts.append(el('li', { class: 'count-row count-total' },
    el('span', { class: 'group-name', text: t('trainer.total') }),
    el('span', { class: 'count-n', id: 'total', text: String(total) })));

  $('#join-url').textContent = s.joinUrl || '';
  $('#qr-img').alt = t('board.qrAlt', { url: s.joinUrl || '' });

  const select = $('#workshop-select');
  const chosen = select.value || s.workshop.id;
  clear(select).append(...workshops.map((w) => el('option', { value: w.id, text: `${w.title} (${w.language})` })));
  select.value = chosen;

  clear($('#sessions')).append(...sessions.map((row) => el('tr', { class: row.id === s.id ? 'is-current' : null },
    el('td', {}, formatDate(row.createdAt, language()),
      row.id === s.id ? el('strong', { class: 'current-mark', text: ` · ${t('trainer.currentMark')}` }) : null),
    el('td', { text: row.workshopTitle }),
    el('td', { text: t(row.phase === 'open' ? 'phase.open' : 'phase.closed') }),
    el('td', { class: 'num', text: String(row.noteCount) }))));
}

async function refresh() {
  try {
    state.overview = await api.trainer.overview();
    showError('');
    render();
  } catch (e) {
    if (e.status === 401) {
      try { setLanguage((await api.session()).workshop.language); } catch { /* keep default */ }
      translatePage();
      $('#loading').hidden = true;
      $('#content').hidden = true;
      $('#no-access').hidden = false;
      return;
    }
    showError(t('error.load', { message: errorMessage(e) }));
  }
}

async function run(action) {
  state.busy = true;
  showError('');
  try { await action(); } catch (e) { showError(errorMessage(e)); }
  state.busy = false;
  await refresh();
}

$('#phase-toggle').addEventListener('click', () => run(async () => {
  await api.trainer.setPhase(state.overview.session.phase === 'open' ? 'closed' : 'open');
}));
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
}));

let timer = null;
const soon = () => { clearTimeout(timer); timer = setTimeout(refresh, 250); };
subscribe({ 'note.created': soon, 'note.updated': soon, 'note.deleted': soon, 'session.changed': soon }, {
  onStatus: (status) => { $('#conn').hidden = status === 'live'; $('#conn').textContent = t('status.reconnecting'); },
  onResync: refresh,
});
refresh();
