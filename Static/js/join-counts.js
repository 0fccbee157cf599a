// How many phones joined each group: the trainer sees at once whether the room reaches the laptop.
import { el, clear, setGroupColour } from './dom.js';
import { t } from './i18n.js';

/** Fills `node` with one chip per group (icon, name, phones); a hint while nobody has joined. */
export function renderJoinCounts(node, session) {
  if (!node || !session || !session.joined) return;
  const total = Object.values(session.joined).reduce((sum, n) => sum + n, 0);
  const chips = session.workshop.groups.map((g) => setGroupColour(
    el('li', { class: 'join-chip', dataset: { group: g.id } },
      el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon }),
      el('span', { class: 'join-chip-name', text: g.name }),
      el('strong', { class: 'join-chip-n', text: String(session.joined[g.id] || 0) })), g.colour));
  clear(node).append(
    el('p', { class: 'join-counts-title small', text: `${t('room.joined')} · ${total}` }),
    el('ul', { class: 'join-chips', 'aria-label': t('room.joined') }, ...chips));
  if (total === 0) node.append(el('p', { class: 'muted small', text: t('room.none') }));
}
