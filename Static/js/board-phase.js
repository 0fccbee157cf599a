// The board follows the session's phase; the countdown; the summary view; the S key.
import { api, currentQuestion, summaryUrl, summaryQrSrc, joinQrSrc } from './api.js';
import { el, $, clear, setGroupColour, renderBody } from './dom.js';
import { t, tn } from './i18n.js';
import { Countdown, showCountdown, remaining } from './clock.js';
import { setView } from './board-keys.js';
import { errorMessage } from './errors.js';

// The view each phase brings up; the trainer can still page to any other.
const PHASE_VIEW = { briefing: 'briefing', open: 'columns', closed: 'themes', summary: 'summary' };
const PILL = { briefing: 'pill-waiting', open: 'pill-open', closed: 'pill-closed', summary: 'pill-closed' };

/** When the phase is not the one the board last followed, switch to its view. True if it did. */
export function followPhase(prefs, phase) {
  if (!PHASE_VIEW[phase] || prefs.phase === phase) return false;
  prefs.phase = phase; // remembered, so a refresh keeps the view the trainer paged to
  setView(prefs, PHASE_VIEW[phase]);
  if (phase === 'briefing') prefs.slide = 0;
  return true;
}

export function renderPhase(node, phase) {
  node.hidden = false;
  node.className = `pill ${PILL[phase] || 'pill-closed'}`;
  clear(node).append(el('span', { text: t(`phase.${phase}`) }));
}

const countdown = new Countdown((left, timer) => {
  const box = $('#timer');
  showCountdown(box, left, { label: t('timer.left') });
  if (left === null) return;
  $('#timer-label').textContent = left ? t('timer.left') : t('timer.done');
  const share = timer && timer.seconds ? left / timer.seconds : 0;
  $('#timer-fill').style.setProperty('--share', String(Math.max(0, Math.min(1, share))));
});

/** Shows the session's timer: counting while open, "time is up" while the discussion starts. */
export function renderTimer(session) {
  const timer = session.timer && (session.phase === 'open' || session.phase === 'closed') ? session.timer : null;
  countdown.set(timer);
}

/** The summary view: totals per group and where to take the results home. */
export function renderSummary(session, notes) {
  $('#summary-title').textContent = session.workshop.title;
  $('#summary-question').textContent = currentQuestion(session).text; // with several, the one asked last
  const counts = new Map();
  for (const note of notes.values()) counts.set(note.group, (counts.get(note.group) || 0) + 1);
  clear($('#summary-counts')).append(...session.workshop.groups.map((g) => setGroupColour(
    el('li', { class: 'summary-count', dataset: { group: g.id } },
      el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon }),
      el('span', { class: 'group-name', text: g.name }),
      el('span', { class: 'count-n', text: tn('notes', counts.get(g.id) || 0) })), g.colour)));
  const url = summaryUrl(session);
  $('#summary-url').textContent = url;
  const qr = $('#summary-view-qr');
  const src = summaryQrSrc(session);
  if (qr.getAttribute('src') !== src) qr.src = src;
  qr.alt = t('bsum.qrAlt', { url });
}

/** The briefing view: slide prefs.slide of `slides`. */
export function renderBriefing(prefs, slides) {
  prefs.slide = Math.max(0, Math.min(prefs.slide, slides.length - 1));
  const slide = slides[prefs.slide];
  $('#slide-count').textContent = slide ? `${t('board.briefing')} · ${t('board.slide', { n: prefs.slide + 1, total: slides.length })}` : t('board.briefing');
  $('#slide-title').textContent = slide ? slide.title : t('board.noBriefing');
  clear($('#slide-body')).append(renderBody(slide ? slide.body : ''));
}

/** The join QR code and address; the trainer may choose another address. */
export function renderJoinQr(session) {
  $('#join-url').textContent = session.joinUrl || '';
  $('#qr-img').alt = t('board.qrAlt', { url: session.joinUrl || '' });
  if ($('#qr-img').getAttribute('src') !== joinQrSrc(session)) $('#qr-img').src = joinQrSrc(session);
}

/** "Reconnecting…" while the event stream is down. */
export function showConnection(status) {
  const conn = $('#conn');
  conn.hidden = status === 'live';
  conn.textContent = t('status.reconnecting');
}

let toastTimer = null;
export function toast(message) {
  const node = $('#board-toast');
  node.textContent = message;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { node.hidden = true; }, 4000);
}

/** S: start a five-minute countdown, or stop the running one. Needs this browser's trainer cookie. */
export async function toggleTimer(session) {
  if (!session) return;
  const running = remaining(session.timer) > 0 && session.phase === 'open';
  try {
    await api.trainer.timer(running ? 0 : 300);
    toast(t(running ? 'board.timerStopped' : 'board.timerStarted'));
  } catch (e) {
    toast(e.status === 401 ? t('board.timerNoAccess') : errorMessage(e));
  }
}

const LEGEND = [['← →', 'legend.views'], ['B', 'legend.briefing'], ['V', 'legend.themes'], ['L', 'legend.lens'],
  ['Q', 'legend.qr'], ['S', 'legend.timer'], ['F', 'legend.fullscreen'], ['T', 'legend.theme']];

/** The small key legend at the foot of the board and the slides. */
export function renderLegend() {
  for (const node of document.querySelectorAll('.board-keys')) {
    clear(node).append(...LEGEND.map(([key, label]) => el('span', { class: 'legend-item' },
      el('kbd', { text: key }), ' ', t(label))));
  }
}
