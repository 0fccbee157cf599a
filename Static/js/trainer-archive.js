// Trainer: publish or withdraw the summary of the session, and the archive of sessions
// (open the summary, its shared state and one publish/withdraw button, make it active again,
// exports, delete for good after a confirmation).
import { api } from './api.js';
import { el, $, formatDate } from './dom.js';
import { t, language } from './i18n.js';

const FORMATS = [['pdf', 'PDF'], ['md', 'MD'], ['csv', 'CSV'], ['json', 'JSON'], ['html', 'HTML']];
let box = null;
let dialog = null;
let doomed = null; // the session the dialog asks about
let run = null;

const enc = encodeURIComponent;

function buildBox() {
  box = el('div', { class: 'publish-box stack', id: 'publish-box' },
    el('h3', { class: 'publish-title', text: '' }),
    el('p', { id: 'publish-state', class: 'small' }),
    el('button', { type: 'button', id: 'publish', class: 'btn btn-primary', dataset: { focus: 'publish' } }));
  $('.trainer-screens .link-list').after(box);
  box.querySelector('#publish').addEventListener('click', (event) => {
    const publish = event.currentTarget.dataset.published !== 'true';
    run(() => api.trainer.publish(publish));
  });
}

function buildDialog() {
  dialog = el('dialog', { id: 'delete-dialog', class: 'dialog', 'aria-labelledby': 'delete-title' },
    el('h2', { id: 'delete-title' }),
    el('p', { id: 'delete-text' }),
    el('div', { class: 'row' },
      el('button', { type: 'button', id: 'delete-yes', class: 'btn btn-danger' }),
      el('button', { type: 'button', id: 'delete-no', class: 'btn' })));
  document.body.append(dialog);
  $('#delete-no').addEventListener('click', () => dialog.close());
  $('#delete-yes').addEventListener('click', () => {
    const id = doomed;
    dialog.close();
    if (id) run(() => api.trainer.deleteSession(id));
  });
  dialog.addEventListener('close', () => { doomed = null; const h = $('.trainer-sessions h2'); if (h) h.focus(); });
}

function askDelete(row) {
  doomed = row.id;
  $('#delete-title').textContent = t('arch.deleteTitle');
  $('#delete-text').textContent = t('arch.deleteText', { title: row.workshopTitle, date: formatDate(row.createdAt, language()), n: row.noteCount });
  $('#delete-yes').textContent = t('arch.deleteYes');
  $('#delete-no').textContent = t('trainer.cancel');
  dialog.showModal();
  $('#delete-no').focus();
}

function publishButtons(row, published) {
  const button = (on) => el('button', {
    type: 'button', class: 'btn btn-small', dataset: { focus: `arch:${on ? 'pub' : 'wd'}:${row.id}`, action: on ? 'publish' : 'withdraw' },
    text: t(on ? 'arch.publish' : 'arch.withdraw'), onclick: () => run(() => api.trainer.publish(on, row.id)),
  });
  return [el('span', { class: `badge ${published ? 'badge-shared' : ''}`, text: t(published ? 'arch.shared' : 'arch.notShared') }), button(!published)];
}

function actions(row, current, published) {
  const q = `session=${enc(row.id)}`;
  return el('td', { class: 'arch-actions' },
    el('div', { class: 'row' },
      el('a', { class: 'btn btn-small', href: `/summary?${q}`, target: '_blank', rel: 'noopener', dataset: { action: 'open' }, text: t('arch.open') }),
      ...publishButtons(row, published),
      current ? null : el('button', {
        type: 'button', class: 'btn btn-small', dataset: { focus: `arch:reopen:${row.id}`, action: 'reopen' },
        text: t('arch.reopen'), onclick: () => run(() => api.trainer.reopenSession(row.id)),
      }),
      current ? null : el('button', {
        type: 'button', class: 'btn btn-small btn-quiet-danger', dataset: { focus: `arch:del:${row.id}`, action: 'delete' },
        text: t('arch.delete'), onclick: () => askDelete(row),
      })),
    el('p', { class: 'arch-exports small' }, el('span', { class: 'muted', text: `${t('arch.exports')} ` }),
      ...FORMATS.map(([format, label]) => el('a', {
        href: `/api/summary/download?format=${format}&${q}`, download: '', dataset: { format }, text: label,
      }))));
}

/** From trainer.js's render (inside keepFocus): the publish box and the archive's action column. */
export function renderArchive(overview, runAction) {
  run = runAction;
  if (!box) buildBox();
  if (!dialog) buildDialog();
  const s = overview.session;
  const published = Boolean(s.publishedAt);
  box.querySelector('.publish-title').textContent = t('arch.title');
  $('#publish-state').textContent = published
    ? t('arch.sharedSince', { time: formatDate(s.publishedAt, language()) }) : t('arch.notSharedHint');
  const button = $('#publish');
  button.textContent = t(published ? 'arch.withdrawNow' : 'arch.publishNow');
  button.dataset.published = String(published);
  button.className = `btn ${published ? '' : 'btn-primary'}`;

  const head = $('.trainer-sessions thead tr');
  if (head && !head.querySelector('.arch-head')) head.append(el('th', { class: 'arch-head' }));
  if (head) head.querySelector('.arch-head').textContent = t('arch.actions');
  const sessionsTitle = $('.trainer-sessions h2');
  if (sessionsTitle) sessionsTitle.setAttribute('tabindex', '-1');
  const rows = [...$('#sessions').children];
  overview.sessions.forEach((row, i) => {
    if (!rows[i]) return;
    const current = row.id === s.id;
    // The list leaves publishedAt out for a session never published.
    const known = current ? published : Boolean(row.publishedAt);
    rows[i].dataset.session = row.id;
    const old = rows[i].querySelector('.arch-actions');
    if (old) old.remove();
    rows[i].append(actions(row, current, known));
  });
}
