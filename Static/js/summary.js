// Summary: per group its notes. Phone-first, prints on A4, updates live.
import { api, subscribe } from './api.js';
import { el, $, clear, setGroupColour, formatDate } from './dom.js';
import { t, tn, setLanguage, translatePage, language } from './i18n.js';
import { errorMessage } from './errors.js';

function render(session, notes) {
  setLanguage(session.workshop.language);
  translatePage();
  document.title = `${t('summary.title')} · ${session.workshop.title}`;
  $('#loading').hidden = true;
  $('#summary').hidden = false;
  $('#title').textContent = session.workshop.title;
  $('#date').textContent = formatDate(session.createdAt, language(), false);
  $('#question').textContent = session.workshop.question;

  const groups = clear($('#groups'));
  const sorted = [...notes].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  let used = 0;
  for (const g of session.workshop.groups) {
    const mine = sorted.filter((n) => n.group === g.id);
    if (mine.length) used += 1;
    groups.append(setGroupColour(el('section', { class: 'summary-group', dataset: { group: g.id } },
      el('header', { class: 'group-head' },
        el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon }),
        el('h2', { class: 'group-name', text: g.name }),
        el('span', { class: 'count', 'aria-label': tn('notes', mine.length), text: String(mine.length) })),
      mine.length
        ? el('ul', { class: 'summary-notes' }, mine.map((n) => el('li', { class: 'note-text', text: n.text })))
        : el('p', { class: 'muted summary-empty', text: t('summary.empty') })), g.colour));
  }
  $('#totals').textContent = t('summary.total', { notes: tn('notes', notes.length), groups: used });
}

async function refresh() {
  try {
    const [session, notes] = await Promise.all([api.session(), api.notes()]);
    $('#error').hidden = true;
    render(session, notes);
  } catch (e) {
    $('#error').textContent = t('error.load', { message: errorMessage(e) });
    $('#error').hidden = false;
  }
}

$('#print').addEventListener('click', () => window.print());
let timer = null;
const soon = () => { clearTimeout(timer); timer = setTimeout(refresh, 300); };
subscribe({ 'note.created': soon, 'note.updated': soon, 'note.deleted': soon, 'session.changed': soon }, { onResync: refresh });
refresh();
