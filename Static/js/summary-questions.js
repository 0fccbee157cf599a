// Summary page, a workshop of several questions: one section per question (the question as its
// heading) with its groups' summaries and notes and its themes, ranked by the room's dots when it
// voted. One question: the page stays as it was.
import { el, $, clear } from './dom.js';
import { t, tn } from './i18n.js';
import { groupSection, themeEntries } from './summary-render.js';

const voters = (q) => (Number.isFinite(q.voters) ? q.voters
  : (q.ballots || []).filter((ballot) => Object.values(ballot || {}).some((n) => n > 0)).length);

/** One question as this page uses it: {id, text, groups, summaries, themes, lens, voters}. */
function asQuestion(part, question) {
  return { ...part, id: question.id, text: question.text, voters: voters(part) };
}

/**
 * The questions to show one by one, or [] when the snapshot describes a single question. The
 * server sends the first question at the top level (`question`, `groups`, `themes`, …) and the
 * others in `rounds`, each shaped like the top level with its own `question`; the contract's
 * `questions` (every question, `id` and `text` on each) is read too.
 */
export function questionsOf(snapshot) {
  if (Array.isArray(snapshot.questions) && snapshot.questions.length > 1) {
    return snapshot.questions.map((q) => asQuestion(q, q));
  }
  const rounds = (Array.isArray(snapshot.rounds) ? snapshot.rounds : []).filter((r) => r && r.question);
  if (!rounds.length || !snapshot.question) return [];
  const first = rounds.some((r) => r.question.id === snapshot.question.id) ? [] : [asQuestion(snapshot, snapshot.question)];
  const list = [...first, ...rounds.map((r) => asQuestion(r, r.question))];
  return list.length > 1 ? list : [];
}

/** The snapshot with every question's notes and lens together: for the lens section and matrix key. */
export function combined(snapshot, list) {
  const groups = (snapshot.groups || []).map((g) => ({
    ...g, notes: list.flatMap((q) => ((q.groups || []).find((x) => x.id === g.id) || {}).notes || []),
  }));
  return { ...snapshot, groups, lens: Object.assign({}, snapshot.lens, ...list.map((q) => q.lens || {})) };
}

const hasText = (summary) => Boolean(summary && summary.text && summary.text.trim());

function section(q, i, total, workshopGroups) {
  const summaries = q.summaries || {};
  // A group's own summary of this question: on the group, or in the question's `summaries`.
  const groups = (q.groups || []).map((g) => ({ ...g, summary: hasText(g.summary) ? g.summary : summaries[g.id] || null }));
  const byId = new Map([...workshopGroups, ...groups].map((g) => [g.id, g]));
  const notes = new Map(groups.flatMap((g) => (g.notes || []).map((n) => [n.id, n])));
  const written = groups.filter((g) => (g.notes || []).length || hasText(g.summary));
  const { items, voted } = themeEntries(q.themes || [], notes, byId, 4);
  const id = `question-${i + 1}`;
  return el('section', { class: 'summary-round', id, dataset: { question: q.id }, 'aria-labelledby': `${id}-title` },
    el('header', { class: 'summary-question' },
      el('p', { class: 'eyebrow', text: t('sq.questionN', { n: i + 1, total }) }),
      el('h2', { class: 'question round-title', id: `${id}-title`, text: q.text })),
    el('h3', { class: 'section-title round-sub', text: t('sum.groups') }),
    written.length
      ? el('div', { class: 'summary-groups' }, written.map((g) => groupSection(g, 4)))
      : el('p', { class: 'muted', text: t('summary.empty') }),
    items.length ? [
      el('h3', { class: 'section-title round-sub', text: t('sum.themes') }),
      el('p', { class: 'muted', text: voted ? tn('sq.ranked', q.voters) : t('sum.themesHint') }),
      el('ol', { class: 'summary-themes' }, items),
    ] : null);
}

/** Fills #questions (and the totals over every question); hides the single-question sections. */
export function renderQuestions(snapshot, list = questionsOf(snapshot)) {
  const several = list.length > 0;
  $('#questions').hidden = !several;
  $('#question-section').hidden = several;
  $('#groups-section').hidden = several;
  if (several) $('#themes-section').hidden = true;
  // The page's themes × groups figure is the first question's: it goes in that section.
  const matrix = $('#matrix-figure');
  $('#themes-section').after(matrix);
  if (!several) return clear($('#questions'));
  clear($('#questions')).append(...list.map((q, i) => section(q, i, list.length, snapshot.groups || [])));
  const rounds = [...document.querySelectorAll('#questions .summary-round')];
  rounds[0].append(matrix);
  // Every later question with themes gets its own figure, drawn by the server for that question.
  list.forEach((q, i) => {
    if (i === 0 || !(q.themes || []).length || !snapshot.session) return;
    const src = `/api/summary/matrix.svg?session=${encodeURIComponent(snapshot.session.id)}&question=${encodeURIComponent(q.id)}`;
    const caption = el('figcaption', { class: 'muted small', id: `matrix-caption-${i + 1}`, text: t('sum.matrixCaption') });
    rounds[i].append(el('figure', { class: 'matrix', tabindex: '0', 'aria-labelledby': caption.id },
      el('img', { src, alt: t('sum.matrixAlt') }), caption));
  });
  const groups = new Set();
  let count = 0;
  for (const q of list) {
    for (const g of q.groups || []) {
      count += (g.notes || []).length;
      if ((g.notes || []).length) groups.add(g.id);
    }
  }
  $('#totals').textContent = t('summary.total', { notes: tn('notes', count), groups: groups.size });
  return $('#questions');
}
