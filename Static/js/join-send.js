// Sending notes from the phone: the session's outbox wired to the page. A note goes out with
// the question it was written for, also when the room has moved on by the time it is sent.
import { api } from './api.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { Outbox } from './outbox.js';
import { errorMessage } from './errors.js';

export function showError(node, message) {
  node.textContent = message || '';
  node.hidden = !message;
}

/**
 * page = {render(), announce(text), keep(note): into the list if it shows the note's question,
 *         restore([text]): back into the text box, leave(): the token is gone}
 * Notes left in an older session's outbox go back into the text box.
 */
export function openOutbox(sessionId, { render, announce, keep, restore, leave }) {
  let waitNotice = false;
  const composeError = (message) => showError($('#compose-error'), message);
  const leftovers = Outbox.drainOthers(sessionId);
  if (leftovers.length) restore(leftovers);
  return new Outbox(sessionId, {
    send: (item) => api.createNote(item.token, item.id, item.text, item.question),
    onChange: render,
    onAck: (note) => {
      keep(note);
      if (waitNotice) { waitNotice = false; composeError(''); }
      announce(t('join.sentNote', { text: note.text }));
      render();
    },
    onReject: (item, error) => {
      restore([item.text]);
      composeError(error.status === 403 ? t('error.noteLimit') : errorMessage(error));
      if (error.status === 401) leave();
    },
    onWait: (item, error) => {
      if (error.status !== 429) return;
      waitNotice = true;
      composeError(t('error.tooMany', { n: error.retryAfter || 60 }));
    },
  });
}
