// The address block of a form (text, then optional latitude and longitude), as the dossier forms and the users' screen enter it.
import { useTranslation } from 'react-i18next';
import { Field, toAddress } from './Field';
import type { Address } from './api';

/** What the three inputs hold while typed. */
export interface AddressInput { text: string; latitude: string; longitude: string }

export const addressInput = (a?: Address | null): AddressInput =>
  ({ text: a?.text ?? '', latitude: a?.latitude?.toString() ?? '', longitude: a?.longitude?.toString() ?? '' });

/** The API's Address, or null when the three inputs are empty. */
export const readAddress = (a: AddressInput) => toAddress(a.text, a.latitude, a.longitude);

export function AddressFields({ value, onChange, errors, label, help }: {
  value: AddressInput; onChange: (v: AddressInput) => void;
  errors?: { text?: string[]; latitude?: string[]; longitude?: string[] }; label?: string; help?: string;
}) {
  const { t } = useTranslation('dossiers');
  return (
    <div className="row g-2">
      <Field className="col-md-6" label={label ?? t('fields.address')} errors={errors?.text} help={help}>
        <input className="form-control" value={value.text} onChange={(e) => onChange({ ...value, text: e.target.value })} autoComplete="street-address" maxLength={500} />
      </Field>
      <Field className="col-md-3" label={t('fields.latitude')} errors={errors?.latitude}>
        <input className="form-control" inputMode="decimal" value={value.latitude} onChange={(e) => onChange({ ...value, latitude: e.target.value })} />
      </Field>
      <Field className="col-md-3" label={t('fields.longitude')} errors={errors?.longitude}>
        <input className="form-control" inputMode="decimal" value={value.longitude} onChange={(e) => onChange({ ...value, longitude: e.target.value })} />
      </Field>
    </div>
  );
}
