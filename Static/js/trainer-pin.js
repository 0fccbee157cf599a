// The PIN form the trainer page shows when the server was started with --trainer-pin.
import { api } from './api.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { errorMessage } from './errors.js';

let done = () => {};

/** Shows the PIN form; calls then() once the server took the PIN. */
export function askPin(then) {
  done = then;
  $('#no-access').hidden = true;
  $('#content').hidden = true;
  $('#pin').hidden = false;
  $('#pin-input').focus();
}

function showPinError(message) {
  $('#pin-error').textContent = message || '';
  $('#pin-error').hidden = !message;
}

$('#pin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const pin = $('#pin-input').value.trim();
  if (!pin) return showPinError(t('pin.empty'));
  $('#pin-submit').disabled = true;
  try {
    await api.trainer.pin(pin);
    showPinError('');
    $('#pin-input').value = '';
    $('#pin').hidden = true;
    done();
  } catch (e) {
    if (e.status === 429) showPinError(t('pin.wait', { n: e.retryAfter || 60 }));
    else if (e.status === 403 || e.status === 401) showPinError(t('pin.wrong'));
    else showPinError(errorMessage(e));
    $('#pin-input').select();
  } finally {
    $('#pin-submit').disabled = false;
  }
});
