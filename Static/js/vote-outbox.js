// This phone's latest dots until the server has them. PUT /api/votes replaces all of a phone's
// dots, so only the newest set matters: one entry per session in localStorage, replaced by every
// change, sent after a short pause, retried with a growing pause while the phone is offline.
import { api } from './api.js';
import { load, store } from './dom.js';

const PREFIX = 'samenspel.votes.';
const DELAY = 300;
const MAX_DELAY = 30000;

const retryable = (error) => error.network || !error.status || error.status >= 500
  || error.status === 408 || error.status === 429;

export class VoteOutbox {
  /**
   * onAck(answer, settled): the server took a set; settled is false when a newer one waits here.
   * onReject(error, entry): the server refused the newest set (4xx); it is dropped.
   * onWait(error): not sent (offline, server busy); tried again later.
   */
  constructor(sessionId, { onAck, onReject, onWait }) {
    VoteOutbox.dropOthers(sessionId);
    this.key = PREFIX + sessionId;
    const stored = load(this.key);
    this.entry = stored && stored.token && stored.votes ? stored : null; // {token, question, votes}
    Object.assign(this, { onAck, onReject, onWait });
    this.busy = false;
    this.attempt = 0;
    this.timer = null;
    this.online = () => this.kick();
    window.addEventListener('online', this.online);
  }

  /** The newest dots of this phone on `question`. */
  set(token, question, votes) {
    this.entry = { token, question, votes: { ...votes } };
    store(this.key, this.entry);
    this.schedule(DELAY);
  }

  /** The unsent set for this token and question, or null. */
  pendingFor(token, question) {
    const e = this.entry;
    return e && e.token === token && (!e.question || e.question === question) ? e.votes : null;
  }

  /** Try now (back online, reconnected). */
  kick() {
    this.attempt = 0;
    if (this.entry) this.schedule(0);
  }

  schedule(delay) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = null; this.flush(); }, delay);
  }

  drop() {
    this.entry = null;
    store(this.key, null);
  }

  async flush() {
    if (this.busy || !this.entry) return;
    const entry = this.entry;
    this.busy = true;
    try {
      const answer = await api.putVotes(entry.token, entry.votes, entry.question);
      if (this.entry === entry) this.drop();
      this.attempt = 0;
      this.busy = false;
      this.onAck(answer, this.entry === null);
    } catch (error) {
      this.busy = false;
      if (retryable(error)) {
        const pause = error.retryAfter ? error.retryAfter * 1000
          : Math.min(MAX_DELAY, 1000 * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
        this.attempt += 1;
        if (!this.timer) this.schedule(pause);
        this.onWait(error);
        return;
      }
      if (this.entry === entry) {
        this.drop();
        this.onReject(error, entry);
      }
    }
    if (this.entry && this.entry !== entry && !this.timer) this.schedule(DELAY); // changed meanwhile
  }

  close() {
    clearTimeout(this.timer);
    window.removeEventListener('online', this.online);
  }

  /** Dots left behind for older sessions can no longer count: forget them. */
  static dropOthers(sessionId) {
    try {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith(PREFIX) && key !== PREFIX + sessionId) localStorage.removeItem(key);
      }
    } catch { /* storage unavailable */ }
  }
}
