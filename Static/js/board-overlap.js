// Which groups share the most themes: a small group × group matrix in SVG (DOM APIs only).
import { inkFor } from './dom.js';
import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const CELL = 52;
const LEFT = 44;
const BOTTOM = 44;

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

/** counts[i][j]: themes with notes of both group i and group j. rows: [{groups: Set}] */
export function overlapCounts(groups, rows) {
  const index = new Map(groups.map((g, i) => [g.id, i]));
  const counts = groups.map(() => groups.map(() => 0));
  for (const row of rows) {
    const present = [...row.groups].map((id) => index.get(id)).filter((i) => i !== undefined);
    for (const a of present) for (const b of present) if (a !== b) counts[a][b] += 1;
  }
  return counts;
}

function badge(group, x, y) {
  const colour = HEX.test(group.colour || '') ? group.colour : '#6b7280';
  const g = svg('g', { class: 'ov-badge' });
  g.append(svg('circle', { cx: x, cy: y, r: 17, fill: colour }),
    svg('text', { x, y, 'text-anchor': 'middle', 'dominant-baseline': 'central', fill: inkFor(colour), class: 'ov-icon' }, group.icon || group.name.slice(0, 1)));
  g.append(svg('title', {}, group.name));
  return g;
}

/** Draws the lower triangle of the matrix into `box`, and the strongest pair into `topLine`. */
export function renderOverlap(box, topLine, groups, rows) {
  while (box.firstChild) box.firstChild.remove();
  const n = groups.length;
  if (n < 2) { topLine.textContent = ''; return; }
  const counts = overlapCounts(groups, rows);
  let max = 0;
  for (let i = 1; i < n; i += 1) for (let j = 0; j < i; j += 1) max = Math.max(max, counts[i][j]);

  const size = (n - 1) * CELL;
  const figure = svg('svg', {
    viewBox: `0 0 ${LEFT + size + 4} ${size + BOTTOM}`, class: 'overlap-svg', role: 'img',
  });
  const labels = [];
  for (let i = 1; i < n; i += 1) {
    const y = (i - 1) * CELL;
    figure.append(badge(groups[i], LEFT / 2 - 2, y + CELL / 2));
    for (let j = 0; j < i; j += 1) {
      const value = counts[i][j];
      const x = LEFT + j * CELL;
      // Three steps of strength, each with a text colour that keeps 4.5:1 in both themes.
      const strength = max ? value / max : 0;
      const level = !value ? 0 : strength > 0.67 ? 3 : strength > 0.34 ? 2 : 1;
      const cell = svg('rect', {
        x: x + 2, y: y + 2, width: CELL - 4, height: CELL - 4, rx: 8,
        class: level ? 'ov-cell' : 'ov-cell is-zero', 'fill-opacity': [1, 0.22, 0.45, 1][level],
      });
      cell.append(svg('title', {}, t('overlap.cell', { a: groups[i].name, b: groups[j].name, n: value })));
      figure.append(cell, svg('text', {
        x: x + CELL / 2, y: y + CELL / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central',
        class: level === 3 ? 'ov-num is-strong' : 'ov-num',
      }, value));
      labels.push(t('overlap.cell', { a: groups[i].name, b: groups[j].name, n: value }));
    }
  }
  for (let j = 0; j < n - 1; j += 1) figure.append(badge(groups[j], LEFT + j * CELL + CELL / 2, size + BOTTOM / 2));
  figure.setAttribute('aria-label', `${t('overlap.title')}: ${labels.join('; ')}`);
  box.append(figure);

  const best = [];
  for (let i = 1; i < n; i += 1) for (let j = 0; j < i; j += 1) if (max && counts[i][j] === max) best.push(`${groups[j].name} & ${groups[i].name}`);
  topLine.textContent = max ? t('overlap.top', { pairs: best.slice(0, 2).join(', '), n: max }) : t('overlap.none');
}
