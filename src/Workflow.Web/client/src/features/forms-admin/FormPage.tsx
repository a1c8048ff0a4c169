// One form (/app/forms/:key): its versions, newest first, with when and by whom each was imported; the
// selected version (?version=N, else the latest) previewed as task users will see it; importing a new version.
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { useFormat } from '../../shared/time';
import { ErrorMessage, Loading } from '../../shared/ui/Status';
import { useFormSchema, useFormVersions, useUserNames, type FormVersion } from './api';
import { ImportPanel } from './ImportPanel';
import FormPreview from './FormPreview';
import './forms-admin.css';

export default function FormPage() {
  const { t } = useTranslation('formsAdmin');
  const key = useParams().key ?? '';
  const versions = useFormVersions(key);
  const [params, setParams] = useSearchParams();
  const importing = params.get('import') === '1';
  const asked = Number(params.get('version'));
  const list = versions.data ?? [];
  const selected = list.find((v) => v.version === asked) ?? list[0] ?? null;
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v === undefined) next.delete(k); else next.set(k, v);
    setParams(next, { replace: true });
  };

  const header = (title: ReactNode) => (
    <>
      <p className="mb-1"><Link to="/forms">{t('page.backToList')}</Link></p>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
        <h1 className="h3 mb-0">{title}</h1>
        {versions.data && !importing && <button type="button" className="btn btn-primary" onClick={() => set({ import: '1' })}>{t('page.importVersion')}</button>}
      </div>
    </>
  );

  if (versions.isPending) return <Loading />;
  if (versions.error) {
    const missing = versions.error instanceof ApiError && (versions.error.status === 404 || versions.error.status === 400);
    return (
      <div>
        {header(missing ? t('page.notFoundTitle') : key)}
        {missing
          ? <p className="alert alert-warning" role="alert">{t('page.notFound', { key })}</p>
          : <ErrorMessage error={versions.error} onRetry={() => void versions.refetch()} />}
      </div>
    );
  }

  return (
    <div>
      {header(<><span className="font-monospace" translate="no">{key}</span>{list[0] && list[0].title !== key && <> · <span translate="no">{list[0].title}</span></>}</>)}
      <div className="row g-4">
        <div className="col-xl-5">
          {importing && <ImportPanel formKey={key} onImported={(r) => set({ version: String(r.form.version) })} onClose={() => set({ import: undefined })} />}
          <Versions versions={list} selected={selected?.version ?? null} onSelect={(v) => set({ version: String(v) })} />
        </div>
        <div className="col-xl-7">
          {selected && <Preview formKey={key} version={selected} />}
        </div>
      </div>
    </div>
  );
}

function Versions({ versions, selected, onSelect }: { versions: FormVersion[]; selected: number | null; onSelect(version: number): void }) {
  const { t } = useTranslation('formsAdmin');
  const format = useFormat();
  const names = useUserNames();
  const who = (id: string | null) => (id ? names.data?.get(id) ?? '' : t('page.startUp'));
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title" className="h5">{t('page.versions')}</h2>
      <table className="table table-sm align-middle" id="versions">
        <thead>
          <tr><th scope="col">{t('page.version')}</th><th scope="col">{t('page.importedAt')}</th><th scope="col">{t('page.importedBy')}</th><th scope="col"><span className="visually-hidden">{t('page.preview')}</span></th></tr>
        </thead>
        <tbody>
          {versions.map((v, i) => (
            <tr key={v.version} data-version={v.version} aria-current={v.version === selected ? 'true' : undefined}>
              <td>{`v${v.version}`}{i === 0 && <> <span className="badge text-bg-secondary">{t('page.latest')}</span></>}</td>
              <td className="text-nowrap">{format.dateTime(v.createdAt)}</td>
              <td>{who(v.createdById)}</td>
              <td className="text-end">
                {v.version === selected
                  ? <span className="small text-body-secondary">{t('page.showing')}</span>
                  : <button type="button" className="btn btn-sm btn-outline-primary py-0 text-nowrap" onClick={() => onSelect(v.version)}>{t('page.show', { version: v.version })}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Preview({ formKey, version }: { formKey: string; version: FormVersion }) {
  const { t } = useTranslation('formsAdmin');
  const schema = useFormSchema(formKey, version.version);
  const title = t('page.previewTitle', { version: version.version });
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title" className="h5">{title} · <span translate="no">{version.title}</span></h2>
      <p className="text-body-secondary small">{t('page.previewHelp')}</p>
      {schema.isPending ? <Loading /> : schema.error ? <ErrorMessage error={schema.error} onRetry={() => void schema.refetch()} /> : (
        <div className="form-preview" id="preview" data-version={version.version}>
          <FormPreview key={`${formKey}-${version.version}`} schema={schema.data!} label={title} />
        </div>
      )}
    </section>
  );
}
