// The form of a task (GET /tasks/{id}/form): the pinned Form.io version with the draft saved so far;
// what is typed is saved as a draft a few seconds after the last change (and when the form is left or
// the page closed), "Save draft" saves it at once; submitting sends it to the server, which checks it again and answers
// 422 with one {path, rule, message} per error, shown on its field and in a summary. Once the task is
// completed (or cancelled) the form shows what was submitted, read-only.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, type Schemas } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import { useSession } from '../../shared/shell/session';
import { useFormat } from '../../shared/time';
import { ErrorMessage, Loading } from '../../shared/ui/Status';
import { saveDraftNow, useDossier, useSaveDraft, useSubmitForm, useTaskForm, type FormData } from './api';
import { FormioForm, type FieldError, type FormioFormHandle, type WorkflowContext } from './FormioForm';
import { formioStrings } from './i18n';

export interface TaskFormProps {
  taskId: string;
  /** Called with the completed task once the server accepted the submission. */
  onCompleted?(task: Schemas['TaskDto']): void;
}

type Task = Schemas['TaskDto'];

function labelOf(schema: object, key: string): string | null {
  let found: string | null = null;
  const walk = (node: unknown) => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) { node.forEach(walk); return; }
    const c = node as Record<string, unknown>;
    if (c.key === key && typeof c.label === 'string') { found = c.label; return; }
    for (const k of ['components', 'columns', 'rows']) if (k in c) walk(c[k]);
  };
  walk((schema as { components?: unknown }).components);
  return found;
}

export default function TaskForm({ taskId, onCompleted }: TaskFormProps) {
  const { t, i18n } = useTranslation('forms');
  const f = useFormat();
  const { user } = useSession();
  const view = useTaskForm(taskId);
  const dossier = useDossier(view.data?.task.dossierId);
  const save = useSaveDraft(taskId);
  const submit = useSubmitForm(taskId);
  const handle = useRef<FormioFormHandle>(null);
  const [completed, setCompleted] = useState<Task | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  // Changes not saved yet, and the timer that saves them.
  const unsaved = useRef<FormData | null>(null);
  const autosave = useRef<number | undefined>(undefined);
  // Set while the form is being submitted and once it is: no draft is saved then (the server would refuse it).
  const closed = useRef(false);
  const client = useQueryClient();

  // Leaving the form (another screen of the application) saves what is left; closing the page asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => { if (unsaved.current) event.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.clearTimeout(autosave.current);
      if (unsaved.current && !closed.current) void saveDraftNow(client, taskId, unsaved.current).catch(() => undefined);
      unsaved.current = null;
    };
  }, [taskId, client]);

  const task = completed ?? view.data?.task;
  const finished = !!task && (task.status === 'completed' || task.status === 'cancelled');
  const d = dossier.data;

  const workflow = useMemo<WorkflowContext | null>(() => (view.data && d && user ? {
    dossierId: view.data.task.dossierId, referentId: d.referentId, taskId, timeZone: user.timeZone, language, userId: user.id,
  } : null), [view.data, d, user, taskId, language]);

  const data = useMemo<FormData>(() => {
    if (!view.data || !d) return {};
    if (finished) return { ...((task?.data as FormData | null) ?? {}) };
    return { ...((view.data.draft as FormData | null) ?? {}), dossierId: d.id, dossierReference: d.reference, dossierTitle: d.title };
  }, [view.data, d, finished, task]);

  if (view.isPending || (view.data && dossier.isPending)) return <Loading label={t('loading')} />;
  if (view.error) return <ErrorMessage error={view.error} onRetry={() => void view.refetch()} />;
  if (dossier.error) return <ErrorMessage error={dossier.error} onRetry={() => void dossier.refetch()} />;
  if (!view.data || !workflow || !task) return null;
  const { form: version, schema, draftSavedAt } = view.data;

  const translate = (label: string) => formioStrings[language]?.[label] ?? label;
  const fieldName = (path: string) => {
    const key = path.split(/[.[]/)[0];
    const label = labelOf(schema, key);
    return label ? translate(label) : path;
  };

  const onSubmit = async (values: FormData): Promise<boolean> => {
    window.clearTimeout(autosave.current);
    closed.current = true;
    setErrors([]);
    setRefusal(null);
    try {
      const done = await submit.mutateAsync(values);
      unsaved.current = null;
      setStatus(null);
      // The form is redrawn read-only once Form.io is done with its submit button.
      setTimeout(() => { setCompleted(done); onCompleted?.(done); }, 0);
      return true;
    } catch (error) {
      const list = error instanceof ApiError && error.status === 422 && Array.isArray(error.problem.errors)
        ? (error.problem.errors as FieldError[]) : null;
      if (list && list.length) {
        setErrors(list);
        handle.current?.showErrors(list);
      } else setRefusal(error);
      closed.current = false;
      return false;
    }
  };

  const saveDraft = async (automatic = false) => {
    window.clearTimeout(autosave.current);
    if (automatic && closed.current) return;
    const values = handle.current?.data() ?? unsaved.current ?? {};
    unsaved.current = null;
    setRefusal(null);
    try {
      await save.mutateAsync(values);
      setStatus(t(automatic ? 'draftAutoSaved' : 'draftSaved', { time: f.time(new Date()) }));
    } catch (error) {
      // Kept for the next try (the next change, leaving the form).
      unsaved.current ??= values;
      setRefusal(error);
    }
  };

  const onChange = (values: FormData) => {
    if (finished || closed.current) return;
    unsaved.current = values;
    setStatus(t('unsaved'));
    window.clearTimeout(autosave.current);
    autosave.current = window.setTimeout(() => void saveDraft(true), 3000);
  };

  const statusLine = finished
    ? t(task.status === 'completed' ? 'status.completed' : 'status.cancelled')
    : status ?? (draftSavedAt ? t('status.draftFrom', { when: f.dateTime(draftSavedAt) }) : t('status.fill'));

  return (
    <section className="task-form" aria-labelledby="task-form-title">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h2 id="task-form-title" className="h5 m-0">{translate(version.title)} <small className="text-body-secondary">v{version.version}</small></h2>
        {!finished && (
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => void saveDraft()} disabled={save.isPending || !ready}>
            {save.isPending ? t('savingDraft') : t('saveDraft')}
          </button>
        )}
      </div>
      <p role="status" className={`small ${finished ? 'alert alert-success py-2' : 'text-body-secondary'}`} data-form-status>{statusLine}</p>
      {errors.length > 0 && (
        <div className="alert alert-danger" role="alert" aria-labelledby="form-errors-title">
          <p id="form-errors-title" className="fw-semibold mb-1">{t('errors.title', { count: errors.length })}</p>
          <ul className="mb-0">
            {errors.map((e, i) => (
              <li key={`${e.path}-${i}`} data-path={e.path} data-rule={e.rule}>
                <button type="button" className="btn btn-link alert-link p-0 align-baseline text-start" onClick={() => handle.current?.focusField(e.path)}>
                  {fieldName(e.path)}
                </button>{' '}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {refusal ? <div className="alert alert-danger" role="alert">{problemText(refusal)}</div> : null}
      {failed ? <ErrorMessage error={failed} /> : null}
      {!ready && !failed && <Loading label={t('loadingForm')} />}
      <FormioForm
        ref={handle}
        schema={schema}
        data={data}
        readOnly={finished}
        language={language}
        workflow={workflow}
        label={translate(version.title)}
        onSubmit={onSubmit}
        onReady={() => setReady(true)}
        onChange={onChange}
        onError={setFailed}
      />
    </section>
  );
}
