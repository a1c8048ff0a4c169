// The inbox: my tasks and my roles' tasks, with who holds each one, due dates and badges; filtered by
// status through the URL (?show=open), claimed and released from the list. A table on a wide screen,
// cards on a phone.
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/time';
import { QueryState } from '../../shared/ui/Status';
import { useClaim, useInbox, useRelease, type Task } from './api';
import { StatusBadge, TaskBadges, isOverdue, taskProblemText, useHolding } from './TaskBits';
import './tasks.css';

const filters = ['current', 'open', 'in-progress', 'done', 'all'] as const;
type Filter = (typeof filters)[number];

function matches(task: Task, filter: Filter) {
  switch (filter) {
    case 'current': return task.status === 'open' || task.status === 'in-progress';
    case 'open': return task.status === 'open';
    case 'in-progress': return task.status === 'in-progress';
    case 'done': return task.status === 'completed';
    default: return true;
  }
}

export default function InboxPage() {
  const { t } = useTranslation('tasks');
  const [params, setParams] = useSearchParams();
  const shown = params.get('show');
  const filter: Filter = (filters as readonly string[]).includes(shown ?? '') ? (shown as Filter) : 'current';
  const inbox = useInbox(filter === 'done' || filter === 'all');
  const claim = useClaim();
  const release = useRelease();
  const failure = claim.error ?? release.error;

  function choose(next: Filter) {
    const copy = new URLSearchParams(params);
    if (next === 'current') copy.delete('show'); else copy.set('show', next);
    setParams(copy, { replace: true });
  }

  return (
    <section className="tasks-inbox">
      <h1 className="h3">{t('inbox.title')}</h1>
      <p className="text-body-secondary">{t('inbox.intro')}</p>
      <div className="d-flex flex-wrap gap-1 mb-3" role="group" aria-label={t('inbox.filter')}>
        {filters.map((f) => (
          <button key={f} type="button" className={`btn btn-sm ${f === filter ? 'btn-primary' : 'btn-outline-primary'}`}
                  aria-pressed={f === filter} onClick={() => choose(f)}>
            {t(`inbox.filters.${f}`)}
          </button>
        ))}
      </div>
      <div role="alert">{failure ? <p className="alert alert-danger">{taskProblemText(failure)}</p> : null}</div>
      <QueryState query={inbox}>
        {(all) => {
          const tasks = all.filter((task) => matches(task, filter));
          if (filter === 'done')
            tasks.sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));
          if (tasks.length === 0)
            return <p className="alert alert-light border" role="status">{t(`inbox.empty.${filter}`)}</p>;
          const actions = { claim: (id: string) => claim.mutate(id), release: (id: string) => release.mutate(id), busy: claim.isPending || release.isPending };
          return (
            <>
              <p className="small text-body-secondary" role="status">{t('inbox.count', { count: tasks.length })}</p>
              <table className="table table-hover align-middle d-none d-md-table tasks-table">
                <caption className="visually-hidden">{t('inbox.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('inbox.columns.task')}</th>
                    <th scope="col">{t('inbox.columns.dossier')}</th>
                    <th scope="col">{t('inbox.columns.due')}</th>
                    <th scope="col">{t('inbox.columns.holder')}</th>
                    <th scope="col">{t('inbox.columns.status')}</th>
                    <th scope="col"><span className="visually-hidden">{t('inbox.columns.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {tasks.map((task) => <TaskRow key={task.id} task={task} {...actions} />)}
                </tbody>
              </table>
              <ul className="list-unstyled d-md-none tasks-cards" aria-label={t('inbox.list')}>
                {tasks.map((task) => <TaskCard key={task.id} task={task} {...actions} />)}
              </ul>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

interface RowProps { task: Task; claim(id: string): void; release(id: string): void; busy: boolean }

function Due({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  if (!task.dueAt) return <span className="text-body-secondary">{t('inbox.noDue')}</span>;
  return <time dateTime={task.dueAt} className={isOverdue(task) ? 'text-danger-emphasis fw-semibold' : undefined}>{format.dateTime(task.dueAt)}</time>;
}

function Holder({ task }: { task: Task }) {
  const { label, holding } = useHolding(task);
  return <span className={holding === 'mine' ? 'fw-semibold' : holding === 'role' ? 'text-body-secondary' : undefined}>{label}</span>;
}

function Actions({ task, claim, release, busy }: RowProps) {
  const { t } = useTranslation('tasks');
  const { canClaim, canRelease } = useHolding(task);
  return (
    <>
      {canClaim && (
        <button type="button" className="btn btn-sm btn-primary" disabled={busy} onClick={() => claim(task.id)}>
          {t('actions.claim')}<span className="visually-hidden"> {task.title}</span>
        </button>
      )}
      {canRelease && (
        <button type="button" className="btn btn-sm btn-outline-dark" disabled={busy} onClick={() => release(task.id)}>
          {t('actions.release')}<span className="visually-hidden"> {task.title}</span>
        </button>
      )}
    </>
  );
}

function DossierLink({ task }: { task: Task }) {
  return <Link to={`/dossiers/${task.dossierId}`} title={task.dossierTitle}>{task.dossierReference}</Link>;
}

function TaskRow(props: RowProps) {
  const { task } = props;
  return (
    <tr className={isOverdue(task) ? 'tasks-overdue' : undefined}>
      <td>
        <Link to={`/tasks/${task.id}`} className="fw-semibold" translate="no">{task.title}</Link>{' '}
        <span className="d-inline-flex gap-1 flex-wrap"><TaskBadges task={task} /></span>
      </td>
      <td><DossierLink task={task} /><div className="small text-body-secondary text-truncate tasks-dossier-title">{task.dossierTitle}</div></td>
      <td><Due task={task} /></td>
      <td><Holder task={task} /></td>
      <td><StatusBadge task={task} /></td>
      <td className="text-end text-nowrap"><Actions {...props} /></td>
    </tr>
  );
}

function TaskCard(props: RowProps) {
  const { t } = useTranslation('tasks');
  const { task } = props;
  return (
    <li className={`card mb-2 ${isOverdue(task) ? 'border-warning' : ''}`}>
      <div className="card-body p-3">
        <div className="d-flex justify-content-between gap-2">
          <Link to={`/tasks/${task.id}`} className="fw-semibold" translate="no">{task.title}</Link>
          <StatusBadge task={task} />
        </div>
        <div className="d-flex gap-1 flex-wrap my-1"><TaskBadges task={task} /></div>
        <dl className="row small mb-0">
          <dt className="col-4">{t('inbox.columns.dossier')}</dt>
          <dd className="col-8 mb-1"><DossierLink task={task} /> <span className="text-body-secondary">{task.dossierTitle}</span></dd>
          <dt className="col-4">{t('inbox.columns.due')}</dt>
          <dd className="col-8 mb-1"><Due task={task} /></dd>
          <dt className="col-4">{t('inbox.columns.holder')}</dt>
          <dd className="col-8 mb-1"><Holder task={task} /></dd>
        </dl>
        <div className="d-flex gap-2 mt-2 tasks-card-actions"><Actions {...props} /></div>
      </div>
    </li>
  );
}
