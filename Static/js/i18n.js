// UI strings, one catalogue per language (catalogue-*.js, with its -rounds.js part). Every key must exist in every catalogue.
import nl from './catalogue-nl.js';
import en from './catalogue-en.js';
import nlRounds from './catalogue-nl-rounds.js';
import enRounds from './catalogue-en-rounds.js';

export const catalogues = { nl: { ...nl, ...nlRounds }, en: { ...en, ...enRounds } };

export const languages = Object.keys(catalogues);
let current = 'nl';

export function language() { return current; }

/** Picks the catalogue ('nl-BE' → 'nl'; unknown → 'en') and sets <html lang>. */
export function setLanguage(lang) {
  const base = String(lang || '').toLowerCase().split('-')[0];
  current = catalogues[base] ? base : 'en';
  document.documentElement.lang = current;
  return current;
}

/** t('join.counter', {n: 3, max: 500}) → '3 / 500'. Falls back to English, then the key. */
export function t(key, vars = {}) {
  const template = catalogues[current][key] ?? catalogues.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** Plural: tn('notes', 3) uses 'notes.one' or 'notes.other'. */
export function tn(key, n, vars = {}) {
  return t(`${key}.${n === 1 ? 'one' : 'other'}`, { n, ...vars });
}

/** Fills static markup: data-i18n (text), data-i18n-placeholder, -aria-label, -title. */
export function translatePage(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const attr of ['placeholder', 'aria-label', 'title', 'alt']) {
    const data = `i18n${attr.replace(/(^|-)(\w)/g, (m, d, c) => c.toUpperCase())}`;
    for (const node of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      node.setAttribute(attr, t(node.dataset[data]));
    }
  }
}
