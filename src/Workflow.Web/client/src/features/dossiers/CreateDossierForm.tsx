// "New dossier" for planners and admins: title, kind, referent, required skills, address, urgent, confidential.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import { useSession } from '../../shared/shell/session';
import { errorsFor, useCreateDossier, useUsers, type Dossier } from './api';
import { AddressFields, addressInput, readAddress } from './AddressFields';
import { Check, Field } from './Field';
import { SkillPicker } from './SkillPicker';

export const KNOWN_KINDS = ['expertise', 'follow-up'];

export function CreateDossierForm({ onCreated, onCancel }: { onCreated: (d: Dossier) => void; onCancel: () => void }) {
  const { t } = useTranslation('dossiers');
  const { user } = useSession();
  const planners = useUsers('planner');
  const create = useCreateDossier();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState('expertise');
  const [referentId, setReferentId] = useState(user?.id ?? '');
  const [skills, setSkills] = useState<string[]>([]);
  const [address, setAddress] = useState(addressInput());
  const [urgent, setUrgent] = useState(false);
  const [confidential, setConfidential] = useState(false);

  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const err = (f: string) => errorsFor(fieldErrors, f);
  const referents = [...(planners.data ?? [])];
  if (user && !referents.some((u) => u.id === user.id)) referents.unshift(user);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { title, kind: kind.trim(), referentId, requiredSkills: skills, address: readAddress(address), urgent, confidential },
      { onSuccess: onCreated },
    );
  }

  return (
    <section className="card mb-3" aria-labelledby="new-dossier-title">
      <form className="card-body" onSubmit={submit} noValidate>
        <h2 id="new-dossier-title" className="h5">{t('create.title')}</h2>
        <div className="row g-2">
          <Field className="col-md-6" label={t('fields.title')} errors={err('title')}>
            <input className="form-control" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
          </Field>
          <Field className="col-md-3" label={t('fields.kind')} errors={err('kind')} help={t('create.kindHelp')}>
            <input className="form-control" list="dossier-kinds" value={kind} onChange={(e) => setKind(e.target.value)} required maxLength={64} />
          </Field>
          <datalist id="dossier-kinds">{KNOWN_KINDS.map((k) => <option key={k} value={k} />)}</datalist>
          <Field className="col-md-3" label={t('fields.referent')} errors={err('referentId')}>
            <select className="form-select" value={referentId} onChange={(e) => setReferentId(e.target.value)}>
              {referents.map((u) => <option key={u.id} value={u.id}>{u.id === user?.id ? t('create.me', { name: u.fullName }) : u.fullName}</option>)}
            </select>
          </Field>
        </div>
        <SkillPicker value={skills} onChange={setSkills} errors={err('requiredSkills')} />
        <AddressFields value={address} onChange={setAddress}
          errors={{ text: err('address.text').length ? err('address.text') : err('address'), latitude: err('address.latitude'), longitude: err('address.longitude') }} />
        <div className="d-flex gap-4 my-2">
          <Check label={t('fields.urgent')} checked={urgent} onChange={setUrgent} />
          <Check label={t('fields.confidential')} checked={confidential} onChange={setConfidential} />
        </div>
        {create.error && !(create.error instanceof ApiError && create.error.status === 400) && (
          <p className="alert alert-danger py-2" role="alert">{problemText(create.error)}</p>
        )}
        {create.error instanceof ApiError && create.error.status === 400 && (
          <p className="text-danger small" role="alert">{t('create.fixFields')}</p>
        )}
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>{t('create.submit')}</button>
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>{t('common:actions.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
