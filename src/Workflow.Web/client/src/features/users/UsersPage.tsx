// Administrators manage users: the list searched by name or e-mail and filtered by role and skill, creating
// and changing a user in a dialog, and the skill catalogue below.
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Badge, ErrorMessage, Loading } from '../../shared/ui/Status';
import { Dialog } from '../agendas/Dialog';
import { useSkills } from '../dossiers/api';
import { Field } from '../dossiers/Field';
import { useSkillNames } from '../dossiers/SkillPicker';
import { ROLES, useUserList, type User, type UserFilters } from './api';
import { SkillsSection } from './SkillsSection';
import { UserForm } from './UserForm';
import './users.css';
import { SearchBox } from '../../shared/ui/SearchBox';

const readFilters = (params: URLSearchParams): UserFilters => ({
  role: params.get('role') ?? undefined, skill: params.get('skill') ?? undefined, search: params.get('search') ?? undefined,
});

export default function UsersPage() {
  const { t } = useTranslation('users');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const list = useUserList(filters);
  const skills = useSkills();
  const skillName = useSkillNames();
  const [search, setSearch] = useState(filters.search ?? '');
  // The dialog open: 'new', a user being changed, or none; and what the last change did.
  const [editing, setEditing] = useState<'new' | User | null>(null);
  const [done, setDone] = useState<{ key: 'list.created' | 'list.saved'; name: string } | null>(null);

  const set = (changes: Partial<UserFilters>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (!v) next.delete(k); else next.set(k, v);
    }
    setParams(next);
  };
  const submitSearch = (e: FormEvent) => { e.preventDefault(); set({ search: search.trim() }); };
  const closeWith = (saved?: User) => {
    if (saved) setDone({ key: editing === 'new' ? 'list.created' : 'list.saved', name: saved.fullName });
    setEditing(null);
  };

  return (
    <div>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h1 className="h3 mb-0">{t('title')}</h1>
        <button type="button" className="btn btn-primary" onClick={() => { setDone(null); setEditing('new'); }}>{t('list.new')}</button>
      </div>
      <div role="status">{done && <p className="alert alert-success py-2">{t(done.key, { name: done.name })}</p>}</div>

      <form role="search" aria-label={t('list.filters')} className="row g-2 align-items-end mb-3" onSubmit={submitSearch}>
        <SearchBox id="user-search" label={t('list.search')} placeholder={t('list.searchHelp')} value={search} onChange={setSearch} />
        <Field className="col-md-3 mb-0" label={t('fields.role')}>
          <select className="form-select" value={filters.role ?? ''} onChange={(e) => set({ role: e.target.value })}>
            <option value="">{t('list.anyRole')}</option>
            {ROLES.map((r) => <option key={r} value={r}>{t(`common:roles.${r}`)}</option>)}
          </select>
        </Field>
        <Field className="col-md-3 mb-0" label={t('fields.skill')}>
          <select className="form-select" value={filters.skill ?? ''} onChange={(e) => set({ skill: e.target.value })}>
            <option value="">{t('list.anySkill')}</option>
            {skills.data?.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
          </select>
        </Field>
      </form>

      {list.isPending ? <Loading /> : list.error ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : (
        <>
          <p className="visually-hidden" role="status">{t('list.count', { count: list.data!.length })}</p>
          {list.data!.length === 0 ? <p className="text-body-secondary">{filters.search ? t('list.noneFound', { search: filters.search }) : t('list.none')}</p> : (
            <div className="table-responsive">
              <table className="table table-hover align-middle" id="users">
                <caption className="visually-hidden">{t('title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fields.fullName')}</th><th scope="col">{t('fields.email')}</th><th scope="col">{t('fields.roles')}</th>
                    <th scope="col">{t('fields.skills')}</th><th scope="col">{t('fields.timeZone')}</th><th scope="col">{t('fields.baseAddress')}</th>
                    <th scope="col"><span className="visually-hidden">{t('fields.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {list.data!.map((u) => (
                    <tr key={u.id} data-user-id={u.id}>
                      <td className="fw-semibold" translate="no">{u.fullName}</td>
                      <td translate="no">{u.email}</td>
                      <td>{u.roles.length === 0 ? <span className="text-body-secondary">{t('list.noRole')}</span>
                        : <span className="d-inline-flex flex-wrap gap-1">{u.roles.map((r) => <Badge key={r} kind="status">{t(`common:roles.${r}`, { defaultValue: r })}</Badge>)}</span>}</td>
                      <td>{u.skills.length === 0 ? <span className="text-body-secondary">{t('list.noSkill')}</span>
                        : <span translate="no">{u.skills.map(skillName).join(', ')}</span>}</td>
                      <td className="text-nowrap" translate="no">{u.timeZone}</td>
                      <td>{u.baseAddress ? <span className="d-inline-block text-truncate users-address" title={u.baseAddress.text} translate="no">{u.baseAddress.text}</span>
                        : <span className="text-body-secondary">{t('list.noAddress')}</span>}</td>
                      <td className="text-end">
                        <button type="button" className="btn btn-sm btn-outline-primary" aria-label={t('list.editUser', { name: u.fullName })}
                          onClick={() => { setDone(null); setEditing(u); }}>{t('list.edit')}</button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}

      <SkillsSection />

      {editing && (
        <Dialog className="users-dialog" title={editing === 'new' ? t('form.createTitle') : t('form.editTitle', { name: editing.fullName })} onClose={() => setEditing(null)}>
          <UserForm user={editing === 'new' ? undefined : editing} onDone={closeWith} />
        </Dialog>
      )}
    </div>
  );
}
