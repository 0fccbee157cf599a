// Board keyboard shortcuts and screen wake lock.

/** B briefing, V columns/themes, L theory lens, Q QR, F fullscreen, T theme, arrows page the briefing, Esc back. */
export function installKeys(prefs, { applyTheme, onChange, scroll = () => {} }) {
  const keys = {
    b: () => { prefs.view = prefs.view === 'briefing' ? 'board' : 'briefing'; },
    v: () => { prefs.layout = prefs.layout === 'themes' ? 'columns' : 'themes'; prefs.view = 'board'; },
    l: () => {
      if (prefs.layout === 'themes') prefs.lens = !prefs.lens;
      else Object.assign(prefs, { layout: 'themes', lens: true });
      prefs.view = 'board';
    },
    q: () => { prefs.qr = !prefs.qr; },
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
    arrowright: () => { if (prefs.view === 'briefing') prefs.slide += 1; },
    arrowleft: () => { if (prefs.view === 'briefing') prefs.slide = Math.max(0, prefs.slide - 1); },
  };
  keys[' '] = keys.arrowright;
  // Page keys page the briefing, or scroll the board's themes when there are more than fit.
  keys.pagedown = () => (prefs.view === 'briefing' ? keys.arrowright() : scroll(1));
  keys.pageup = () => (prefs.view === 'briefing' ? keys.arrowleft() : scroll(-1));
  keys.arrowdown = () => scroll(0.5);
  keys.arrowup = () => scroll(-0.5);

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
