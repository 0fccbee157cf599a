// Trainer page helpers: re-render without losing focus; the undo toast.
import { $ } from './dom.js';
import { t } from './i18n.js';
import { serverNow } from './clock.js';

/**
 * Runs render() (which may rebuild the DOM) and puts the focus, caret and scroll back on the
 * control with the same data-focus key, so live updates never pull the rug from under a trainer.
 */
export function keepFocus(render) {
  const active = document.activeElement;
  const key = active && active.dataset ? active.dataset.focus : null;
  const caret = key && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
  const y = window.scrollY;
  render();
  if (!key) return;
  const again = document.querySelector(`[data-focus="${CSS.escape(key)}"]`);
  if (!again) return;
  again.focus({ preventScroll: true });
  if (caret && typeof again.setSelectionRange === 'function') {
    try { again.setSelectionRange(...caret); } catch { /* not a text field */ }
  }
  window.scrollTo(0, y);
}

let toastTimer = null;
let onUndo = null;

/** "Note deleted · Undo" until the server's undo window closes (10 s). */
export function showUndo(message, undoUntil, undo) {
  const until = Date.parse(undoUntil);
  const left = Number.isNaN(until) ? 10000 : Math.max(1000, until - serverNow());
  $('#toast-text').textContent = message;
  $('#toast-undo').hidden = false;
  $('#toast').hidden = false;
  onUndo = undo;
  $('#toast-undo').focus();
  clearTimeout(toastTimer);
  toastTimer = setTimeout(hideToast, left);
}

/** A short message in the same place, without undo. */
export function showToast(message) {
  $('#toast-text').textContent = message;
  $('#toast-undo').hidden = true;
  $('#toast').hidden = false;
  onUndo = null;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(hideToast, 4000);
}

function hideToast() {
  const hadFocus = $('#toast').contains(document.activeElement);
  $('#toast').hidden = true;
  onUndo = null;
  if (hadFocus) $('#notes-title').focus();
}

$('#toast-undo').addEventListener('click', async () => {
  const undo = onUndo;
  if (!undo) return;
  clearTimeout(toastTimer);
  hideToast();
  try {
    await undo();
    showToast(t('mod.restored'));
  } catch (e) {
    showToast(e.status === 410 ? t('mod.tooLate') : t('error.unknown', { message: e.message }));
  }
});
