// The one shared API client: JSON fetch wrappers and an SSE helper.

export class ApiError extends Error {
  constructor(message, status = 0, network = false, { data = null, retryAfter = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;     // HTTP status, 0 when the request never got an answer
    this.network = network;   // true: offline, server gone, timed out
    this.data = data;         // the JSON error body, e.g. {error, pin: true}
    this.retryAfter = retryAfter; // seconds from Retry-After (429), or null
  }
}

async function request(method, path, { body, token, headers: extra = {} } = {}) {
  const headers = { Accept: 'application/json', ...extra };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(path, {
      method, headers, cache: 'no-store', credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(e && e.message ? e.message : 'Network error', 0, true);
  }
  if (res.status === 204) return null;
  let data = null;
  try { data = await res.json(); } catch { data = null; }
  if (!res.ok) {
    const message = data && typeof data.error === 'string' ? data.error : `${res.status} ${res.statusText}`;
    const retry = parseInt(res.headers.get('Retry-After') || '', 10);
    throw new ApiError(message, res.status, res.status >= 500, { data, retryAfter: Number.isFinite(retry) ? retry : null });
  }
  return data;
}

const enc = encodeURIComponent;

// Every state-changing trainer request carries the CSRF token of the last overview.
let csrf = '';
async function overview() {
  let data;
  try {
    data = await request('GET', '/api/trainer/overview');
  } catch (e) {
    if (e.data && typeof e.data.csrf === 'string') csrf = e.data.csrf; // a PIN answer may carry it
    throw e;
  }
  if (data && typeof data.csrf === 'string') csrf = data.csrf;
  return data;
}
async function trainerSend(method, path, body) {
  if (!csrf) await overview();
  const send = () => request(method, path, { body, headers: csrf ? { 'X-CSRF-Token': csrf } : {} });
  try {
    return await send();
  } catch (e) {
    if (e.status !== 403) throw e;
    await overview(); // the token may be stale (server restarted): once more with a fresh one
    return send();
  }
}

const qs = (question) => (question ? `?question=${enc(question)}` : '');

export const api = {
  session: () => request('GET', '/api/session'),
  /** Notes of a question (default: the current one). */
  notes: async (question) => (await request('GET', `/api/notes${qs(question)}`)).notes || [],
  /** Themes of a question (default: the current one). */
  themes: (question) => request('GET', `/api/themes${qs(question)}`),
  join: (group) => request('POST', '/api/join', { body: { group } }),
  me: (token) => request('GET', '/api/me', { token }),
  /** `question`: the question the note was written for (the page may show an earlier one). */
  createNote: (token, id, text, question) =>
    request('POST', '/api/notes', { token, body: question ? { id, text, question } : { id, text } }),
  updateNote: (token, id, text) => request('PATCH', `/api/notes/${enc(id)}`, { token, body: { text } }),
  deleteNote: (token, id) => request('DELETE', `/api/notes/${enc(id)}`, { token }),
  summaries: async (question) => (await request('GET', `/api/summaries${qs(question)}`)).summaries || {},
  saveSummary: (token, group, text, question) => request('PUT', `/api/groups/${enc(group)}/summary`,
    { token, body: question ? { text, question } : { text } }),
  /** Dot totals of a question: {question, totals: {themeId: n}, voters, open, dots, mine?}. */
  votes: (question, token) => request('GET', `/api/votes${qs(question)}`, token ? { token } : {}),
  /** Replaces this phone's dots on the question being voted on: {themeId: n}. */
  putVotes: (token, votes, question) => request('PUT', '/api/votes', { token, body: question ? { votes, question } : { votes } }),
  summary: (session) => request('GET', `/api/summary${session ? `?session=${enc(session)}` : ''}`),
  trainer: {
    overview,
    pin: (pin) => request('POST', '/api/trainer/pin', { body: { pin }, headers: csrf ? { 'X-CSRF-Token': csrf } : {} }),
    setPhase: (phase) => trainerSend('POST', '/api/trainer/phase', { phase }),
    timer: (seconds) => trainerSend('POST', '/api/trainer/timer', { seconds }),
    joinUrl: (url) => trainerSend('POST', '/api/trainer/join-url', { url }),
    spotlight: (note) => trainerSend('POST', '/api/trainer/spotlight', { note }),
    question: (question) => trainerSend('POST', '/api/trainer/question', { question }),
    voting: (open, dots) => trainerSend('POST', '/api/trainer/voting', open ? { open: true, dots } : { open: false }),
    addTime: (seconds = 60) => trainerSend('POST', '/api/trainer/timer/add', { seconds }),
    reopenSession: (id) => trainerSend('POST', `/api/trainer/sessions/${enc(id)}/reopen`),
    newSession: (workshop) => trainerSend('POST', '/api/trainer/sessions', { workshop }),
    updateNote: (id, patch) => trainerSend('PATCH', `/api/trainer/notes/${enc(id)}`, patch),
    deleteNote: (id) => trainerSend('DELETE', `/api/trainer/notes/${enc(id)}`),
    restoreNote: (id) => trainerSend('POST', `/api/trainer/notes/${enc(id)}/restore`),
    renameTheme: (id, label) => trainerSend('POST', `/api/trainer/themes/${enc(id)}/rename`, { label }),
    mergeTheme: (id, into) => trainerSend('POST', `/api/trainer/themes/${enc(id)}/merge`, { into }),
    splitTheme: (id, noteIds, label) => trainerSend('POST', `/api/trainer/themes/${enc(id)}/split`, { noteIds, label }),
    publish: (published, session) => trainerSend('POST',
      session ? `/api/trainer/sessions/${enc(session)}/publish` : '/api/trainer/publish', { published }),
    deleteSession: (id) => trainerSend('DELETE', `/api/trainer/sessions/${enc(id)}`),
  },
};

/**
 * subscribe({'note.created': fn, ...}, {onStatus, onResync})
 * onStatus('live' | 'reconnecting'); onResync() runs on every (re)connect, the first
 * one too (closing the gap between a page's first fetch and the stream), and when the
 * server sends `event: resync` (it could not replay what this client missed), so the
 * page refetches what it may have missed. Returns a function that closes it.
 */
export function subscribe(handlers, { onStatus = () => {}, onResync = () => {} } = {}) {
  let source = null;
  let closed = false;
  let retry = 1000;
  let timer = null;

  // Ask only for the topics handled here (phones skip the board's large theme events).
  const topics = [...new Set(Object.keys(handlers).map((name) => name.split('.')[0]))].join(',');
  const connect = () => {
    source = new EventSource(`/api/events?topics=${encodeURIComponent(topics)}`);
    for (const [name, handler] of Object.entries(handlers)) {
      source.addEventListener(name, (event) => {
        let data;
        try { data = JSON.parse(event.data); } catch { return; }
        handler(data);
      });
    }
    source.addEventListener('resync', () => onResync());
    source.onopen = () => {
      retry = 1000;
      onStatus('live');
      onResync();
    };
    source.onerror = () => {
      onStatus('reconnecting');
      // A CLOSED source will not reconnect on its own (e.g. server answered 5xx).
      if (source.readyState === EventSource.CLOSED && !closed) {
        clearTimeout(timer);
        timer = setTimeout(connect, retry);
        retry = Math.min(retry * 2, 30000);
      }
    };
  };
  connect();
  return () => { closed = true; clearTimeout(timer); if (source) source.close(); };
}

/** The QR code of the join URL; the URL in the address makes a changed one load afresh. */
export const joinQrSrc = (session) => `/api/qr.svg?url=${encodeURIComponent(session.joinUrl || '')}`;

/** The QR code of a session's take-away link (the link in the address: a new join URL loads it afresh). */
export const summaryQrSrc = (session) =>
  `/api/qr.svg?for=summary&session=${encodeURIComponent(session.id)}&url=${encodeURIComponent(summaryUrl(session))}`;

/** The take-away link of a session: it names the session, so it still opens that
 * summary after the trainer started the next one. */
export function summaryUrl(session) {
  if (session.summaryUrl) return session.summaryUrl;
  const path = `/summary?session=${encodeURIComponent(session.id)}`;
  try { return new URL(path, session.joinUrl || location.href).href; } catch { return path; }
}

/** The session's questions in order, [{id, text}] (a server before questions: the workshop's one). */
export function questionsOf(session) {
  if (session && Array.isArray(session.questions) && session.questions.length) return session.questions;
  return [{ id: (session && session.question) || '', text: session && session.workshop ? session.workshop.question : '' }];
}

/** {id, text, index (1-based), total} of the question the room answers now. */
export function currentQuestion(session) {
  const list = questionsOf(session);
  const at = Math.max(0, list.findIndex((q) => q.id === session.question));
  return { id: list[at].id || session.question || '', text: list[at].text || '', index: at + 1, total: list.length };
}

/** RFC 4122 version 4 UUID from crypto.getRandomValues (randomUUID needs a secure context). */
export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
