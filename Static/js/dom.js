// Small DOM helpers. Text only ever goes in via textContent / text nodes.

/**
 * el('button', {class: 'btn', onclick: fn, dataset: {id: 1}}, 'Label', childNode)
 * Attributes: `class`, `text` (textContent), `dataset`, `on<event>` (function),
 * booleans (true → present, false/null → absent), anything else via setAttribute.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/**
 * A region that scrolls must be reachable by keyboard (WCAG 2.1.1): tabindex 0 while its content
 * overflows, none once it fits (kept while focused, so focus is not lost under the reader).
 */
export function reachableIfScrolling(node) {
  const scrolls = node.scrollHeight > node.clientHeight + 2 || node.scrollWidth > node.clientWidth + 2;
  if (scrolls) node.tabIndex = 0;
  else if (node !== document.activeElement) node.removeAttribute('tabindex');
  return scrolls;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Sets --group-colour, --group-rgb ("r g b", for tints) and a readable --group-ink (black or white). */
export function setGroupColour(node, colour) {
  if (!HEX.test(colour || '')) return node;
  node.style.setProperty('--group-colour', colour);
  node.style.setProperty('--group-rgb', rgb(colour).join(' '));
  node.style.setProperty('--group-ink', inkFor(colour));
  return node;
}

function rgb(colour) {
  let hex = colour.slice(1);
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** Black or white, whichever contrasts more with the colour (WCAG luminance). */
export function inkFor(colour) {
  const [r, g, b] = rgb(colour).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) ? '#111111' : '#ffffff';
}

/** Renders briefing text: lines become paragraphs, "- " lines become a list. */
export function renderBody(text) {
  const frag = document.createDocumentFragment();
  let list = null;
  for (const raw of String(text || '').split('\n')) {
    const line = raw.trim();
    if (!line) { list = null; continue; }
    if (line.startsWith('- ') || line.startsWith('* ')) {
      if (!list) frag.append(list = el('ul'));
      list.append(el('li', { text: line.slice(2) }));
    } else {
      list = null;
      frag.append(el('p', { text: line }));
    }
  }
  return frag;
}

export function formatDate(iso, lang, withTime = true) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const opts = { day: 'numeric', month: 'long', year: 'numeric' };
  if (withTime) Object.assign(opts, { hour: '2-digit', minute: '2-digit' });
  try { return d.toLocaleString(lang, opts); } catch { return d.toISOString(); }
}

export function formatTime(iso, lang) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  try { return d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }); } catch { return ''; }
}

export function store(key, value) {
  try {
    if (value === undefined || value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch { /* private mode or full: ignore */ }
}

export function load(key, fallback = null) {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch { return fallback; }
}
