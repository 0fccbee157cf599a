// The brainstorm countdown: the server's clock, the remaining time, one tick a second.
import { t } from './i18n.js';

let offset = 0; // server clock minus this device's clock, in ms

/** Corrects this device's clock with the session's `serverTime`. */
export function syncClock(session) {
  const server = Date.parse(session && session.serverTime);
  if (!Number.isNaN(server)) offset = server - Date.now();
}

export const serverNow = () => Date.now() + offset;

/** Seconds left on a session timer (0 when it has ended), or null when there is none. */
export function remaining(timer) {
  const end = Date.parse(timer && timer.endsAt);
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.ceil((end - serverNow()) / 1000));
}

/** 4:05, or 1:02:03 for an hour or more. */
export function formatClock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const mm = String(Math.floor((s % 3600) / 60));
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** Spoken form for screen readers: "4 minutes 5 seconds left". */
export function spokenClock(seconds) {
  const m = Math.floor(seconds / 60);
  return m ? t('timer.spokenMin', { m, s: seconds % 60 }) : t('timer.spokenSec', { s: seconds });
}

/**
 * Calls render(seconds | null, timer) now and once a second while a timer runs, and once more
 * when it reaches 0. set(timer) changes the timer (null stops the ticking).
 */
export class Countdown {
  constructor(render) {
    this.render = render;
    this.timer = null;
    this.tick = null;
  }

  set(timer) {
    this.timer = timer || null;
    clearTimeout(this.tick);
    this.update();
  }

  update() {
    const left = remaining(this.timer);
    this.render(left, this.timer);
    if (left) {
      // Wake just after the next whole second of the server's clock.
      const end = Date.parse(this.timer.endsAt);
      const wait = ((end - serverNow()) % 1000 + 1000) % 1000 + 20;
      this.tick = setTimeout(() => this.update(), wait);
    }
  }
}

/** Fills a countdown element: text, aria-label, and data-urgent for the last ten seconds. */
export function showCountdown(node, left, { label = '' } = {}) {
  node.hidden = left === null;
  if (left === null) return;
  const value = node.querySelector('.timer-value') || node;
  value.textContent = formatClock(left);
  node.dataset.urgent = String(left > 0 && left <= 10);
  node.dataset.done = String(left === 0);
  node.setAttribute('aria-label', `${label ? `${label}: ` : ''}${left ? spokenClock(left) : t('timer.done')}`);
}
