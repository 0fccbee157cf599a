// Spotlight: one note large on the board, with its group, and back. The trainer's
// spotlight reaches every board; a click on a card shows it on this board only.
import { el, $, clear, setGroupColour } from './dom.js';
import { t } from './i18n.js';

let overlay = null;
let source = { note: () => null, group: () => null };
let shownId = null;

function build() {
  overlay = el('div', {
    id: 'spotlight', class: 'spotlight', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'spotlight-text', hidden: true,
    onclick: () => hide(),
  }, el('figure', { class: 'spotlight-card' },
    el('figcaption', { class: 'spotlight-group' }),
    el('blockquote', { id: 'spotlight-text', class: 'spotlight-text' }),
    el('p', { class: 'spotlight-back' })));
  document.body.append(overlay);
  // Capture: Escape closes the spotlight before the board's keys see it.
  document.addEventListener('keydown', (event) => {
    if (overlay.hidden || event.key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    hide();
  }, true);
}

/** Shows `note` (an API note) large, with its group. */
export function show(note) {
  const group = note && source.group(note.group);
  if (!group) return hide();
  shownId = note.id;
  const caption = setGroupColour(clear(overlay.querySelector('.spotlight-group')), group.colour);
  caption.append(el('span', { class: 'group-icon', 'aria-hidden': 'true', text: group.icon }), el('span', { text: group.name }));
  setGroupColour(overlay.querySelector('.spotlight-card'), group.colour);
  $('#spotlight-text').textContent = note.text;
  overlay.querySelector('.spotlight-back').textContent = t('spot.back');
  overlay.hidden = false;
  document.body.classList.add('is-spotlight');
}

export function hide() {
  shownId = null;
  if (!overlay) return;
  overlay.hidden = true;
  document.body.classList.remove('is-spotlight');
}

/** Keeps the shown note in step: a changed text, or the note gone from the board. */
export function refresh() {
  if (!shownId) return;
  const note = source.note(shownId);
  if (note) show(note); else hide();
}

/** Once, from board.js: `note(id)` and `group(id)` look up what to show. */
export function installSpotlight(lookups) {
  source = lookups;
  build();
  document.addEventListener('click', (event) => {
    const card = event.target.closest && event.target.closest('#columns li.note, #themes li.note');
    if (!card || !overlay.hidden) return;
    const note = source.note(card.dataset.id);
    if (note) show(note);
  });
}

/** The trainer's spotlight (`session.spotlight` event or the session's `spotlight` id). */
export function follow(noteOrId) {
  const note = typeof noteOrId === 'string' ? source.note(noteOrId) : noteOrId;
  if (note) show(note); else hide();
}
