// Renders a summary snapshot: groups with their own summary and notes, the shared themes,
// the themes × groups matrix, the theory lens and the downloads. Text only via textContent.
import { el, $, clear, setGroupColour } from './dom.js';
import { t, tn } from './i18n.js';
import { windowLine } from './board-themes.js';

const FORMATS = [['pdf', 'PDF'], ['md', 'Markdown'], ['csv', 'CSV'], ['json', 'JSON'], ['html', 'HTML']];

const icon = (g) => el('span', { class: 'group-icon', 'aria-hidden': 'true', text: g.icon || '' });
const chip = (g) => setGroupColour(el('span', { class: 'group-chip' }, icon(g), el('span', { text: g.name })), g.colour);
const query = (session, more = '') => {
  const parts = [more, session ? `session=${encodeURIComponent(session)}` : ''].filter(Boolean);
  return parts.length ? `?${parts.join('&')}` : '';
};

/** A group with its own summary and notes; `level`: its heading's (3, or 4 inside a question). */
export function groupSection(g, level = 3) {
  const notes = g.notes || [];
  const own = g.summary && g.summary.text && g.summary.text.trim();
  return setGroupColour(el('section', { class: 'summary-group', dataset: { group: g.id } },
    el('header', { class: 'group-head' }, icon(g),
      el(`h${level}`, { class: 'group-name', text: g.name }),
      el('span', { class: 'count', 'aria-hidden': 'true', text: String(notes.length) }),
      el('span', { class: 'visually-hidden', text: tn('notes', notes.length) })),
    el('div', { class: 'group-own' },
      el('p', { class: 'eyebrow', text: t('sum.ownSummary') }),
      own ? el('p', { class: 'group-summary-text', text: g.summary.text }) : el('p', { class: 'muted', text: t('sum.noOwnSummary') })),
    notes.length
      ? el('ul', { class: 'summary-notes', 'aria-label': t('sum.notesOf', { group: g.name }) },
        notes.map((n) => el('li', { class: 'note-text', text: n.text })))
      : el('p', { class: 'muted summary-empty', text: t('summary.empty') })), g.colour);
}

/** One note in a theme or lens list, with the icon of its group (and the name for screen readers). */
function noteItem(note, groups) {
  const g = groups.get(note.group) || { name: note.group, icon: '', colour: '#777777' };
  return setGroupColour(el('li', { class: 'theme-note' },
    el('span', { class: 'group-icon', title: g.name, 'aria-hidden': 'true', text: g.icon || '' }),
    el('span', { class: 'visually-hidden', text: `${g.name}: ` }),
    el('span', { class: 'note-text', text: note.text })), g.colour);
}

function themeItem(label, ids, raised, notes, groups, extraClass = '', { level = 3, dots = null } = {}) {
  return el('li', { class: `summary-theme ${extraClass}`, dataset: dots === null ? {} : { dots: String(dots) } },
    el('div', { class: 'theme-head' },
      el(`h${level}`, { class: 'theme-label', text: label }),
      dots ? el('span', { class: 'theme-dots', 'aria-hidden': 'true', text: `● ${dots}` }) : null,
      dots ? el('span', { class: 'visually-hidden', text: tn('sq.n', dots) }) : null),
    raised.length ? el('p', { class: 'theme-groups' },
      el('span', { class: 'visually-hidden', text: t('sum.raisedBy') }),
      raised.map((id) => groups.get(id)).filter(Boolean).map(chip)) : null,
    el('ul', { class: 'theme-notes' }, ids.map((id) => notes.get(id)).filter(Boolean).map((n) => noteItem(n, groups))));
}

/**
 * The theme list items: themes of two notes or more (or with dots), then the loose notes. When the
 * room voted (any theme has dots) the themes come ranked by their dots, each with "● n".
 */
export function themeEntries(themes, notes, groups, level = 3) {
  const voted = themes.some((th) => th.dots > 0);
  const order = voted ? [...themes].sort((a, b) => (b.dots || 0) - (a.dots || 0)) : themes;
  const items = [];
  const singles = [];
  for (const th of order) {
    const ids = (th.noteIds || []).filter((id) => notes.has(id));
    if (ids.length > 1 || (th.dots > 0 && ids.length)) {
      items.push(themeItem(th.label, ids, th.groups || [], notes, groups, '', { level, dots: voted ? th.dots || 0 : null }));
    } else singles.push(...ids);
  }
  if (singles.length) {
    const raised = [...groups.keys()].filter((g) => singles.some((id) => notes.get(id).group === g));
    items.push(themeItem(t('themes.loners'), singles, raised, notes, groups, 'is-singles', { level }));
  }
  return { items, voted };
}

function renderThemes(snapshot, notes, groups) {
  const list = clear($('#themes'));
  list.append(...themeEntries(snapshot.themes || [], notes, groups).items);
  $('#themes-section').hidden = !list.childElementCount;
  const window = windowLine({ window: snapshot.themesWindow }, { sentence: true });
  $('#themes-window').hidden = !window;
  $('#themes-window').textContent = window;
}

function renderLens(snapshot, notes, groups) {
  const framework = snapshot.workshop.framework;
  const lens = snapshot.lens || {};
  $('#lens-section').hidden = !framework || !Object.keys(lens).length;
  if (!framework) return;
  $('#lens-title').textContent = `${t('board.lens')}: ${framework.name}`;
  const rows = [...framework.themes, { id: 'other', label: t('themes.other'), description: '' }];
  const unused = [];
  clear($('#lens')).append(...rows.flatMap((row) => {
    const ids = Object.keys(lens).filter((id) => lens[id] === row.id && notes.has(id));
    if (!ids.length) { if (row.id !== 'other') unused.push(row.label); return []; }
    const item = themeItem(row.label, ids, [], notes, groups, 'lens-row');
    if (row.description) item.querySelector('.theme-head').after(el('p', { class: 'muted small', text: row.description }));
    return [item];
  }));
  // Parts of the framework no note touched: one line, so they still show as a gap.
  $('#lens-unused').textContent = unused.length ? t('sum.lensUnused', { themes: unused.join(', ') }) : '';
  $('#lens-unused').hidden = !unused.length;
}

function renderDownloads(sessionId) {
  // The links depend on the session only: kept across live updates, so a tap is never
  // on a link that was just replaced.
  const box = $('#downloads');
  if (box.children.length && box.dataset.session === sessionId) return;
  box.dataset.session = sessionId;
  clear(box).append(...FORMATS.map(([format, label]) => el('a', {
    class: 'btn download', href: `/api/summary/download${query(sessionId, `format=${format}`)}`,
    download: '', dataset: { format }, text: label,
  })));
}

/** Fills the page from a snapshot (see GET /api/summary). */
export function renderSnapshot(snapshot, sessionId) {
  const groups = new Map(snapshot.groups.map((g) => [g.id, g]));
  const notes = new Map(snapshot.groups.flatMap((g) => (g.notes || []).map((n) => [n.id, n])));
  // A group that wrote nothing (no notes, no summary) has nothing to take home.
  const written = snapshot.groups.filter((g) => (g.notes || []).length || (g.summary && g.summary.text.trim()));
  clear($('#groups')).append(...written.map(groupSection));
  const used = snapshot.groups.filter((g) => (g.notes || []).length).length;
  $('#totals').textContent = t('summary.total', { notes: tn('notes', notes.size), groups: used });
  renderThemes(snapshot, notes, groups);
  renderLens(snapshot, notes, groups);
  renderDownloads(sessionId);
  const img = $('#matrix');
  const src = `/api/summary/matrix.svg${query(sessionId, `v=${notes.size}-${(snapshot.themes || []).length}`)}`;
  if (img.getAttribute('src') !== src) {
    $('#matrix-figure').hidden = false;
    img.src = src;
  }
  img.alt = t('sum.matrixAlt');
}

$('#matrix').addEventListener('error', () => { $('#matrix-figure').hidden = true; });
