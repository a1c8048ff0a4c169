// "Create a new location" while booking (Chill's "créer une nouvelle localisation"): a name and an
// address; once created it is the appointment's place and joins the list for everyone.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseMutationResult } from '@tanstack/react-query';
import { ErrorMessage } from '../../shared/ui/Status';
import type { Schemas } from '../../shared/api/client';
import type { Place } from './newApi';

export function NewLocationForm({ mutation, onCreated }: {
  mutation: UseMutationResult<Place, Error, Schemas['CreateLocationCommand']>;
  onCreated(location: Place): void;
}) {
  const { t } = useTranslation('appointments');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const ready = name.trim() !== '' && address.trim() !== '';

  async function create() {
    if (!ready) return;
    try {
      const created = await mutation.mutateAsync({ name: name.trim(), address: { text: address.trim(), latitude: null, longitude: null }, kind: 'other' });
      onCreated(created);
    } catch {
      // The error shows below.
    }
  }

  return (
    <div className="border rounded p-2 mt-2 bg-body-tertiary" role="group" aria-labelledby="new-location-heading">
      <h3 id="new-location-heading" className="h6 small fw-semibold mb-1">{t('new.newLocation.heading')}</h3>
      <label htmlFor="new-location-name" className="form-label mb-0 small">{t('new.newLocation.name')}</label>
      <input id="new-location-name" className="form-control form-control-sm mb-1" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="new-location-address" className="form-label mb-0 small">{t('new.newLocation.address')}</label>
      <input id="new-location-address" className="form-control form-control-sm mb-2" maxLength={500} value={address} onChange={(e) => setAddress(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void create(); } }} />
      <button type="button" className="btn btn-sm btn-primary" disabled={!ready || mutation.isPending} onClick={() => void create()}>
        {mutation.isPending ? t('new.newLocation.creating') : t('new.newLocation.create')}
      </button>
      {mutation.error && <div className="mt-2"><ErrorMessage error={mutation.error} /></div>}
    </div>
  );
}
