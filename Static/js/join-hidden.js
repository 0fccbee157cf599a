// A note of this phone's group that the trainer hides does not vanish without a word.
import { $ } from './dom.js';
import { t } from './i18n.js';

let hiddenNote = null;

function show(message) {
  const node = $('#hidden-notice');
  node.textContent = message;
  node.hidden = !message;
}

/** On note.deleted: says so when the trainer hid a note of this phone's group. */
export function tellHidden(data, state) {
  const note = state.notes.get(data.id);
  if (!data.hidden || !note || !state.me || note.group !== state.me.group) return;
  hiddenNote = data.id;
  show(t('join.hiddenByTrainer', { text: note.text }));
}

/** On note.created/updated: the trainer showed the hidden note again. */
export function forgetHidden(note) {
  if (note.id !== hiddenNote) return;
  hiddenNote = null;
  show('');
}
