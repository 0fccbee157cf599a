// The trainer's moderation list: every note of the session by group; fix, hide, pin, delete.
import { el, clear, setGroupColour, formatTime } from './dom.js';
import { t, tn, language } from './i18n.js';

/** theme id → label, and note id → the theme the clustering put it in. */
export function themeIndex(themes) {
  const labels = new Map();
  const ofNote = new Map();
  const choices = []; // themes worth moving a note to: more than one note, or named by the trainer
  for (const theme of (themes && themes.themes) || []) {
    labels.set(theme.id, theme.label);
    for (const id of theme.noteIds || []) ofNote.set(id, theme.id);
    if ((theme.noteIds || []).length > 1 || theme.manual) choices.push(theme);
  }
  return { labels, ofNote, choices };
}

/**
 * ui = { editing: id|null, editText, showHidden }
 * actions = { spotlight(id|null), edit(id), cancel(), editInput(text), save(id, text), hide(id, bool), pin(id, themeId|null), remove(id) }
 * readOnly: the notes of another question than the current one (no theme menu: pins act on the current one's themes)
 */
export function renderModeration(root, { groups, notes, themes, ui, actions, readOnly = false }) {
  const index = themeIndex(themes);
  clear(root);
  for (const g of groups) {
    const mine = notes.filter((n) => n.group === g.id)
      .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
    const hidden = mine.filter((n) => n.hidden).length;
    const shown = ui.showHidden ? mine : mine.filter((n) => !n.hidden);
    const headId = `mod-head-${g.id}`;
    root.append(setGroupColour(el('section', { class: 'mod-group', dataset: { group: g.id }, 'aria-labelledby': headId },
      el('h3', { class: 'mod-head', id: headId },
        el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon }),
        el('span', { class: 'group-name', text: g.name }),
        el('span', { class: 'mod-count', text: hidden ? t('mod.countHidden', { notes: tn('notes', mine.length), n: hidden }) : tn('notes', mine.length) })),
      shown.length
        ? el('ul', { class: 'mod-list' }, shown.map((note) => row(note, index, ui, actions, readOnly)))
        : el('p', { class: 'muted small', text: t('board.empty') })), g.colour));
  }
}

function row(note, index, ui, actions, readOnly) {
  const textId = `mod-text-${note.id}`;
  const li = el('li', { class: 'mod-note', dataset: { id: note.id, hidden: String(Boolean(note.hidden)) } });
  if (ui.editing === note.id) {
    li.append(editForm(note, ui, actions));
    return li;
  }
  const auto = index.ofNote.get(note.id);
  li.append(
    el('p', { class: 'note-text', id: textId, text: note.text }),
    el('p', { class: 'mod-meta' },
      formatTime(note.createdAt, language()),
      note.hidden ? el('span', { class: 'badge badge-hidden', text: t('mod.hiddenBadge') }) : null,
      note.theme && index.labels.has(note.theme) ? el('span', { class: 'badge', text: t('mod.pinned', { theme: index.labels.get(note.theme) }) }) : null),
    el('div', { class: 'mod-actions' },
      readOnly ? null : themeSelect(note, index, auto, textId, actions),
      note.hidden ? null : el('button', {
        type: 'button', class: 'btn btn-small', dataset: { action: 'spotlight', focus: `spot:${note.id}` },
        'aria-describedby': textId, title: t('spot.showLabel'), onclick: () => actions.spotlight(note.id),
      }, t('spot.show')),
      el('button', {
        type: 'button', class: 'btn btn-small', dataset: { action: 'edit', focus: `edit:${note.id}` },
        'aria-describedby': textId, onclick: () => actions.edit(note.id),
      }, t('mod.edit')),
      el('button', {
        type: 'button', class: 'btn btn-small', dataset: { action: note.hidden ? 'unhide' : 'hide', focus: `hide:${note.id}` },
        'aria-describedby': textId, onclick: () => actions.hide(note.id, !note.hidden),
      }, t(note.hidden ? 'mod.unhide' : 'mod.hide')),
      el('button', {
        type: 'button', class: 'btn btn-small btn-quiet-danger', dataset: { action: 'delete', focus: `delete:${note.id}` },
        'aria-describedby': textId, onclick: () => actions.remove(note.id),
      }, t('mod.delete'))),
  );
  return li;
}

function themeSelect(note, index, auto, textId, actions) {
  const selectId = `mod-theme-${note.id}`;
  const shared = auto && index.choices.some((theme) => theme.id === auto);
  const autoLabel = shared ? t('mod.autoTheme', { theme: index.labels.get(auto) }) : t('mod.auto');
  const select = el('select', {
    id: selectId, class: 'mod-theme', dataset: { action: 'theme', focus: `theme:${note.id}` }, 'aria-describedby': textId,
    onchange: (event) => actions.pin(note.id, event.target.value || null),
  }, el('option', { value: '', text: autoLabel }),
  index.choices.map((theme) => el('option', { value: theme.id, text: theme.label })));
  if (note.theme && !index.choices.some((theme) => theme.id === note.theme)) {
    select.append(el('option', { value: note.theme, text: index.labels.get(note.theme) || note.theme }));
  }
  select.value = note.theme || '';
  return el('span', { class: 'mod-theme-wrap' },
    el('label', { for: selectId, class: 'small', text: t('mod.theme') }), select);
}

function editForm(note, ui, actions) {
  const area = el('textarea', {
    rows: 2, maxlength: 500, 'aria-label': t('mod.editLabel'), dataset: { focus: `text:${note.id}` },
    oninput: (event) => actions.editInput(event.target.value),
  });
  area.value = ui.editText;
  area.addEventListener('keydown', (event) => { if (event.key === 'Escape') actions.cancel(); });
  return el('form', {
    class: 'mod-edit', onsubmit: (event) => { event.preventDefault(); actions.save(note.id, area.value); },
  }, area, el('div', { class: 'row' },
    el('button', { type: 'submit', class: 'btn btn-primary btn-small', dataset: { action: 'save' } }, t('mod.save')),
    el('button', { type: 'button', class: 'btn btn-small', onclick: () => actions.cancel() }, t('trainer.cancel'))));
}
