// Dot voting on the phone: while the trainer has voting open, the phone spreads its dots over the
// current question's themes. Every change replaces the phone's dots on the server (through the
// vote outbox, so an offline phone sends its latest dots when it is back); a refusal puts the
// dots back as the server has them. When voting closes the phone shows the dots it gave.
import { api, currentQuestion } from './api.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { errorMessage } from './errors.js';
import { VoteOutbox } from './vote-outbox.js';
import { paintVoting, resetVotingView } from './join-voting-view.js';

const vote = {
  sessionId: null, outbox: null, key: '', token: null, question: '',
  mode: 'none', // 'open' | 'closed' (shows this phone's dots) | 'none'
  loading: false, themes: [], mine: {}, dots: 3, message: null, retry: null,
  seen: [], // every theme loaded for this question, to follow a merge
};
let hooks = { onRejoin: () => {} };

const clean = (votes) => Object.fromEntries(Object.entries(votes || {})
  .filter(([, n]) => Number.isInteger(n) && n > 0));
const say = (text, kind = 'wait') => { vote.message = { text, kind }; };
const same = (x, y) => JSON.stringify(Object.entries(x).sort()) === JSON.stringify(Object.entries(y).sort());

/**
 * Dots on a theme that is gone (the trainer merged it) move to the theme that now holds its
 * notes, found through the themes seen before; without a trace they go back to the purse.
 * (The server counts them in the merged theme but still lists them under the old id in `mine`,
 * and refuses that id in a PUT.)
 */
function reconcile(mine, themes, before) {
  const known = new Set(themes.map((theme) => theme.id));
  const out = {};
  for (const [id, n] of Object.entries(mine)) {
    const old = known.has(id) ? null : before.find((theme) => theme.id === id);
    const home = known.has(id) ? id : old && (themes.find((theme) =>
      (theme.noteIds || []).some((note) => (old.noteIds || []).includes(note))) || {}).id;
    if (home) out[home] = (out[home] || 0) + n;
  }
  return out;
}

function paint() {
  const root = $('#voting');
  root.hidden = vote.mode === 'none';
  if (vote.mode !== 'none') paintVoting(root, vote, { change });
}

function change(themeId, delta) {
  const used = Object.values(vote.mine).reduce((sum, n) => sum + n, 0);
  const n = (vote.mine[themeId] || 0) + delta;
  if (vote.mode !== 'open' || n < 0 || (delta > 0 && used >= vote.dots)) return;
  vote.mine = { ...vote.mine, [themeId]: n };
  if (!n) delete vote.mine[themeId];
  vote.message = null;
  vote.outbox.set(vote.token, vote.question, vote.mine);
  paint();
}

/** Themes and this phone's dots of the question being voted on (pending dots win). */
async function load() {
  const { key, question, token } = vote;
  clearTimeout(vote.retry);
  vote.loading = true;
  paint();
  try {
    const [themes, votes] = await Promise.all([api.themes(question), api.votes(question, token)]);
    if (key !== vote.key) return;
    vote.themes = (themes.themes || []).filter((theme) => theme && theme.id);
    const fresh = new Set(vote.themes.map((theme) => theme.id));
    vote.seen = [...vote.themes, ...vote.seen.filter((theme) => !fresh.has(theme.id))];
    if (Number.isInteger(votes.dots)) vote.dots = votes.dots;
    const mine = clean(vote.outbox.pendingFor(token, question) || votes.mine);
    vote.mine = reconcile(mine, vote.themes, vote.seen);
    if (!same(mine, vote.mine) && vote.mode === 'open') vote.outbox.set(token, question, vote.mine);
    vote.loading = false;
  } catch (e) {
    if (key !== vote.key) return;
    if (e.status === 401) { vote.key = ''; hooks.onRejoin(); return; }
    say(errorMessage(e), 'error');
    vote.retry = setTimeout(() => { if (key === vote.key) load(); }, 3000);
  }
  paint();
}

/** Only this phone's dots again, as the server has them (after a refusal). */
async function revert() {
  const { key, question, token } = vote;
  if (!key) return;
  try {
    const votes = await api.votes(question, token);
    if (key === vote.key && !vote.outbox.pendingFor(token, question)) {
      vote.mine = reconcile(clean(votes.mine), vote.themes, vote.seen);
    }
  } catch { /* the next reconnect loads them */ }
  paint();
}

const outboxHooks = {
  onAck: (answer, settled) => {
    if (settled && answer && answer.question === vote.question && vote.mode === 'open') vote.mine = clean(answer.votes);
    if (vote.message && vote.message.kind === 'wait') vote.message = null; // a refusal stays until the next tap
    paint();
  },
  onReject: (error) => {
    if (error.status === 401) return hooks.onRejoin();
    if (error.status === 409) say(t('vote.closedNow'), 'error');
    else if (error.status === 422) say(t('vote.invalid'), 'error');
    else say(errorMessage(error), 'error');
    if (error.status === 422) load(); else revert();
  },
  onWait: () => { if (navigator.onLine) say(t('vote.waiting')); paint(); }, // offline: the banner says it
};

/** hooks = {onRejoin()}: the server no longer knows this phone's token. */
export function initVoting(given) { hooks = { ...hooks, ...given }; }

/**
 * Called on every render of the join page. True while the voting screen takes the page
 * (voting open and the phone in a group).
 */
export function renderVoting(session, me) {
  if (!session) return false;
  if (session.id !== vote.sessionId) {
    if (vote.outbox) vote.outbox.close();
    vote.sessionId = session.id;
    vote.outbox = new VoteOutbox(session.id, outboxHooks);
    vote.mode = 'none';
  }
  const question = currentQuestion(session).id;
  const open = Boolean(session.voting && session.voting.open);
  const token = me && me.group ? me.token : null;
  const key = token ? `${session.id}|${question}|${token}` : '';
  if (open && key) {
    if (Number.isInteger(session.voting.dots)) vote.dots = session.voting.dots;
    if (key !== vote.key || vote.mode !== 'open') {
      const again = key === vote.key; // reopened on the same question: the dots are still there
      Object.assign(vote, { key, token, question, mode: 'open', message: null });
      if (!again) { resetVotingView(); Object.assign(vote, { themes: [], seen: [], mine: {} }); }
      load();
    }
  } else if (vote.mode === 'open' && key === vote.key && session.phase !== 'open') {
    vote.mode = 'closed'; // voting just closed: show the dots this phone gave
    if (vote.message && vote.message.kind !== 'error') vote.message = null;
  } else if (vote.mode !== 'none' && (key !== vote.key || session.phase === 'open')) {
    vote.mode = 'none';
  }
  paint();
  return vote.mode === 'open';
}

/** `votes.changed`: the trainer renamed, merged or split a theme while the room votes → reload. */
export function votesChanged(data) {
  if (vote.mode !== 'open' || !data || data.question !== vote.question || !data.labels || vote.loading) return;
  const labels = Object.entries(data.labels).sort().join('|');
  const shown = vote.themes.map((theme) => [theme.id, theme.label]).sort().join('|');
  if (labels !== shown) load();
}

/** After a reconnect: send what waits, and reload what may have changed meanwhile. */
export function resyncVoting() {
  if (vote.outbox) vote.outbox.kick();
  if (vote.mode === 'open') load();
}
