// Notes typed on a phone but not yet acknowledged by the server.
// Kept in localStorage per session, sent oldest first, retried with backoff.
// Each note keeps the question it was written for: queued before the trainer moved the room on,
// it is still filed under that question when it is sent afterwards. Entries stored before
// questions existed carry none and go to the current question.
import { load, store } from './dom.js';

const PREFIX = 'samenspel.outbox.';
const MAX_DELAY = 30000;

export class Outbox {
  /**
   * send(item) → Promise<note>; throws ApiError.
   * onChange() after every state change; onAck(note, item); onReject(item, error) for 4xx;
   * onWait(item, error) when it will try again later (429 says when, with Retry-After).
   */
  constructor(sessionId, { send, onChange, onAck, onReject, onWait = () => {} }) {
    this.key = PREFIX + sessionId;
    this.items = load(this.key, []).map((item) => ({ ...item, state: 'waiting' }));
    Object.assign(this, { send, onChange, onAck, onReject, onWait });
    this.busy = false;
    this.attempt = 0;
    this.timer = null;
  }

  /** `question`: the id of the question the page showed when the note was written. */
  add(id, text, token, question) {
    const item = { id, text, token, createdAt: new Date().toISOString(), state: 'waiting' };
    if (question) item.question = question;
    this.items.push(item);
    this.save();
    this.kick();
  }

  has(id) { return this.items.some((item) => item.id === id); }

  /** The server told us (e.g. over SSE) that this note exists. */
  acknowledge(id) {
    if (!this.has(id)) return;
    this.items = this.items.filter((item) => item.id !== id);
    this.save();
  }

  /** Try now, forgetting any backoff (after going online or reconnecting). */
  kick() {
    clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
    this.flush();
  }

  async flush() {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.items.length) {
        const item = this.items[0];
        item.state = 'sending';
        this.onChange();
        try {
          const note = await this.send(item);
          this.acknowledge(item.id);
          this.attempt = 0;
          this.onAck(note, item);
        } catch (error) {
          if (error.network || error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429) {
            item.state = 'waiting';
            this.retryLater(error.retryAfter ? error.retryAfter * 1000 : 0);
            this.onWait(item, error);
            return;
          }
          this.acknowledge(item.id);
          this.onReject(item, error);
        }
      }
    } finally {
      this.busy = false;
      this.onChange();
    }
  }

  retryLater(after = 0) {
    const delay = after || Math.min(MAX_DELAY, 1000 * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
    this.attempt += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = null; this.flush(); }, delay);
  }

  save() {
    store(this.key, this.items.length ? this.items.map(({ state, ...rest }) => rest) : null);
  }

  /** Texts left behind in outboxes of other (older) sessions; removes them. */
  static drainOthers(sessionId) {
    const texts = [];
    try {
      for (const key of Object.keys(localStorage)) {
        if (!key.startsWith(PREFIX) || key === PREFIX + sessionId) continue;
        for (const item of load(key, [])) if (item && item.text) texts.push(item.text);
        localStorage.removeItem(key);
      }
    } catch { /* storage unavailable */ }
    return texts;
  }
}
