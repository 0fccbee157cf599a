// Summary page (/summary, ?session=<id> for an archived one): what every participant takes home.
// Phone-first, prints on A4; says so kindly while the trainer has not shared it, and updates live.
import { api, subscribe } from './api.js';
import { $, formatDate, load } from './dom.js';
import { t, setLanguage, translatePage, language } from './i18n.js';
import { errorMessage } from './errors.js';
import { loadSummary } from './summary-data.js';
import { renderSnapshot } from './summary-render.js';
import { renderQuestions, questionsOf, combined } from './summary-questions.js';

const sessionId = new URLSearchParams(location.search).get('session') || '';

function show(which) {
  $('#loading').hidden = true;
  $('#summary').hidden = which !== 'summary';
  $('#not-shared').hidden = which !== 'not-shared';
  $('#print').hidden = which !== 'summary';
}

function render(snapshot) {
  const w = snapshot.workshop;
  setLanguage(w.language);
  translatePage();
  document.title = `${t('summary.title')} · ${w.title}`;
  $('#title').textContent = w.title;
  $('#date').textContent = formatDate(snapshot.session.createdAt, language(), false);
  $('#question').textContent = w.question;
  const questions = questionsOf(snapshot); // several: a section each; the lens covers them all
  renderSnapshot(questions.length ? combined(snapshot, questions) : snapshot, sessionId);
  renderQuestions(snapshot, questions);
  show('summary');
}

async function refresh() {
  try {
    const answer = await loadSummary(sessionId);
    $('#error').hidden = true;
    if (answer.notShared) {
      // The phone's choice on the join page, else the workshop's language.
      const session = await api.session().catch(() => null);
      setLanguage(load('samenspel.lang') || (session && session.workshop.language) || navigator.language);
      translatePage();
      return show('not-shared');
    }
    render(answer.snapshot);
  } catch (e) {
    $('#loading').hidden = true;
    $('#error').textContent = e.status === 404 ? t('sum.notFound') : t('error.load', { message: errorMessage(e) });
    $('#error').hidden = false;
  }
}

$('#print').addEventListener('click', () => window.print());
let timer = null;
const soon = () => { clearTimeout(timer); timer = setTimeout(refresh, 300); };
subscribe({
  'session.changed': soon, 'summary.updated': soon,
  'note.created': soon, 'note.updated': soon, 'note.deleted': soon, 'votes.changed': soon,
}, { onResync: soon });
refresh();
