import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import i18n from '../../shared/i18n';

/** A refusal about a range in words: "overlap" means another range here, not another appointment. */
export function rangeProblem(error: unknown): string {
  const reason = error instanceof ApiError ? error.problem.reason : undefined;
  if (reason === 'overlap' || reason === 'appointments-outside') return i18n.t(`agendas:errors.${reason}`);
  return problemText(error);
}
