// The instances list: filters (definition, version, dossier, status, open incidents), pages of 50,
// newest first; admins get the migration panel below it.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../../../shared/shell/session';
import { useFormat } from '../../../shared/time';
import { QueryState } from '../../../shared/ui/Status';
import { pageSize, useDefinitions, useIncidentCount, useInstances, type InstanceFilters, type InstanceStatus } from '../api';
import { Migration } from './Migration';

const statuses: InstanceStatus[] = ['running', 'completed', 'cancelled', 'terminated', 'failed'];

export function InstanceList({ message }: { message: ReactNode }) {
  const { t } = useTranslation('workflows');
  const { has } = useSession();
  const format = useFormat();
  const [search, setSearch] = useSearchParams();
  // The shell's badge and the banner link here for the instances stuck on an incident.
  const fromLink: InstanceFilters = { incidents: search.get('incidents') === 'true' || undefined };
  const [draft, setDraft] = useState<InstanceFilters>(fromLink);
  const [filters, setFilters] = useState<InstanceFilters>(fromLink);
  const [skip, setSkip] = useState(0);
  const definitions = useDefinitions();
  const instances = useInstances(filters, skip);
  const incidents = useIncidentCount();
  const keys = definitions.data?.map((d) => d.key) ?? [];

  function filter(e: FormEvent) {
    e.preventDefault();
    setSkip(0);
    setFilters({ ...draft });
  }

  function showIncidents() {
    const next = { incidents: true };
    setDraft(next);
    setFilters(next);
    setSkip(0);
    setSearch({ incidents: 'true' });
  }

  const stuck = incidents.data ?? 0;
  return (
    <>
      <h1 id="title" className="h4">{t('cockpit.title')}</h1>
      {stuck > 0 && (
        <p className="alert alert-warning py-2">
          <a id="incidents-link" href="?incidents=true" className="alert-link" onClick={(e) => { e.preventDefault(); showIncidents(); }}>
            {stuck >= 100 ? t('cockpit.incidentsMany') : t('cockpit.incidents', { count: stuck })}
          </a>
        </p>
      )}
      {message}
      <form id="filters" className="d-flex flex-wrap gap-2 align-items-end mb-2" onSubmit={filter} aria-label={t('cockpit.filters')}>
        <label className="d-grid small">{t('cockpit.definition')}
          <select className="form-select form-select-sm" name="key" value={draft.key ?? ''} onChange={(e) => setDraft({ ...draft, key: e.target.value || undefined })}>
            <option value="">{t('cockpit.all')}</option>
            {keys.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        <label className="d-grid small">{t('cockpit.version')}
          <input className="form-control form-control-sm version-input" name="version" type="number" min={1} value={draft.version ?? ''}
                 onChange={(e) => setDraft({ ...draft, version: e.target.value ? Number(e.target.value) : undefined })} />
        </label>
        <label className="d-grid small">{t('cockpit.dossier')}
          <input className="form-control form-control-sm" name="dossier" title={t('cockpit.dossierHint')} value={draft.dossier ?? ''}
                 onChange={(e) => setDraft({ ...draft, dossier: e.target.value || undefined })} />
        </label>
        <label className="d-grid small">{t('cockpit.status')}
          <select className="form-select form-select-sm" name="status" value={draft.status ?? ''} onChange={(e) => setDraft({ ...draft, status: (e.target.value || undefined) as InstanceStatus | undefined })}>
            <option value="">{t('cockpit.all')}</option>
            {statuses.map((s) => <option key={s} value={s}>{t(`instanceStatus.${s}`)}</option>)}
          </select>
        </label>
        <div className="form-check mb-1">
          <input className="form-check-input" type="checkbox" id="filter-incidents" name="incidents" checked={!!draft.incidents}
                 onChange={(e) => setDraft({ ...draft, incidents: e.target.checked || undefined })} />
          <label className="form-check-label small" htmlFor="filter-incidents">{t('cockpit.withIncidents')}</label>
        </div>
        <button type="submit" className="btn btn-sm btn-primary">{t('cockpit.filter')}</button>
      </form>
      <QueryState query={instances}>
        {({ rows, more }) => (
          <>
            <table id="instances" className="table table-sm">
              <caption className="caption-top">{rows.length === 0 ? t('cockpit.none') : t('cockpit.caption', { from: skip + 1, to: skip + rows.length })}</caption>
              <thead><tr>
                <th scope="col">{t('cockpit.definition')}</th><th scope="col">{t('cockpit.dossier')}</th><th scope="col">{t('cockpit.status')}</th>
                <th scope="col">{t('cockpit.started')}</th><th scope="col">{t('cockpit.openIncidents')}</th>
              </tr></thead>
              <tbody>
                {rows.map((i) => (
                  <tr key={i.id} data-instance-id={i.id}>
                    <td><Link to={i.id}>{`${i.definitionKey} v${i.definitionVersion}`}</Link></td>
                    <td>{i.dossierReference ?? '—'}</td>
                    <td className={`status-${i.status}`}>{t(`instanceStatus.${i.status}`)}</td>
                    <td>{format.dateTime(i.startedAt)}</td>
                    <td className={i.openIncidents > 0 ? 'incident-count text-danger fw-semibold' : undefined}>{i.openIncidents}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav className="d-flex gap-2 mb-3" aria-label={t('cockpit.pages')}>
              <button type="button" className="btn btn-sm btn-outline-secondary" disabled={skip === 0} onClick={() => setSkip(Math.max(0, skip - pageSize))}>{t('cockpit.newer')}</button>
              <button type="button" className="btn btn-sm btn-outline-secondary" disabled={!more} onClick={() => setSkip(skip + pageSize)}>{t('cockpit.older')}</button>
            </nav>
          </>
        )}
      </QueryState>
      {has('admin') && <Migration keys={keys} />}
    </>
  );
}
