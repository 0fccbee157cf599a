// FLIP: remember where elements were, change the DOM, then glide them from there.
// Uses the Web Animations API (no inline styles, fine under the CSP).

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const EASE = 'cubic-bezier(.2, .7, .2, 1)';
const DURATION = 550;

export const prefersReducedMotion = () => reducedMotion.matches;

/** Positions of the connected elements of a Map(id → Element). */
export function snapshot(nodes) {
  const rects = new Map();
  for (const [id, node] of nodes) {
    if (!node.isConnected) continue;
    const rect = node.getBoundingClientRect();
    if (rect.width || rect.height) rects.set(id, rect); // hidden elements have no place to come from
  }
  return rects;
}

/** How far an element moved since the snapshot: {dx, dy}, or null when it is new. */
export function delta(before, id, node) {
  const was = before.get(id);
  if (!was || !node.isConnected) return null;
  const now = node.getBoundingClientRect();
  return { dx: was.left - now.left, dy: was.top - now.top };
}

/** Animates an element from an offset back to its place; `minus` is its parent's own offset. */
export function glide(node, d, minus = null) {
  if (!d || reducedMotion.matches || typeof node.animate !== 'function') return;
  const dx = d.dx - (minus ? minus.dx : 0);
  const dy = d.dy - (minus ? minus.dy : 0);
  if (Math.abs(dx) < 1 && Math.abs(dy) < 1) return;
  node.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'none' }], { duration: DURATION, easing: EASE });
}

export function fadeIn(node) {
  if (reducedMotion.matches || typeof node.animate !== 'function') return;
  node.animate([{ opacity: 0 }, { opacity: 1 }], { duration: DURATION, easing: 'ease-out' });
}
