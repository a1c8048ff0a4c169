// One task: its header (what, on which dossier, by when, who holds it), claim and release, then its
// form (the Form.io wrapper, loaded only for tasks that have one) or a "mark as done" button; once
// finished, what it caused (the appointment its planning step booked).
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useFormat } from '../../shared/time';
import { Loading, QueryState } from '../../shared/ui/Status';
import { taskKeys, useBookedAppointment, useClaim, useComplete, useRelease, useTask, type Task } from './api';
import { StatusBadge, TaskBadges, isFinished, taskProblemText, useHolding } from './TaskBits';
import './tasks.css';

const TaskForm = lazy(() => import('../forms/TaskForm'));

export default function TaskPage() {
  const { id = '' } = useParams();
  const task = useTask(id);
  return <QueryState query={task}>{(data) => <TaskView task={data} />}</QueryState>;
}

function TaskView({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const client = useQueryClient();
  const holding = useHolding(task);
  const claim = useClaim();
  const release = useRelease();
  const complete = useComplete();
  const [done, setDone] = useState<string | null>(null);
  const failure = claim.error ?? release.error ?? complete.error;
  const busy = claim.isPending || release.isPending || complete.isPending;
  const finished = isFinished(task);

  function run(action: typeof claim, message: string) {
    claim.reset(); release.reset(); complete.reset();
    setDone(null);
    action.mutate(task.id, { onSuccess: () => setDone(message) });
  }

  function formCompleted(next: Task) {
    client.setQueryData(taskKeys.one(next.id), next);
    void client.invalidateQueries({ queryKey: taskKeys.all });
    setDone(t('actions.completed'));
  }

  return (
    <article className="task-page">
      <p className="mb-2"><Link to="/tasks">← {t('task.back')}</Link></p>
      <header className="mb-3">
        <div className="d-flex flex-wrap align-items-center gap-2">
          <h1 className="h3 mb-0" translate="no">{task.title}</h1>
          <StatusBadge task={task} />
          <TaskBadges task={task} />
        </div>
        {task.description && <p className="mt-2 mb-0 text-pre-line">{task.description}</p>}
      </header>

      <dl className="row task-facts mb-3">
        <dt className="col-sm-3 col-lg-2">{t('task.dossier')}</dt>
        <dd className="col-sm-9 col-lg-10">
          <Link to={`/dossiers/${task.dossierId}`}>{task.dossierReference} — {task.dossierTitle}</Link>
        </dd>
        <dt className="col-sm-3 col-lg-2">{t('task.due')}</dt>
        <dd className="col-sm-9 col-lg-10">{task.dueAt ? <time dateTime={task.dueAt}>{format.dateTime(task.dueAt)}</time> : t('inbox.noDue')}</dd>
        <dt className="col-sm-3 col-lg-2">{task.status === 'completed' ? t('task.completedBy') : t('task.holder')}</dt>
        <dd className="col-sm-9 col-lg-10">{holding.label}</dd>
        <dt className="col-sm-3 col-lg-2">{t('task.created')}</dt>
        <dd className="col-sm-9 col-lg-10">{format.dateTime(task.createdAt)}</dd>
        {task.startedAt && !finished && <>
          <dt className="col-sm-3 col-lg-2">{t('task.started')}</dt>
          <dd className="col-sm-9 col-lg-10">{format.dateTime(task.startedAt)}</dd>
        </>}
        {task.completedAt && <>
          <dt className="col-sm-3 col-lg-2">{t('task.completedAt')}</dt>
          <dd className="col-sm-9 col-lg-10">{format.dateTime(task.completedAt)}</dd>
        </>}
      </dl>

      {!finished && holding.holding === 'colleague' && (
        <p className="alert alert-info">
          {task.startedAt
            ? t('task.heldBy', { name: holding.label, since: format.dateTime(task.startedAt) })
            : t('task.heldBySince', { name: holding.label })}
        </p>
      )}
      {!finished && holding.holding === 'role' && (
        <p className="alert alert-light border">{holding.canClaim ? t('task.offered', { role: holding.roleName }) : t('task.notYours', { role: holding.roleName })}</p>
      )}

      <div className="d-flex flex-wrap gap-2 mb-3">
        {holding.canClaim && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => run(claim, t('actions.claimed'))}>{t('actions.claim')}</button>
        )}
        {holding.canRelease && (
          <button type="button" className="btn btn-outline-dark" disabled={busy} onClick={() => run(release, t('actions.released'))}>{t('actions.release')}</button>
        )}
        {!task.formKey && !finished && (holding.holding === 'mine' || holding.canClaim) && (
          <button type="button" className="btn btn-success" disabled={busy} onClick={() => run(complete, t('actions.completed'))}>{t('actions.complete')}</button>
        )}
      </div>
      <div role="status">{done && <p className="alert alert-success">{done}</p>}</div>
      <div role="alert">{failure && <p className="alert alert-danger">{taskProblemText(failure)}</p>}</div>

      {finished && <Outcome task={task} />}

      {task.formKey ? (
        <section aria-labelledby="task-form-title" className="mt-3">
          <h2 id="task-form-title" className="h5">{t('task.form')}</h2>
          <Suspense fallback={<Loading label={t('task.loadingForm')} />}>
            <TaskForm taskId={task.id} onCompleted={formCompleted} />
          </Suspense>
        </section>
      ) : !finished && <p className="text-body-secondary">{t('task.noForm')}</p>}
    </article>
  );
}

/** What the finished task caused: the appointment its planning step booked, if any. */
function Outcome({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const appointmentId = appointmentOf(task);
  const appointment = useBookedAppointment(appointmentId);
  if (task.status === 'cancelled') return <p className="alert alert-secondary">{t('task.finished', { status: t('common:status.cancelled') })}</p>;
  if (!appointmentId) return null;
  return (
    <section aria-labelledby="task-outcome-title" className="card mb-3">
      <div className="card-body">
        <h2 id="task-outcome-title" className="h5">{t('task.outcome')}</h2>
        <QueryState query={appointment}>
          {(a) => (
            <p className="mb-0">
              {a.mainUserName
                ? t('task.booked', { name: a.mainUserName, when: format.range(a.start, a.end) })
                : t('task.bookedNoName', { when: format.range(a.start, a.end) })}
              {' '}<Link to={`/appointments/${a.id}`}>{t('task.openAppointment')}</Link>
            </p>
          )}
        </QueryState>
      </div>
    </section>
  );
}

function appointmentOf(task: Task): string | undefined {
  const data = task.data as { planning?: { appointmentId?: unknown } } | null | undefined;
  const id = data?.planning?.appointmentId;
  return typeof id === 'string' && id ? id : undefined;
}
