// Where the summary page gets its data: the server's snapshot (GET /api/summary[?session=]).
import { api } from './api.js';

/** → {snapshot} | {notShared: true} (403: not published and not the trainer). Throws ApiError otherwise. */
export async function loadSummary(sessionId) {
  try {
    return { snapshot: await api.summary(sessionId) };
  } catch (e) {
    if (e.status === 403) return { notShared: true };
    throw e;
  }
}
