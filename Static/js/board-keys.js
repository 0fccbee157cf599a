// Board keyboard shortcuts and screen wake lock.

/** B briefing, Q QR, F fullscreen, T theme, arrows page the briefing, Esc back. */
export function installKeys(prefs, { applyTheme, onChange }) {
  const keys = {
    b: () => { prefs.view = prefs.view === 'briefing' ? 'board' : 'briefing'; },
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
  keys.pagedown = keys.arrowright; keys[' '] = keys.arrowright; keys.pageup = keys.arrowleft;

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
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
