// Type that shrinks as a box fills: the largest note size (and fewest columns of notes) at which
// every note in a box is seen whole, never below what the back of the room can still read.

export const MAX_COLUMNS = 3;
const NARROWEST = 9; // a column of notes narrower than this many em holds few words a line

/** Note sizes in px for this window: today's large type, down to 18px at 1920×1080 (12px at 1280×720). */
export function noteSizes() {
  const scale = Math.min(innerWidth / 1920, innerHeight / 1080);
  const largest = innerWidth <= 1400 ? 22 : Math.min(36, Math.max(24, innerWidth * 0.0145));
  return { largest: Math.round(largest), smallest: Math.max(12, Math.ceil(18 * scale)) };
}

const overflows = (box) => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
// While fitting (.is-fitting), words do not break: a word wider than its card shows as overflow.
const splitsWords = (box) => [...box.querySelectorAll('.note-text')].some((p) => p.scrollWidth > p.clientWidth + 1);

function tryLayout(frame, box, size, columns) {
  frame.style.setProperty('--note-size', `${size}px`);
  frame.style.setProperty('--note-columns', columns > 1 ? String(columns) : 'auto'); // one: no multi-column box at all
  return !overflows(box) && !(frame.classList.contains('is-fitting') && splitsWords(box));
}

const tooNarrow = (box, size, columns) => columns > 1 && box.clientWidth / columns < NARROWEST * size;

/**
 * Sets --note-size and --note-columns on `frame` so the notes in `box` fit it in `columns` columns
 * of notes, with whole words (a binary search over whole pixels). Notes that fit one column at
 * the largest size stay in one. Returns the size chosen, or 0 when nothing fits: then the box
 * scrolls at the smallest size.
 */
export function fitNotes(frame, box, columns, sizes = noteSizes()) {
  frame.classList.add('is-fitting');
  const whole = tryLayout(frame, box, sizes.largest, 1) ? sizes.largest : search(frame, box, columns, sizes);
  frame.classList.remove('is-fitting');
  // Words broken mid-way only in one column of notes, and only when nothing else fits.
  return whole || (columns === 1 ? search(frame, box, columns, sizes) : 0);
}

function search(frame, box, columns, { largest, smallest }) {
  const fits = (size) => !tooNarrow(box, size, columns) && tryLayout(frame, box, size, columns);
  let low = smallest;
  let high = largest;
  let best = 0;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) { best = mid; low = mid + 1; } else high = mid - 1;
  }
  tryLayout(frame, box, best || smallest, tooNarrow(box, smallest, columns) ? 1 : columns);
  return best;
}
