// Board keyboard shortcuts and screen wake lock.

// The views →/← (and a clicker's Page Down/Up) walk through, in the order of a workshop.
const VIEWS = ['briefing', 'columns', 'themes', 'lens', 'votes', 'summary'];

export function currentView(prefs) {
  if (prefs.view === 'briefing' || prefs.view === 'summary') return prefs.view;
  if (prefs.layout === 'themes') return prefs.lens ? 'lens' : 'themes';
  if (prefs.layout === 'votes') return 'votes';
  return 'columns';
}

export function setView(prefs, view) {
  if (view === 'briefing' || view === 'summary') { prefs.view = view; return; }
  const layout = view === 'columns' || view === 'votes' ? view : 'themes';
  Object.assign(prefs, { view: 'board', layout, lens: view === 'lens' });
}

/**
 * → ← Page Down/Up next/previous view (the briefing pages its slides first), B briefing,
 * V columns/themes, L theory lens, Q QR, F fullscreen, T light/dark, S timer, Esc back to the board
 * (R votes: board-votes.js, [ ] questions: board-question.js, G summaries: board-summaries.js).
 * ctx: { applyTheme, onChange, scroll(pages), hasLens(), hasVotes(), slides(), toggleTimer() }
 */
export function installKeys(prefs, ctx) {
  const { applyTheme, onChange, scroll = () => {}, hasLens = () => false, hasVotes = () => false, slides = () => 0, toggleTimer = () => {} } = ctx;
  const views = () => VIEWS.filter((v) => (v !== 'lens' || hasLens()) && (v !== 'votes' || hasVotes() || currentView(prefs) === 'votes'));
  const step = (by) => {
    const list = views();
    const at = Math.max(0, list.indexOf(currentView(prefs)));
    const next = list[Math.max(0, Math.min(list.length - 1, at + by))];
    if (next === 'briefing' && by < 0) prefs.slide = Math.max(0, slides() - 1);
    if (next === 'briefing' && by > 0) prefs.slide = 0;
    setView(prefs, next);
  };
  const next = () => {
    if (prefs.view === 'briefing' && prefs.slide < slides() - 1) prefs.slide += 1;
    else step(1);
  };
  const previous = () => {
    if (prefs.view === 'briefing' && prefs.slide > 0) prefs.slide -= 1;
    else step(-1);
  };
  const keys = {
    b: () => { prefs.view = prefs.view === 'briefing' ? 'board' : 'briefing'; },
    v: () => { prefs.layout = prefs.layout === 'themes' ? 'columns' : 'themes'; prefs.view = 'board'; },
    l: () => {
      if (prefs.layout === 'themes') prefs.lens = !prefs.lens;
      else Object.assign(prefs, { layout: 'themes', lens: true });
      prefs.view = 'board';
    },
    q: () => { prefs.qr = !prefs.qr; },
    s: () => toggleTimer(),
    t: () => {
      const dark = prefs.theme ? prefs.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
      prefs.theme = dark ? 'light' : 'dark';
      applyTheme();
    },
    f: () => {
      if (document.fullscreenElement) document.exitFullscreen();
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => {});
    },
    escape: () => { prefs.view = 'board'; },
    arrowright: next,
    pagedown: next,
    ' ': next,
    arrowleft: previous,
    pageup: previous,
    arrowdown: () => scroll(0.5),
    arrowup: () => scroll(-0.5),
  };

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest && event.target.closest('button, a, input, textarea, select') && (event.key === ' ' || event.key === 'Enter')) return;
    const action = keys[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    action();
    onChange();
  });
}

/** Light or dark as chosen with T (prefs.theme), else the system's. */
export function applyColours(prefs) {
  if (prefs.theme) document.documentElement.dataset.theme = prefs.theme;
  else delete document.documentElement.dataset.theme;
}

let wakeLock = null;
/** Screen Wake Lock where the browser allows it; re-taken when the tab is visible again. */
export async function keepAwake() {
  if (!('wakeLock' in navigator) || document.visibilityState !== 'visible' || wakeLock) return;
  try {
    wakeLock = await navigator.wakeLock.request('screen');
    wakeLock.addEventListener('release', () => { wakeLock = null; });
  } catch { /* not allowed (e.g. insecure context): fine */ }
}

document.addEventListener('visibilitychange', keepAwake);
