// Create a user (name, e-mail, initial password, roles, skills, time zone, base address) or change one
// (what UpdateUser allows: everything but the e-mail and the password). The server's refusals show on the
// field they name and nothing typed is lost.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import { useSession } from '../../shared/shell/session';
import { AddressFields, addressInput, readAddress } from '../dossiers/AddressFields';
import { Check, Field } from '../dossiers/Field';
import { SkillPicker } from '../dossiers/SkillPicker';
import { onFields, refusalOn, ROLES, useCreateUser, useUpdateUser, type User } from './api';
import { TimeZoneSelect } from './TimeZoneSelect';

export function UserForm({ user, onDone }: { user?: User; onDone: (saved?: User) => void }) {
  const { t } = useTranslation('users');
  const { user: me } = useSession();
  const create = useCreateUser();
  const update = useUpdateUser(user?.id ?? '');
  const mutation = user ? update : create;
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(user ? [...user.roles] : []);
  const [skills, setSkills] = useState<string[]>(user ? [...user.skills] : []);
  const [timeZone, setTimeZone] = useState(user?.timeZone ?? me?.timeZone ?? 'Europe/Brussels');
  const [address, setAddress] = useState(addressInput(user?.baseAddress));

  const error = mutation.error;
  const on = (field: string, message?: string, duplicate?: string) => refusalOn(error, field, message, duplicate);
  const pairing = error instanceof ApiError && Object.keys(error.fieldErrors).some((k) => k.toLowerCase() === 'baseaddress');
  const toggleRole = (role: string, checked: boolean) => setRoles(checked ? [...roles, role] : roles.filter((r) => r !== role));

  function submit(e: FormEvent) {
    e.preventDefault();
    const baseAddress = readAddress(address);
    if (user)
      update.mutate({ fullName, roles, skills, baseAddress, removeBaseAddress: !baseAddress && !!user.baseAddress, timeZone }, { onSuccess: onDone });
    else
      create.mutate({ email: email.trim(), fullName, password, roles, skills, baseAddress, timeZone }, { onSuccess: onDone });
  }

  const rolesErrors = on('roles');
  return (
    <form onSubmit={submit} noValidate>
      <div className="row g-2">
        <Field className="col-md-6" label={t('fields.fullName')} errors={on('fullName')}>
          <input className="form-control" value={fullName} onChange={(e) => setFullName(e.target.value)} maxLength={200} autoComplete="off" />
        </Field>
        {user ? (
          <div className="col-md-6 mb-2">
            <div className="form-label mb-1">{t('fields.email')}</div>
            <div className="form-control-plaintext py-1" translate="no">{user.email}</div>
            <div className="form-text">{t('form.emailFixed')}</div>
          </div>
        ) : (
          <Field className="col-md-6" label={t('fields.email')} errors={on('email', 'email', 'duplicateEmail')}>
            <input className="form-control" type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={256} autoComplete="off" />
          </Field>
        )}
      </div>
      {!user && (
        <Field label={t('fields.password')} errors={on('password')} help={t('form.passwordHelp')}>
          <input className="form-control" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </Field>
      )}
      <fieldset className="mb-2" aria-describedby="user-roles-help">
        <legend className="form-label fs-6 mb-1">{t('fields.roles')}</legend>
        <div className="d-flex flex-wrap column-gap-3">
          {ROLES.map((r) => <Check key={r} label={t(`common:roles.${r}`)} checked={roles.includes(r)} onChange={(on) => toggleRole(r, on)} />)}
        </div>
        <div id="user-roles-help" className="form-text mt-0">{t('form.rolesHelp')}</div>
        {user && user.id === me?.id && <div className="form-text text-warning-emphasis">{t('form.selfRoles')}</div>}
        {rolesErrors.length > 0 && <div className="invalid-feedback d-block">{rolesErrors.join(' ')}</div>}
      </fieldset>
      <SkillPicker label={t('fields.skills')} value={skills} onChange={setSkills} errors={on('skills')} />
      <div className="form-text mt-n2 mb-2">{t('form.skillsHelp')}</div>
      <Field label={t('fields.timeZone')} errors={on('timeZone')}>
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} />
      </Field>
      <AddressFields value={address} onChange={setAddress} label={t('fields.baseAddress')}
        help={user?.baseAddress ? `${t('form.addressHelp')} ${t('form.addressRemoved')}` : t('form.addressHelp')}
        errors={{
          text: on('baseAddress.text', 'addressText'),
          latitude: pairing ? [t('serverErrors.latitude')] : on('baseAddress.latitude', 'latitude'),
          longitude: on('baseAddress.longitude', 'longitude'),
        }} />
      {error && (onFields(error)
        ? <p className="text-danger small mt-2" role="alert">{t('form.fixFields')}</p>
        : <p className="alert alert-danger py-2 mt-2" role="alert">{problemText(error)}</p>)}
      <div className="d-flex gap-2 mt-2">
        <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>{user ? t('common:actions.save') : t('form.create')}</button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone()}>{t('common:actions.cancel')}</button>
      </div>
    </form>
  );
}
