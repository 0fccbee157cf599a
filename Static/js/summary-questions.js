// Summary page, a workshop of several questions: one section per question (the question as its
// heading) with its groups' summaries and notes and its themes, ranked by the room's dots when it
// voted. One question (or a server without `questions`): the page stays as it was.
import { el, $, clear } from './dom.js';
import { t, tn } from './i18n.js';
import { groupSection, themeEntries } from './summary-render.js';

/** The questions to show one by one, or [] when the snapshot describes a single question. */
export const questionsOf = (snapshot) =>
  (Array.isArray(snapshot.questions) && snapshot.questions.length > 1 ? snapshot.questions : []);

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
      el('p', { class: 'muted', text: voted ? tn('sq.ranked', Number(q.voters) || 0) : t('sum.themesHint') }),
      el('ol', { class: 'summary-themes' }, items),
    ] : null);
}

/** Fills #questions (and the totals over every question); hides the single-question sections. */
export function renderQuestions(snapshot) {
  const list = questionsOf(snapshot);
  const several = list.length > 0;
  $('#questions').hidden = !several;
  $('#question-section').hidden = several;
  $('#groups-section').hidden = several;
  if (several) $('#themes-section').hidden = true;
  if (!several) return clear($('#questions'));
  clear($('#questions')).append(...list.map((q, i) => section(q, i, list.length, snapshot.groups || [])));
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
