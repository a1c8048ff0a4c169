// The dossier's participants grouped by kind (person, private and professional third parties, internal users);
// planners and admins add and remove them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import { errorsFor, useAddParticipant, useRemoveParticipant, useUsers, type Dossier, type ParticipantKind } from './api';
import { Field, toAddress } from './Field';

export const PARTICIPANT_KINDS: ParticipantKind[] = ['person', 'private-third-party', 'professional-third-party', 'internal-user'];

export function ParticipantsSection({ dossier, canEdit }: { dossier: Dossier; canEdit: boolean }) {
  const { t } = useTranslation('dossiers');
  const remove = useRemoveParticipant(dossier.id);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState('');

  return (
    <section id="participants" aria-labelledby="participants-title" className="mb-4">
      <div className="d-flex align-items-center justify-content-between gap-2">
        <h2 id="participants-title" className="h4">{t('participants.title')}</h2>
        {canEdit && !adding && <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => setAdding(true)}>{t('participants.add')}</button>}
      </div>
      <p className="visually-hidden" role="status">{message}</p>
      {remove.error && <p className="alert alert-danger py-2" role="alert">{problemText(remove.error)}</p>}
      {adding && <AddParticipantForm dossier={dossier} onDone={(name) => { setAdding(false); if (name) setMessage(t('participants.added', { name })); }} />}
      <div className="row g-3">
        {PARTICIPANT_KINDS.map((kind) => {
          const people = dossier.participants.filter((p) => p.kind === kind);
          return (
            <div key={kind} className="col-lg-6">
              <h3 className="h6 text-body-secondary text-uppercase mb-1">{t(`participantKinds.${kind}`)} <span className="badge text-bg-light">{people.length}</span></h3>
              {people.length === 0 ? <p className="small text-body-secondary mb-0">{t('participants.none')}</p> : (
                <ul className="list-group" aria-label={t(`participantKinds.${kind}`)}>
                  {people.map((p) => (
                    <li key={p.id} className="list-group-item d-flex justify-content-between align-items-start gap-2" data-participant-id={p.id}>
                      <div>
                        <div className="fw-semibold">{p.name} <span className="badge text-bg-secondary fw-normal">{t(`roles.${p.role}`, { defaultValue: p.role })}</span></div>
                        <div className="small text-body-secondary">
                          {[p.email, p.phone, p.address?.text].filter(Boolean).join(' · ')}
                        </div>
                      </div>
                      {canEdit && (
                        <button type="button" className="btn btn-sm btn-outline-danger" disabled={remove.isPending}
                          onClick={() => remove.mutate(p.id, { onSuccess: () => setMessage(t('participants.removed', { name: p.name })) })}>
                          {t('participants.removeShort')}<span className="visually-hidden"> {p.name}</span>
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

function AddParticipantForm({ dossier, onDone }: { dossier: Dossier; onDone: (name?: string) => void }) {
  const { t } = useTranslation('dossiers');
  const add = useAddParticipant(dossier.id);
  const users = useUsers();
  const [kind, setKind] = useState<ParticipantKind>('person');
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const internal = kind === 'internal-user';
  const fieldErrors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  const err = (f: string) => errorsFor(fieldErrors, f);

  function submit(e: FormEvent) {
    e.preventDefault();
    const blank = (v: string) => (v.trim() === '' ? null : v.trim());
    add.mutate(internal
      ? { kind, role: role.trim(), userId: userId || null }
      : { kind, role: role.trim(), name: name.trim(), email: blank(email), phone: blank(phone), address: toAddress(address, '', '') },
    { onSuccess: (p) => onDone((p as { name: string }).name) });
  }

  return (
    <form className="card card-body mb-3" onSubmit={submit} noValidate aria-labelledby="add-participant-title">
      <h3 id="add-participant-title" className="h5">{t('participants.addTitle')}</h3>
      <div className="row g-2">
        <Field className="col-md-4" label={t('participants.kind')} errors={err('kind')}>
          <select className="form-select" value={kind} onChange={(e) => setKind(e.target.value as ParticipantKind)}>
            {PARTICIPANT_KINDS.map((k) => <option key={k} value={k}>{t(`participantKind.${k}`)}</option>)}
          </select>
        </Field>
        {internal ? (
          <Field className="col-md-4" label={t('participants.user')} errors={err('userId')}>
            <select className="form-select" value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">{t('participants.pickUser')}</option>
              {users.data?.map((u) => <option key={u.id} value={u.id}>{u.fullName} ({u.roles.map((r) => t(`common:roles.${r}`)).join(', ')})</option>)}
            </select>
          </Field>
        ) : (
          <Field className="col-md-4" label={t('participants.name')} errors={err('name')}>
            <input className="form-control" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
          </Field>
        )}
        <Field className="col-md-4" label={t('participants.role')} errors={err('role')} help={t('participants.roleHelp')}>
          <input className="form-control" value={role} onChange={(e) => setRole(e.target.value)} maxLength={64} />
        </Field>
        {!internal && (
          <>
            <Field className="col-md-4" label={t('participants.email')} errors={err('email')}>
              <input className="form-control" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </Field>
            <Field className="col-md-3" label={t('participants.phone')} errors={err('phone')}>
              <input className="form-control" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
            </Field>
            <Field className="col-md-5" label={t('fields.address')} errors={err('address')}>
              <input className="form-control" value={address} onChange={(e) => setAddress(e.target.value)} />
            </Field>
          </>
        )}
      </div>
      {add.error && <p className={add.error instanceof ApiError && add.error.status === 400 ? 'text-danger small' : 'alert alert-danger py-2'} role="alert">
        {add.error instanceof ApiError && add.error.status === 400 ? t('create.fixFields') : problemText(add.error)}
      </p>}
      <div className="d-flex gap-2 mt-2">
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>{t('participants.submit')}</button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone()}>{t('common:actions.cancel')}</button>
      </div>
    </form>
  );
}
