// Fills the board's themes view (or the theory lens) from board.js's state: the shown question's
// notes and themes, the view's title and note, and the figure of themes the groups share.
import { $ } from './dom.js';
import { t, tn } from './i18n.js';
import { themeRows, lensRows, windowLine } from './board-themes.js';
import { renderOverlap } from './board-overlap.js';

/** The lens shows when it is chosen and the workshop has one. */
export const lensOn = (prefs, state) => Boolean(prefs.lens && state.themes && state.themes.lens);

/** `view`: the board's ThemesView; does nothing while another view shows. */
export function renderThemes(view, state, prefs) {
  if (!state.session || prefs.layout !== 'themes' || prefs.view !== 'board') return;
  const lens = lensOn(prefs, state);
  const rows = lens ? lensRows(state.themes.lens, state.notes, state.themes.window) : themeRows(state.themes, state.notes);
  view.render(rows, state.notes, { keepOrder: lens });
  const counted = rows.filter((r) => !r.kind);
  const title = lens ? `${t('board.lens')}: ${state.themes.lens.name}` : tn('themes.count', counted.length);
  $('#themes-title').textContent = [title, windowLine(state.themes)].filter(Boolean).join(' · ');
  const note = $('#themes-note');
  note.hidden = !(state.themesError || !state.notes.size);
  note.textContent = state.themesError ? t('themes.unavailable') : t('board.empty');
  renderOverlap($('#overlap-figure'), $('#overlap-top'), state.session.workshop.groups, counted);
}
