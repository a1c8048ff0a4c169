// Planners and admins change an open dossier: title, referent, required skills, address, urgent, confidential.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import { errorsFor, useUpdateDossier, useUsers, type Dossier } from './api';
import { AddressFields, addressInput, readAddress } from './AddressFields';
import { Check, Field } from './Field';
import { SkillPicker } from './SkillPicker';

export function EditDossierForm({ dossier, onDone }: { dossier: Dossier; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation('dossiers');
  const planners = useUsers('planner');
  const update = useUpdateDossier(dossier.id);
  const [title, setTitle] = useState(dossier.title);
  const [referentId, setReferentId] = useState(dossier.referentId);
  const [skills, setSkills] = useState<string[]>(dossier.requiredSkills);
  const [address, setAddress] = useState(addressInput(dossier.address));
  const [urgent, setUrgent] = useState(dossier.urgent);
  const [confidential, setConfidential] = useState(dossier.confidential);
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors : {};
  const err = (f: string) => errorsFor(fieldErrors, f);
  const referents = [...(planners.data ?? [])];
  if (!referents.some((u) => u.id === dossier.referentId)) referents.unshift({ id: dossier.referentId, fullName: dossier.referentName ?? '' } as (typeof referents)[number]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const newAddress = readAddress(address);
    // Emptied fields take the address away (a missing address would leave it as it was).
    update.mutate({ title, referentId, requiredSkills: skills, address: newAddress, removeAddress: !newAddress && !!dossier.address, urgent, confidential },
      { onSuccess: () => onDone(true) });
  }

  return (
    <form className="card card-body mb-3" onSubmit={submit} noValidate aria-labelledby="edit-dossier-title">
      <h2 id="edit-dossier-title" className="h5">{t('edit.title')}</h2>
      <div className="row g-2">
        <Field className="col-md-8" label={t('fields.title')} errors={err('title')}>
          <input className="form-control" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
        </Field>
        <Field className="col-md-4" label={t('fields.referent')} errors={err('referentId')}>
          <select className="form-select" value={referentId} onChange={(e) => setReferentId(e.target.value)}>
            {referents.map((u) => <option key={u.id} value={u.id}>{u.fullName}</option>)}
          </select>
        </Field>
      </div>
      <SkillPicker value={skills} onChange={setSkills} errors={err('requiredSkills')} />
      <AddressFields value={address} onChange={setAddress}
        errors={{ text: err('address.text'), latitude: err('address.latitude'), longitude: err('address.longitude') }} />
      <div className="d-flex gap-4 my-2">
        <Check label={t('fields.urgent')} checked={urgent} onChange={setUrgent} />
        <Check label={t('fields.confidential')} checked={confidential} onChange={setConfidential} />
      </div>
      {update.error && <p className={update.error instanceof ApiError && update.error.status === 400 ? 'text-danger small' : 'alert alert-danger py-2'} role="alert">
        {update.error instanceof ApiError && update.error.status === 400 ? t('create.fixFields') : problemText(update.error)}
      </p>}
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>{t('common:actions.save')}</button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>{t('common:actions.cancel')}</button>
      </div>
    </form>
  );
}
