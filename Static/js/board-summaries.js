// Board "Summaries" view (key G, or its button beside Columns/Themes): the groups' own
// summaries side by side, live. Once the trainer publishes, the QR code and address of the
// summary page, large, so the room can scan it.
import { api, summaryUrl, summaryQrSrc } from './api.js';
import { el, $, clear, setGroupColour, reachableIfScrolling } from './dom.js';
import { t } from './i18n.js';

const LAYOUT = 'summaries';
const state = { prefs: null, onChange: null, session: null, seen: null, texts: {} };
let button = null;
let section = null;
let panel = null;

const showing = () => state.prefs.view === 'board' && state.prefs.layout === LAYOUT;

function toggle() {
  const p = state.prefs;
  p.layout = showing() ? 'columns' : LAYOUT;
  p.view = 'board';
  state.onChange();
}

/** Once, from board.js: adds the button, the view and the QR panel; G toggles the view. */
export function installSummaries(prefs, onChange) {
  Object.assign(state, { prefs, onChange });
  button = el('button', { type: 'button', id: 'view-summaries', class: 'view-btn', 'aria-pressed': 'false', onclick: toggle });
  $('#view-votes').after(button); // views in a workshop's order: columns, themes, lens, votes, summaries
  section = el('section', { id: 'summaries', class: 'board-summaries', hidden: true },
    el('div', { id: 'summaries-grid', class: 'summaries-grid' }));
  $('#themes').after(section);
  panel = el('div', { id: 'summary-qr', class: 'qr-panel board-qr summary-qr', hidden: true },
    el('p', { class: 'qr-title', id: 'summary-qr-title' }),
    el('img', { id: 'summary-qr-img', alt: '' }),
    el('p', { class: 'join-url', id: 'summary-qr-url' }));
  $('.board-side').prepend(panel);
  window.addEventListener('resize', () => requestAnimationFrame(reachable));
  document.addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() !== 'g' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest && event.target.closest('input, textarea, select')) return;
    event.preventDefault();
    toggle();
  });
}

/** A long summary scrolls inside its card; then the keyboard can reach it (arrow keys scroll it, board.js). */
function reachable() {
  if (!section || section.hidden) return;
  for (const text of section.querySelectorAll('.summary-card-text')) reachableIfScrolling(text);
}

function draw() {
  const s = state.session;
  if (!s || !section) return;
  clear($('#summaries-grid')).append(...s.workshop.groups.map((g) => {
    const summary = state.texts[g.id];
    const text = summary && summary.text && summary.text.trim();
    return setGroupColour(el('article', { class: 'summary-card', dataset: { group: g.id } },
      el('header', { class: 'group-head' },
        el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon }),
        el('h2', { class: 'group-name', text: g.name })),
      text ? el('p', { class: 'summary-card-text', text: summary.text })
        : el('p', { class: 'summary-card-empty', text: t('bsum.empty') })), g.colour);
  }));
  reachable();
}

async function fetchTexts() {
  try {
    state.texts = await api.summaries(state.session && state.session.question); // the question asked now
    draw();
  } catch { /* shown again on the next session.changed or reconnect */ }
}

/** From board.js's renderView (last): shows or hides the view and the QR panel. */
export function renderSummaries(session) {
  if (!section || !session) return;
  state.session = session;
  const on = showing();
  button.textContent = t('bsum.view');
  button.setAttribute('aria-pressed', String(on));
  section.hidden = !on;
  section.setAttribute('aria-label', t('bsum.view'));
  document.body.classList.toggle('is-summaries', on);
  if (on) {
    for (const id of ['#columns', '#themes', '#overlap', '#view-lens', '#qr']) $(id).hidden = true;
    $('#view-columns').setAttribute('aria-pressed', 'false');
    $('#view-themes').setAttribute('aria-pressed', 'false');
  }
  const published = Boolean(session.publishedAt);
  panel.hidden = !(on && published);
  const url = summaryUrl(session);
  const src = summaryQrSrc(session);
  if ($('#summary-qr-img').getAttribute('src') !== src) $('#summary-qr-img').src = src;
  $('#summary-qr-title').textContent = t('bsum.scan');
  const cut = url.indexOf('/summary'); // may break before the path, never inside a word
  clear($('#summary-qr-url')).append(url.slice(0, cut), el('wbr'), url.slice(cut));
  $('#summary-qr-img').alt = t('bsum.qrAlt', { url });
  for (const legend of document.querySelectorAll('.board-keys')) {
    if (!legend.querySelector('.legend-summaries')) {
      legend.append(el('span', { class: 'legend-item legend-summaries' }, el('kbd', { text: 'G' }), ' ', t('bsum.legend')));
    }
  }
  if (session !== state.seen) { // first load, a session.changed or a reconnect
    state.seen = session;
    fetchTexts();
  }
  draw();
}

/** Handlers for board.js's subscribe(). */
export const summaryEvents = {
  'summary.updated': (summary) => {
    if (!summary || !summary.group) return;
    if (summary.question && state.session && summary.question !== state.session.question) return; // another question's
    state.texts = { ...state.texts, [summary.group]: summary };
    draw();
  },
};
