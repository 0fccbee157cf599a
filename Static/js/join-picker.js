// The phone's group picker: one large button per group of the workshop.
import { el, clear, setGroupColour } from './dom.js';
import { t } from './i18n.js';

/** Fills `box` with the groups; `notice` (a catalogue key) above them; onPick(groupId). */
export function renderPicker(box, session, notice, onPick) {
  clear(box);
  if (notice) box.append(el('p', { class: 'banner', role: 'status', text: t(notice) }));
  for (const g of session.workshop.groups) {
    box.append(setGroupColour(el('button', {
      type: 'button', class: 'group-button', dataset: { group: g.id }, onclick: () => onPick(g.id),
    }, el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon }), el('span', { text: g.name })), g.colour));
  }
}
