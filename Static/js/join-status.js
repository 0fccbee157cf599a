// What the phone says about the session: the phase, the countdown, the connection.
import { $ } from './dom.js';
import { t } from './i18n.js';
import { Countdown, showCountdown, syncClock } from './clock.js';

const countdown = new Countdown((left) => {
  const box = $('#countdown');
  showCountdown(box, left, { label: t('timer.left') });
  if (left !== null) $('#countdown-label').textContent = left ? t('timer.left') : t('timer.done');
});

/** The phase banner (nothing while open) and the countdown while the brainstorm runs. */
export function renderPhase(session) {
  const phase = session ? session.phase : 'open';
  const banner = $('#closed');
  banner.hidden = phase === 'open';
  banner.dataset.phase = phase;
  if (phase !== 'open') banner.textContent = t(`join.phase.${phase}`);
  $('#summary-link').hidden = phase !== 'summary';
}

export function adoptTimer(session) {
  syncClock(session);
  countdown.set(session && session.phase === 'open' ? session.timer : null);
}

/** "No connection" when the phone is offline or the live stream has been down for a few seconds. */
export function watchConnection(onOnline) {
  let serverDown = false;
  let downTimer = null;
  const show = () => { $('#offline').hidden = navigator.onLine && !serverDown; };
  const update = () => { show(); if (navigator.onLine) onOnline(); };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  return (status) => {
    if (status === 'live') {
      clearTimeout(downTimer);
      downTimer = null;
      serverDown = false;
      show();
    } else if (!downTimer) {
      downTimer = setTimeout(() => { serverDown = true; show(); }, 2500);
    }
  };
}
