// The dossier's tasks (title, status, due, holder) and a task created by hand: assignee or candidate role,
// due date in the user's zone, and a form such as the planning form.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import { Badge, QueryState } from '../../shared/ui/Status';
import { fromWall, useFormat } from '../../shared/time';
import { errorsFor, useCreateTask, useDossierTasks, useForms, useUsers, type Dossier } from './api';
import { Field } from './Field';
import { DateTimeInput } from '../../shared/ui/DateTimeInput';

const CANDIDATE_ROLES = ['planner', 'expert', 'admin'];

export function TasksSection({ dossier, canCreate }: { dossier: Dossier; canCreate: boolean }) {
  const { t } = useTranslation('dossiers');
  const tasks = useDossierTasks(dossier.id);
  const users = useUsers();
  const format = useFormat();
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState('');
  const userName = (id: string | null) => (id ? users.data?.find((u) => u.id === id)?.fullName ?? '' : '');
  const now = Date.now();

  return (
    <section id="tasks" aria-labelledby="tasks-title" className="mb-4">
      <div className="d-flex align-items-center justify-content-between gap-2">
        <h2 id="tasks-title" className="h4">{t('tasks.title')}</h2>
        {canCreate && !creating && <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => setCreating(true)}>{t('tasks.new')}</button>}
      </div>
      <p className="visually-hidden" role="status">{message}</p>
      {creating && <NewTaskForm dossier={dossier} onDone={(title) => { setCreating(false); if (title) setMessage(t('tasks.created', { title })); }} />}
      <QueryState query={tasks}>
        {(rows) => rows.length === 0 ? <p className="text-body-secondary">{t('tasks.none')}</p> : (
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <caption className="visually-hidden">{t('tasks.title')}</caption>
              <thead><tr>
                <th scope="col">{t('tasks.task')}</th><th scope="col">{t('fields.status')}</th><th scope="col">{t('tasks.due')}</th>
                <th scope="col">{t('tasks.holder')}</th><th scope="col">{t('tasks.origin')}</th>
              </tr></thead>
              <tbody>
                {rows.map((task) => {
                  const overdue = !!task.dueAt && new Date(task.dueAt).getTime() < now && (task.status === 'open' || task.status === 'in-progress');
                  return (
                    <tr key={task.id} data-task-id={task.id}>
                      <td>
                        <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                        {task.formKey && <span className="small text-body-secondary"> · {task.formKey}</span>}
                      </td>
                      <td>{t(`common:status.${task.status}`)}</td>
                      <td className="text-nowrap">{format.dateTime(task.dueAt)} {overdue && <Badge kind="overdue">{t('common:badges.overdue')}</Badge>}</td>
                      <td>{task.assigneeId ? userName(task.assigneeId) : task.candidateRole ? t('tasks.anyRole', { role: t(`common:roles.${task.candidateRole}`, { defaultValue: task.candidateRole }) }) : ''}</td>
                      <td>{t(`tasks.origins.${task.origin}`)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}

function NewTaskForm({ dossier, onDone }: { dossier: Dossier; onDone: (title?: string) => void }) {
  const { t } = useTranslation('dossiers');
  const format = useFormat();
  const users = useUsers();
  const forms = useForms();
  const create = useCreateTask(dossier.id);
  const [title, setTitle] = useState('');
  const [holder, setHolder] = useState<'user' | 'role'>('user');
  const [assigneeId, setAssigneeId] = useState('');
  const [candidateRole, setCandidateRole] = useState('planner');
  const [due, setDue] = useState('');
  const [formKey, setFormKey] = useState('');
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const err = (f: string) => errorsFor(fieldErrors, f);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({
      title: title.trim(),
      assigneeId: holder === 'user' ? assigneeId || null : null,
      candidateRole: holder === 'role' ? candidateRole : null,
      dueAt: due ? fromWall(due, format.timeZone).toISOString() : null,
      formKey: formKey || null,
    }, { onSuccess: (task) => onDone((task as { title: string }).title) });
  }

  return (
    <form className="card card-body mb-3" onSubmit={submit} noValidate aria-labelledby="new-task-title">
      <h3 id="new-task-title" className="h5">{t('tasks.newTitle')}</h3>
      <div className="row g-2">
        <Field className="col-md-6" label={t('tasks.taskTitle')} errors={err('title')}>
          <input className="form-control" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
        </Field>
        <Field className="col-md-6" label={t('tasks.form')} errors={err('formKey')} help={t('tasks.formHelp')}>
          <select className="form-select" value={formKey} onChange={(e) => setFormKey(e.target.value)}>
            <option value="">{t('tasks.noForm')}</option>
            {forms.data?.map((f) => <option key={f.key} value={f.key}>{f.title} ({f.key})</option>)}
          </select>
        </Field>
      </div>
      <fieldset className="my-2">
        <legend className="form-label fs-6 mb-1">{t('tasks.holderLegend')}</legend>
        <div className="form-check form-check-inline">
          <input className="form-check-input" type="radio" id="holder-user" name="holder" checked={holder === 'user'} onChange={() => setHolder('user')} />
          <label className="form-check-label" htmlFor="holder-user">{t('tasks.toUser')}</label>
        </div>
        <div className="form-check form-check-inline">
          <input className="form-check-input" type="radio" id="holder-role" name="holder" checked={holder === 'role'} onChange={() => setHolder('role')} />
          <label className="form-check-label" htmlFor="holder-role">{t('tasks.toRole')}</label>
        </div>
      </fieldset>
      <div className="row g-2">
        {holder === 'user' ? (
          <Field className="col-md-6" label={t('tasks.assignee')} errors={err('assigneeId')}>
            <select className="form-select" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
              <option value="">{t('participants.pickUser')}</option>
              {users.data?.filter((u) => u.roles.some((r) => CANDIDATE_ROLES.includes(r))).map((u) => <option key={u.id} value={u.id}>{u.fullName}</option>)}
            </select>
          </Field>
        ) : (
          <Field className="col-md-6" label={t('tasks.candidateRole')} errors={err('candidateRole')}>
            <select className="form-select" value={candidateRole} onChange={(e) => setCandidateRole(e.target.value)}>
              {CANDIDATE_ROLES.map((r) => <option key={r} value={r}>{t(`common:roles.${r}`)}</option>)}
            </select>
          </Field>
        )}
        <Field className="col-md-6" label={t('tasks.dueAt', { zone: format.zoneName() })} errors={err('dueAt')}>
          <DateTimeInput className="form-control" value={due} onChange={setDue} />
        </Field>
      </div>
      {create.error && <p className={create.error instanceof ApiError && create.error.status === 400 ? 'text-danger small' : 'alert alert-danger py-2'} role="alert">
        {create.error instanceof ApiError && create.error.status === 400 ? t('create.fixFields') : problemText(create.error)}
      </p>}
      <div className="d-flex gap-2 mt-2">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>{t('tasks.submit')}</button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone()}>{t('common:actions.cancel')}</button>
      </div>
    </form>
  );
}
