// Trainer: dot voting on the current question's themes. Open it with N dots per phone (the server
// closes submissions then, so the themes hold still), close it, and watch live how many phones
// voted and the themes ranked by their dots.
import { el, $, clear } from './dom.js';
import { t, tn } from './i18n.js';

const DEFAULT_DOTS = 3;
let handlers = null; // { open(dots), close() } of the last render; the listeners are added once
let chosen = null; // the trainer's pick in the dots menu, kept across re-renders

function build() {
  const select = $('#vote-dots');
  select.append(...Array.from({ length: 10 }, (_, i) => el('option', { value: String(i + 1), text: String(i + 1) })));
  select.addEventListener('change', () => { chosen = select.value; });
  $('#vote-open').addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.open(Number(select.value) || DEFAULT_DOTS);
  });
  $('#vote-close').addEventListener('click', () => handlers.close());
}

/** theme id → label, of a themes answer. */
function labels(themes) {
  return new Map(((themes && themes.themes) || []).map((theme) => [theme.id, theme.label]));
}

/** [{id, label, n}] with dots, most first (ties by label). */
export function ranked(totals, names) {
  return Object.entries(totals || {})
    .filter(([, n]) => n > 0)
    .map(([id, n]) => ({ id, n, label: names.get(id) || id }))
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
}

function row(entry, max) {
  const bar = el('span', { class: 'vote-bar', 'aria-hidden': 'true' });
  bar.style.setProperty('--share', `${Math.round((entry.n / max) * 100)}%`);
  return el('li', { class: 'vote-row', dataset: { theme: entry.id, dots: String(entry.n) } },
    el('span', { class: 'vote-label', text: entry.label }),
    el('span', { class: 'vote-dots', 'aria-hidden': 'true', text: `● ${entry.n}` }),
    el('span', { class: 'visually-hidden', text: `: ${tn('tv.n', entry.n)}` }),
    bar);
}

/** round = { current, votes, currentThemes }; actions = { open(dots), close() } */
export function renderVoting(s, round, actions) {
  if (!handlers) build();
  handlers = actions;
  const voting = s.voting || { open: false, dots: DEFAULT_DOTS };
  const open = Boolean(voting.open);
  const votes = round.votes || {};
  const questions = s.questions || [];
  const n = questions.findIndex((q) => q.id === round.current) + 1;
  $('#vote-about').hidden = questions.length < 2 || !n;
  $('#vote-about').textContent = t('tv.about', { n });

  $('#vote-open').hidden = open;
  $('#vote-live').hidden = !open;
  $('#vote-dots').value = chosen || String(voting.dots || DEFAULT_DOTS);
  $('#vote-state').textContent = tn('tv.isOpen', voting.dots || DEFAULT_DOTS);

  const voters = Number(votes.voters) || 0;
  const voted = $('#vote-voters');
  voted.hidden = !open && !voters;
  voted.dataset.voters = String(voters);
  if (voted.textContent !== tn('tv.voters', voters)) voted.textContent = tn('tv.voters', voters);

  const rows = ranked(votes.totals, labels(round.currentThemes));
  $('#vote-results').hidden = !open && !rows.length;
  $('#vote-results-title').textContent = t(open ? 'tv.live' : 'tv.results');
  const list = clear($('#vote-totals'));
  if (rows.length) list.append(...rows.map((entry) => row(entry, rows[0].n)));
  else list.append(el('li', { class: 'muted small', text: t('tv.none') }));
}
