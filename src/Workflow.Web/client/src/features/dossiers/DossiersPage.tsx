// The dossiers list: search by reference or title, filters (kind, status, urgent), paging, badges;
// planners and admins open a new dossier here (?new=1 shows the form).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Badge, ErrorMessage, Loading } from '../../shared/ui/Status';
import { useSession } from '../../shared/shell/session';
import { useFormat } from '../../shared/time';
import { useDossierList, useUsers, type DossierFilters, type DossierStatus } from './api';
import { CreateDossierForm, KNOWN_KINDS } from './CreateDossierForm';
import { Field } from './Field';
import { SearchBox } from '../../shared/ui/SearchBox';

function readFilters(params: URLSearchParams): DossierFilters {
  const status = params.get('status');
  const urgent = params.get('urgent');
  return {
    search: params.get('search') ?? undefined,
    kind: params.get('kind') ?? undefined,
    status: status === 'open' || status === 'closed' ? (status as DossierStatus) : undefined,
    urgent: urgent === 'true' ? true : urgent === 'false' ? false : undefined,
    page: Math.max(0, Number(params.get('page') ?? 0) || 0),
  };
}

export default function DossiersPage() {
  const { t } = useTranslation('dossiers');
  const { has } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const list = useDossierList(filters);
  const users = useUsers();
  const format = useFormat();
  const [search, setSearch] = useState(filters.search ?? '');
  const canCreate = has('planner', 'admin');
  const creating = canCreate && params.get('new') === '1';

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k); else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const submitSearch = (e: FormEvent) => { e.preventDefault(); set({ search: search.trim() }); };
  const userName = (id: string) => users.data?.find((u) => u.id === id)?.fullName ?? '';

  return (
    <div>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h1 className="h3 mb-0">{t('list.title')}</h1>
        {canCreate && !creating && <button type="button" className="btn btn-primary" onClick={() => set({ new: '1' })}>{t('list.new')}</button>}
      </div>

      {creating && <CreateDossierForm onCreated={(d) => navigate(`/dossiers/${d.id}`)} onCancel={() => set({ new: undefined })} />}

      <form role="search" aria-label={t('list.filters')} className="row g-2 align-items-end mb-3" onSubmit={submitSearch}>
        <SearchBox id="dossier-search" label={t('list.search')} placeholder={t('list.searchHelp')} value={search} onChange={setSearch} />
        <Field className="col-md-2 mb-0" label={t('fields.kind')}>
          <select className="form-select" value={filters.kind ?? ''} onChange={(e) => set({ kind: e.target.value })}>
            <option value="">{t('list.anyKind')}</option>
            {[...new Set([...KNOWN_KINDS, ...(filters.kind ? [filters.kind] : [])])].map((k) => <option key={k} value={k}>{t(`kinds.${k}`, { defaultValue: k })}</option>)}
          </select>
        </Field>
        <Field className="col-md-2 mb-0" label={t('fields.status')}>
          <select className="form-select" value={filters.status ?? ''} onChange={(e) => set({ status: e.target.value })}>
            <option value="">{t('list.anyStatus')}</option>
            <option value="open">{t('dossierStatus.open')}</option>
            <option value="closed">{t('dossierStatus.closed')}</option>
          </select>
        </Field>
        <Field className="col-md-2 mb-0" label={t('fields.urgent')}>
          <select className="form-select" value={filters.urgent === undefined ? '' : String(filters.urgent)} onChange={(e) => set({ urgent: e.target.value })}>
            <option value="">{t('list.anyUrgency')}</option>
            <option value="true">{t('list.urgentOnly')}</option>
            <option value="false">{t('list.notUrgent')}</option>
          </select>
        </Field>
      </form>

      {list.isPending ? <Loading /> : list.error ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : (
        <>
          <p className="visually-hidden" role="status">{t('list.count', { count: list.data!.rows.length })}</p>
          {list.data!.rows.length === 0 ? <p className="text-body-secondary">{filters.search ? t('list.noneFound', { search: filters.search }) : t('list.none')}</p> : (
            <div className="table-responsive">
              <table className="table table-hover align-middle" id="dossiers">
                <caption className="visually-hidden">{t('list.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fields.reference')}</th><th scope="col">{t('fields.title')}</th><th scope="col">{t('fields.kind')}</th>
                    <th scope="col">{t('fields.status')}</th><th scope="col">{t('fields.referent')}</th><th scope="col">{t('fields.createdAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data!.rows.map((d) => (
                    <tr key={d.id} data-dossier-id={d.id}>
                      <td><Link to={`/dossiers/${d.id}`} className="fw-semibold text-nowrap">{d.reference}</Link></td>
                      <td>
                        {d.title}{' '}
                        {d.urgent && <Badge kind="urgent">{t('common:badges.urgent')}</Badge>}{' '}
                        {d.confidential && <Badge kind="confidential">{t('common:badges.confidential')}</Badge>}
                      </td>
                      <td>{t(`kinds.${d.kind}`, { defaultValue: d.kind })}</td>
                      <td>{t(`dossierStatus.${d.status}`)}</td>
                      <td>{d.referentName ?? userName(d.referentId)}</td>
                      <td className="text-nowrap">{format.date(d.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label={t('list.paging')} className="d-flex align-items-center gap-2">
            <button type="button" className="btn btn-sm btn-outline-secondary" disabled={filters.page === 0} onClick={() => set({ page: String(filters.page - 1) })}>
              {t('common:actions.previous')}
            </button>
            <span>{t('list.page', { page: filters.page + 1 })}</span>
            <button type="button" className="btn btn-sm btn-outline-secondary" disabled={!list.data!.hasMore} onClick={() => set({ page: String(filters.page + 1) })}>
              {t('common:actions.next')}
            </button>
          </nav>
        </>
      )}
    </div>
  );
}
