// The phone's list of its own group's notes: pending, editable, deletable.
import { el, clear, setGroupColour, formatTime } from './dom.js';
import { t, language } from './i18n.js';

/**
 * ui = { editing: id|null, editText: string, confirming: id|null, busy: id|null, error: {id, message}|null }
 * actions = { edit(id), cancel(), save(id, text), askDelete(id), remove(id), editInput(text) }
 */
export function renderNotes(list, { notes, pending, group, closed, ui, actions }) {
  const focused = document.activeElement && document.activeElement.id === 'edit-text';
  clear(list);
  const pendingIds = new Set(pending.map((item) => item.id));
  const items = [
    ...pending.map((item) => ({ ...item, pending: true })),
    ...notes.filter((note) => !pendingIds.has(note.id)),
  ].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));

  for (const note of items) {
    const li = setGroupColour(el('li', { class: 'note', dataset: { id: note.id } }), group && group.colour);
    if (note.pending) {
      li.classList.add('is-pending');
      li.append(
        el('p', { class: 'note-text', text: note.text }),
        el('p', { class: 'note-meta' },
          el('span', { class: 'status', text: t(note.state === 'sending' ? 'join.sending' : 'join.waiting') }),
          note.forQuestion ? ` ${t('q.forQuestion', { n: note.forQuestion })}` : null),
      );
    } else if (ui.editing === note.id && !closed) {
      li.append(editForm(note, ui, actions));
    } else {
      li.append(el('p', { class: 'note-text', text: note.text }));
      if (ui.error && ui.error.id === note.id) {
        li.append(el('p', { class: 'banner banner-error', role: 'alert', text: ui.error.message }));
      }
      const time = el('p', { class: 'note-meta', text: formatTime(note.createdAt, language()) });
      if (closed) li.append(time);
      else if (ui.confirming === note.id) li.append(time, confirmRow(note, ui, actions));
      else li.append(el('div', { class: 'note-foot' }, time, actionRow(note, actions)));
    }
    list.append(li);
  }
  if (focused) {
    const area = list.querySelector('#edit-text');
    if (area) area.focus();
  }
  return items.length;
}

function actionRow(note, actions) {
  return el('div', { class: 'note-actions' },
    el('button', { type: 'button', class: 'btn', dataset: { action: 'edit' }, onclick: () => actions.edit(note.id) }, t('join.edit')),
    el('button', { type: 'button', class: 'btn', dataset: { action: 'delete' }, onclick: () => actions.askDelete(note.id) }, t('join.delete')),
  );
}

function confirmRow(note, ui, actions) {
  return el('div', { class: 'note-actions', role: 'group' },
    el('span', { class: 'confirm-text', text: t('join.confirmDelete') }),
    el('button', {
      type: 'button', class: 'btn btn-danger', dataset: { action: 'confirm-delete' },
      disabled: ui.busy === note.id, onclick: () => actions.remove(note.id),
    }, t('join.confirmYes')),
    el('button', { type: 'button', class: 'btn', onclick: () => actions.cancel() }, t('join.cancel')),
  );
}

function editForm(note, ui, actions) {
  const area = el('textarea', {
    id: 'edit-text', rows: 3, maxlength: 500, 'aria-label': t('join.editLabel'),
    oninput: (event) => actions.editInput(event.target.value),
  });
  area.value = ui.editText;
  const form = el('form', {
    class: 'compose',
    onsubmit: (event) => { event.preventDefault(); actions.save(note.id, area.value); },
  },
  area,
  ui.error && ui.error.id === note.id ? el('p', { class: 'banner banner-error', role: 'alert', text: ui.error.message }) : null,
  el('div', { class: 'note-actions' },
    el('button', { type: 'submit', class: 'btn btn-primary', dataset: { action: 'save' }, disabled: ui.busy === note.id }, t('join.save')),
    el('button', { type: 'button', class: 'btn', onclick: () => actions.cancel() }, t('join.cancel')),
  ));
  return form;
}
