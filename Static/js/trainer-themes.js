// Theme management on the trainer page: rename inline, merge into another, split notes off.
import { el, clear } from './dom.js';
import { t, tn } from './i18n.js';
import { windowLine, engineLine } from './board-themes.js';

/**
 * ui = { openThemes: Set, renames: Map(id → draft), split: Map(id → Set of note ids), splitLabels: Map }
 * actions = { rename(id, label), merge(id, into), split(id, noteIds, label), changed() }
 * readOnly: another question's themes, shown without the forms (they act on the current question's)
 */
export function renderThemes(root, { themes, notes, ui, actions, readOnly = false }) {
  const texts = new Map(notes.map((n) => [n.id, n.text]));
  const list = ((themes && themes.themes) || []).filter((theme) => (theme.noteIds || []).length > 1 || theme.manual);
  clear(root);
  const engine = engineLine(themes);
  if (engine) root.append(el('li', { class: 'muted small theme-engine', text: engine }));
  const window = windowLine(themes, { sentence: true });
  if (window) root.append(el('li', { class: 'muted small theme-window', text: window }));
  if (!list.length) {
    root.append(el('li', { class: 'muted', text: t('tm.none') }));
    return list.length;
  }
  for (const theme of list) root.append(readOnly ? plain(theme) : item(theme, list, texts, ui, actions));
  return list.length;
}

function plain(theme) {
  return el('li', { class: 'theme-item theme-plain', dataset: { theme: theme.id } },
    el('span', { class: 'theme-name', text: theme.label }),
    el('span', { class: 'muted small', text: ` · ${tn('notes', theme.noteIds.length)}` }));
}

function item(theme, all, texts, ui, actions) {
  const id = theme.id;
  const details = el('details', { class: 'theme-item', dataset: { theme: id } },
    el('summary', { dataset: { focus: `sum:${id}` } },
      el('span', { class: 'theme-name', text: theme.label }),
      el('span', { class: 'muted small', text: ` · ${tn('notes', theme.noteIds.length)}` }),
      theme.manual ? el('span', { class: 'badge', text: t('tm.manual') }) : null),
    renameForm(theme, ui, actions),
    mergeForm(theme, all, actions),
    splitForm(theme, texts, ui, actions));
  details.open = ui.openThemes.has(id);
  details.addEventListener('toggle', () => {
    if (details.open) ui.openThemes.add(id); else ui.openThemes.delete(id);
  });
  return el('li', {}, details);
}

function renameForm(theme, ui, actions) {
  const inputId = `tm-name-${theme.id}`;
  const input = el('input', {
    id: inputId, type: 'text', maxlength: 80, dataset: { focus: `name:${theme.id}` },
    oninput: (event) => ui.renames.set(theme.id, event.target.value),
  });
  input.value = ui.renames.has(theme.id) ? ui.renames.get(theme.id) : theme.label;
  return el('form', {
    class: 'tm-form', onsubmit: (event) => { event.preventDefault(); actions.rename(theme.id, input.value.trim()); },
  }, el('label', { for: inputId, text: t('tm.name') }),
  el('div', { class: 'tm-row' }, input,
    el('button', { type: 'submit', class: 'btn btn-small', dataset: { action: 'rename' } }, t('tm.rename'))));
}

function mergeForm(theme, all, actions) {
  const others = all.filter((other) => other.id !== theme.id);
  if (!others.length) return null;
  const selectId = `tm-merge-${theme.id}`;
  const select = el('select', { id: selectId, dataset: { focus: `merge:${theme.id}` } },
    others.map((other) => el('option', { value: other.id, text: other.label })));
  return el('form', {
    class: 'tm-form', onsubmit: (event) => { event.preventDefault(); actions.merge(theme.id, select.value); },
  }, el('label', { for: selectId, text: t('tm.mergeInto') }),
  el('div', { class: 'tm-row' }, select,
    el('button', { type: 'submit', class: 'btn btn-small', dataset: { action: 'merge' } }, t('tm.merge'))));
}

function splitForm(theme, texts, ui, actions) {
  const chosen = ui.split.get(theme.id) || new Set();
  const labelId = `tm-split-${theme.id}`;
  const label = el('input', {
    id: labelId, type: 'text', maxlength: 80, dataset: { focus: `split:${theme.id}` },
    oninput: (event) => ui.splitLabels.set(theme.id, event.target.value),
  });
  label.value = ui.splitLabels.get(theme.id) || '';
  const boxes = theme.noteIds.filter((id) => texts.has(id)).map((id) => {
    const box = el('input', {
      type: 'checkbox', value: id, dataset: { focus: `pick:${theme.id}:${id}` },
      onchange: (event) => {
        if (event.target.checked) chosen.add(id); else chosen.delete(id);
        ui.split.set(theme.id, chosen);
      },
    });
    box.checked = chosen.has(id);
    return el('li', {}, el('label', { class: 'check' }, box, ' ', el('span', { class: 'note-text', text: texts.get(id) })));
  });
  return el('form', {
    class: 'tm-form', onsubmit: (event) => {
      event.preventDefault();
      actions.split(theme.id, [...chosen], label.value.trim());
    },
  }, el('fieldset', { class: 'tm-split' },
    el('legend', { text: t('tm.splitLegend') }),
    el('ul', { class: 'tm-notes' }, boxes),
    el('label', { for: labelId, text: t('tm.splitName') }),
    el('div', { class: 'tm-row' }, label,
      el('button', { type: 'submit', class: 'btn btn-small', dataset: { action: 'split' } }, t('tm.split')))));
}
