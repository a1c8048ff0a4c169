// Importing a form version: a key (for a new form), a .json file or pasted JSON, read in the browser first
// (invalid JSON and JSON without a form are said before anything is sent), then POST /forms/{key}/versions.
// The outcome is said plainly: the version made, the same content as the latest (nothing made), or the
// refusal with the server's reason and the component it names, found in the pasted JSON. The text stays.
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import { useImportForm, type ImportResult } from './api';
import { keyPattern, locate, proposedKey, readSchema, type Located } from './schemaText';

interface Props {
  /** The form's key when importing a new version of it; none for a new form. */
  formKey?: string;
  /** The keys already imported: a new form's key among them is said to make a new version. */
  knownKeys?: string[];
  onImported?(result: ImportResult): void;
  onClose(): void;
}

interface Place { path: string; located: Located | null; messages?: string[] }

type Outcome =
  | { kind: 'local'; text: string }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'refused'; problem: string; place: Place | null }
  | { kind: 'limits'; places: Place[] }
  | { kind: 'error'; error: unknown };

export function ImportPanel({ formKey, knownKeys = [], onImported, onClose }: Props) {
  const { t } = useTranslation('formsAdmin');
  const id = useId();
  const [key, setKey] = useState(formKey ?? '');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const importForm = useImportForm();
  const isNew = formKey === undefined;
  const trimmedKey = key.trim();

  async function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      const content = await file.text();
      setFileName(file.name);
      setText(content);
      setOutcome(null);
      const reading = readSchema(content);
      if (isNew && !trimmedKey && reading.ok) setKey(proposedKey(reading.schema, file.name));
    } catch {
      setOutcome({ kind: 'local', text: t('import.fileUnreadable', { name: file.name }) });
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setOutcome(null);
    const badKey = !keyPattern.test(trimmedKey);
    setKeyError(badKey ? t('import.keyInvalid') : null);
    const reading = readSchema(text);
    if (!reading.ok) {
      if (reading.problem === 'syntax') {
        setOutcome({ kind: 'local', text: t('import.syntax', { line: reading.line, column: reading.column }) });
        textArea.current?.focus();
        textArea.current?.setSelectionRange(reading.position, Math.min(reading.position + 1, text.length));
      } else {
        setOutcome({ kind: 'local', text: t(reading.problem === 'empty' ? 'import.empty' : 'import.noForm') });
      }
      return;
    }
    if (badKey) return;
    try {
      const result = await importForm.mutateAsync({ key: trimmedKey, schema: reading.schema });
      setOutcome({ kind: 'done', result });
      onImported?.(result);
    } catch (error) {
      setOutcome(refusal(error, reading.schema));
    }
  }

  function refusal(error: unknown, schema: object): Outcome | null {
    if (!(error instanceof ApiError)) return { kind: 'error', error };
    const problem = error.problem;
    if (error.status === 422 && problem.reason === 'malformed-form') {
      const path = typeof problem.path === 'string' ? problem.path : '';
      return { kind: 'refused', problem: typeof problem.problem === 'string' ? problem.problem : problemText(error), place: path ? { path, located: locate(schema, path) } : null };
    }
    if (error.status === 400) {
      const fields = error.fieldErrors;
      if (fields.key) setKeyError(fields.key.join(' '));
      const places = Object.entries(fields).filter(([path]) => path !== 'key')
        .map(([path, messages]) => ({ path: path.replace(/^schema\.?/, '') || 'schema', located: locate(schema, path), messages }));
      if (places.length) return { kind: 'limits', places };
      // A refused key is said under the key field.
      if (fields.key) return null;
    }
    return { kind: 'error', error };
  }

  const exists = isNew && outcome?.kind !== 'done' && knownKeys.includes(trimmedKey);
  const keyHelp = `${id}-key-help`;
  return (
    <section className="card mb-3 import-panel" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <div className="d-flex justify-content-between align-items-start gap-2">
          <h2 id={`${id}-title`} className="h5 card-title">{isNew ? t('import.titleNew') : t('import.titleVersion', { key: formKey })}</h2>
          <button type="button" className="btn-close" aria-label={t('import.close')} onClick={onClose} />
        </div>
        <p className="text-body-secondary small">{t('import.intro')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          {isNew && (
            <div className="mb-3">
              <label className="form-label" htmlFor={`${id}-key`}>{t('import.key')}</label>
              <input id={`${id}-key`} className={`form-control font-monospace${keyError ? ' is-invalid' : ''}`} value={key} autoComplete="off" spellCheck={false}
                aria-describedby={`${keyHelp}${keyError ? ` ${id}-key-error` : ''}`} aria-invalid={keyError ? true : undefined}
                onChange={(e) => { setKey(e.target.value); setKeyError(null); }} />
              {keyError && <div id={`${id}-key-error`} className="invalid-feedback">{keyError}</div>}
              <div id={keyHelp} className="form-text">{t('import.keyHelp')}</div>
              {exists && <div className="form-text text-warning-emphasis">{t('import.keyExists')}</div>}
            </div>
          )}
          <div className="mb-3">
            {/* The browser's own file button speaks the browser's language, not the user's: ours says it in theirs. */}
            <span className="form-label d-block" id={`${id}-file-label`}>{t('import.file')}</span>
            <div className="d-flex align-items-center gap-2">
              <input id={`${id}-file`} type="file" className="visually-hidden file-input" accept=".json,application/json"
                aria-labelledby={`${id}-file-label`} aria-describedby={`${id}-file-help`} onChange={(e) => void chooseFile(e)} />
              <label htmlFor={`${id}-file`} className="btn btn-outline-secondary mb-0" aria-hidden="true">{t('import.chooseFile')}</label>
              <span className="small text-body-secondary" translate="no">{fileName}</span>
            </div>
            <div id={`${id}-file-help`} className="form-text">{t('import.fileHelp')}</div>
          </div>
          <div className="mb-3">
            <label className="form-label" htmlFor={`${id}-text`}>{t('import.text')}</label>
            <textarea id={`${id}-text`} ref={textArea} className="form-control font-monospace small import-json" rows={10} spellCheck={false} translate="no"
              value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={importForm.isPending}>
            {importForm.isPending ? t('import.importing') : t('import.submit')}
          </button>
        </form>
        {outcome && <div className="mt-3"><OutcomeView outcome={outcome} /></div>}
      </div>
    </section>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('formsAdmin');
  switch (outcome.kind) {
    case 'local':
      return <div className="alert alert-warning mb-0 import-outcome" role="alert">{outcome.text}</div>;
    case 'done': {
      const { form, created } = outcome.result;
      return (
        <div className={`alert ${created ? 'alert-success' : 'alert-info'} mb-0 import-outcome d-flex flex-wrap gap-2 justify-content-between`} role="status">
          <span>{created ? t('import.created', { version: form.version }) : t('import.same', { version: form.version })}</span>
          <Link className="alert-link" to={`/forms/${encodeURIComponent(form.key)}?version=${form.version}`}>{t('import.open')}</Link>
        </div>
      );
    }
    case 'refused':
      return (
        <div className="alert alert-danger mb-0 import-outcome" role="alert">
          <p className="fw-semibold mb-1">{t('import.refused')}</p>
          <p className="mb-1">{t('import.reason')} <span lang="en" className="import-problem">{outcome.problem}</span></p>
          {outcome.place && <PlaceText place={outcome.place} />}
        </div>
      );
    case 'limits':
      return (
        <div className="alert alert-danger mb-0 import-outcome" role="alert">
          <p className="fw-semibold mb-1">{t('import.fieldErrors')}</p>
          <ul className="mb-0">
            {outcome.places.map((p) => <li key={p.path}><span lang="en">{p.messages?.join(' ')}</span> <PlaceText place={p} inline /></li>)}
          </ul>
        </div>
      );
    default:
      return <div className="alert alert-danger mb-0 import-outcome" role="alert">{problemText(outcome.error)}</div>;
  }
}

function PlaceText({ place, inline }: { place: Place; inline?: boolean }) {
  const { t } = useTranslation('formsAdmin');
  const l = place.located;
  const what = l && (l.label
    ? t('import.component', { label: l.label, key: l.key ?? '?', type: l.type ?? '?' })
    : t('import.componentNoLabel', { key: l.key ?? '?', type: l.type ?? '?' }));
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className={`import-place${inline ? '' : ' mb-0'}`}>
      {t('import.place')} <code className="text-reset fw-semibold" translate="no">{place.path}</code>
      {what && <> — {what}</>}
      {l && l.within.length > 0 && <> {t('import.within', { path: l.within.join(' › ') })}</>}
    </Tag>
  );
}
