// The phone's voting screen: one large card per theme with this phone's dots and − / + buttons,
// and a sticky "2 dots left" above them. Built once per list of themes and updated in place,
// so a button keeps its focus while the dots change.
import { el, clear } from './dom.js';
import { t, tn } from './i18n.js';

let built = null; // {sig, cards: Map(id → {li, dots, said, minus, plus, label})}

/** What the cards show of the themes: the same list reloaded (a reconnect) keeps its buttons and focus. */
const signature = (themes) => JSON.stringify(themes.map((th) => [th.id, th.label, th.noteIds ? th.noteIds.length : 0]));

const dotRow = (n) => Array.from({ length: n }, () => el('span', { class: 'vote-dot' }));

function card(theme, actions) {
  const dots = el('span', { class: 'vote-dots', 'aria-hidden': 'true' });
  const said = el('span', { class: 'visually-hidden' });
  const minus = el('button', {
    type: 'button', class: 'btn vote-btn vote-minus', dataset: { action: 'remove' },
    onclick: () => actions.change(theme.id, -1),
  }, el('span', { 'aria-hidden': 'true', text: '−' }));
  const plus = el('button', {
    type: 'button', class: 'btn btn-primary vote-btn vote-plus', dataset: { action: 'add' },
    onclick: () => actions.change(theme.id, 1),
  }, el('span', { 'aria-hidden': 'true', text: '+' }));
  const notes = theme.noteIds ? theme.noteIds.length : 0;
  const li = el('li', { class: 'vote-theme', dataset: { theme: theme.id } },
    el('p', { class: 'vote-label' }, el('span', { text: theme.label }),
      notes ? el('span', { class: 'vote-notes', text: tn('notes', notes) }) : null),
    el('div', { class: 'vote-row' }, dots, said, el('span', { class: 'vote-controls' }, minus, plus)));
  return { li, dots, said, minus, plus, label: theme.label };
}

function build(list, themes, actions, sig) {
  clear(list);
  built = { sig, cards: new Map() };
  for (const theme of themes) {
    const c = card(theme, actions);
    built.cards.set(theme.id, c);
    list.append(c.li);
  }
}

/**
 * model = {mode: 'open'|'closed', loading, themes, mine: {id: n}, dots, message: {text, kind}|null}
 * actions = {change(themeId, delta)}
 */
export function paintVoting(root, model, actions) {
  const list = root.querySelector('#vote-themes');
  const sig = signature(model.themes);
  if (!built || built.sig !== sig) build(list, model.themes, actions, sig);
  const open = model.mode === 'open';
  const used = Object.values(model.mine).reduce((sum, n) => sum + n, 0);
  const left = Math.max(0, model.dots - used);
  root.dataset.mode = model.mode;

  root.querySelector('#voting-title').textContent = t(open ? 'vote.title' : 'vote.closedTitle');
  const hint = root.querySelector('#vote-hint');
  hint.textContent = open ? t('vote.hint') : t(used ? 'vote.closedMine' : 'vote.closedNone');
  const bar = root.querySelector('#vote-left');
  bar.hidden = !open;
  bar.dataset.left = String(left);
  const leftText = left ? tn('vote.left', left) : t('vote.full');
  const words = root.querySelector('#vote-left-text');
  if (words.textContent !== leftText) words.textContent = leftText;
  clear(root.querySelector('#vote-purse')).append(
    ...Array.from({ length: model.dots }, (_, i) => el('span', { class: i < left ? 'vote-dot' : 'vote-dot is-spent' })));

  const message = root.querySelector('#vote-message');
  message.hidden = !model.message;
  message.textContent = model.message ? model.message.text : '';
  message.className = `banner vote-message${model.message && model.message.kind === 'error' ? ' banner-error' : ''}`;
  const empty = root.querySelector('#vote-empty');
  empty.hidden = model.loading ? false : model.themes.length > 0 || !open;
  empty.textContent = model.loading ? t('vote.loading') : t('vote.noThemes');

  for (const [id, c] of built.cards) {
    const n = model.mine[id] || 0;
    c.li.hidden = !open && !n;
    c.li.dataset.dots = String(n);
    c.li.classList.toggle('has-dots', n > 0);
    if (c.dots.childElementCount !== n) clear(c.dots).append(...dotRow(n));
    c.said.textContent = n ? tn('vote.mine', n) : '';
    c.minus.hidden = !open;
    c.plus.hidden = !open;
    c.minus.disabled = n === 0;
    c.plus.disabled = left === 0;
    c.minus.setAttribute('aria-label', t('vote.remove', { label: c.label }));
    c.plus.setAttribute('aria-label', t('vote.add', { label: c.label }));
  }
}

/** Forget the built list (another session or question). */
export function resetVotingView() { built = null; }
