// Trainer: which note is large on the board (the spotlight), with the way back; which address
// phones join on.
import { el, $, clear } from './dom.js';
import { joinQrSrc } from './api.js';
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

/** The laptop's addresses to choose the join URL from (shown when there is more than one); the QR code follows. */
export function renderJoinChoice(choices, s, choose) {
  const qr = $('#qr-img');
  if (qr.getAttribute('src') !== joinQrSrc(s)) qr.src = joinQrSrc(s);
  const list = choices || [];
  $('#join-choice-box').hidden = list.length < 2;
  const select = $('#join-choice');
  if (!select.onchange) select.onchange = () => choose(select.value);
  clear(select).append(...list.map((url) => el('option', { value: url, text: url })));
  select.value = s.joinUrl;
}
