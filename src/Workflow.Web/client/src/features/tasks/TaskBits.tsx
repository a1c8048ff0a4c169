// What the inbox and the task page both show about a task: who holds it, its badges, a refusal in words.
import { useTranslation } from 'react-i18next';
import i18n from '../../shared/i18n';
import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import { Badge } from '../../shared/ui/Status';
import { useSession } from '../../shared/shell/session';
import type { Task } from './api';

export const isFinished = (task: Task) => task.status === 'completed' || task.status === 'cancelled';

/** Due before now and not finished. */
export const isOverdue = (task: Task, now = Date.now()) => !!task.dueAt && !isFinished(task) && new Date(task.dueAt).getTime() < now;

export type Holding = 'mine' | 'colleague' | 'role' | 'nobody';

/** Who holds the task, seen from the signed-in user. */
export function useHolding(task: Task) {
  const { t } = useTranslation('tasks');
  const { user, has } = useSession();
  const holding: Holding = task.assigneeId
    ? (task.assigneeId === user?.id ? 'mine' : 'colleague')
    : task.candidateRole ? 'role' : 'nobody';
  const roleName = task.candidateRole ? t(`common:roles.${task.candidateRole}`, { defaultValue: task.candidateRole }) : '';
  const label = {
    mine: t('holder.me'),
    colleague: task.assigneeName ?? t('holder.colleague'),
    role: t('holder.role', { role: roleName }),
    nobody: t('holder.nobody'),
  }[holding];
  const active = !isFinished(task);
  const inRole = !!task.candidateRole && has(task.candidateRole as never);
  return {
    holding,
    label,
    roleName,
    canClaim: active && holding === 'role' && (inRole || has('admin')),
    canRelease: active && (holding === 'mine' ? !!task.candidateRole || task.status === 'in-progress' : holding === 'colleague' && has('admin')),
  };
}

export function TaskBadges({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  return (
    <>
      {task.urgent && <Badge kind="urgent">{t('common:badges.urgent')}</Badge>}
      {task.confidential && <Badge kind="confidential">{t('common:badges.confidential')}</Badge>}
      {isOverdue(task) && <Badge kind="overdue">{t('common:badges.overdue')}</Badge>}
    </>
  );
}

export function StatusBadge({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  const cls = { open: 'text-bg-primary', 'in-progress': 'text-bg-info', completed: 'text-bg-success', cancelled: 'text-bg-secondary' }[task.status];
  return <span className={`badge ${cls}`}>{t(`common:status.${task.status}`)}</span>;
}

/** A refusal about a task in words: this feature's reasons first, then the shared ones. */
export function taskProblemText(error: unknown): string {
  if (error instanceof ApiError && error.problem.reason && i18n.exists(`tasks:reasons.${error.problem.reason}`))
    return i18n.t(`tasks:reasons.${error.problem.reason}`);
  return problemText(error);
}
