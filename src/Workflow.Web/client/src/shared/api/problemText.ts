import i18n from '../i18n';
import { ApiError } from './client';

/** A refusal in words, with what to do: the reason's own sentence where we have one, else the server's detail. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    const reason = error.problem.reason;
    if (reason && i18n.exists(`common:reasons.${reason}`)) return i18n.t(`common:reasons.${reason}`);
    if (error.status === 403) return i18n.t('common:errors.forbidden');
    if (error.status === 404) return i18n.t('common:errors.notFound');
    if (error.status === 401) return i18n.t('common:errors.signedOut');
    if (error.status >= 500) return i18n.t('common:errors.server');
    return error.problem.detail ?? error.problem.title ?? i18n.t('common:errors.refused', { status: error.status });
  }
  if (error instanceof TypeError) return i18n.t('common:errors.network');
  return error instanceof Error ? error.message : String(error);
}
