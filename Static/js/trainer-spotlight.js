// Trainer: which note is large on the board (the spotlight), with the way back.
import { el, clear } from './dom.js';
import { t } from './i18n.js';

/** Fills `box` with the spotlit note of session `s` and a button that calls `end`; hides it when none. */
export function renderSpotlight(box, s, notes, end) {
  const note = s.spotlight && notes.find((n) => n.id === s.spotlight);
  box.hidden = !note;
  if (!note) return;
  clear(box).append(el('span', { class: 'small', text: t('spot.now') }), ' ',
    el('q', { text: note.text }), ' ',
    el('button', { type: 'button', id: 'spotlight-end', class: 'btn btn-small', onclick: end }, t('spot.end')));
}
