import i18n from '../../shared/i18n';
import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';

/** A refusal in words: this feature's sentence for the reason where the shared catalogue has none. */
export function refusal(error: unknown): string {
  if (error instanceof ApiError) {
    const reason = error.problem.reason;
    if (reason && i18n.exists(`appointments:reasons.${reason}`)) return i18n.t(`appointments:reasons.${reason}`);
    const fields = Object.values(error.fieldErrors).flat();
    if (error.status === 400 && fields.length > 0) return fields.join(' ');
  }
  return problemText(error);
}
