// What a failed request means for the person holding the phone, in their language.
// The server's own (English) text is only a last resort.
import { t } from './i18n.js';

const BY_STATUS = {
  401: 'error.rejoin', 403: 'error.forbidden', 404: 'error.notFound', 409: 'error.closed',
  413: 'error.tooLarge', 422: 'error.invalid',
};

export function errorMessage(error) {
  if (!error || error.network || !error.status) return t('error.network');
  if (error.status === 429) return t('error.tooManyRequests', { n: error.retryAfter || 60 });
  if (BY_STATUS[error.status]) return t(BY_STATUS[error.status]);
  if (error.status >= 500) return t('error.server');
  return t('error.unknown', { message: error.message || String(error.status) });
}
