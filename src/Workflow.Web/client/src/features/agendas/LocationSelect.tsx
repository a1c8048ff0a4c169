import { useTranslation } from 'react-i18next';
import { useLocations } from './api';

/** The optional location of a range, among the organisation's locations. */
export function LocationSelect({ id, value, onChange }: { id: string; value: string; onChange(value: string): void }) {
  const { t } = useTranslation('agendas');
  const locations = useLocations();
  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">{t('range.location')}</label>
      <select id={id} className="form-select" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-help`}>
        <option value="">{t('range.noLocation')}</option>
        {(locations.data ?? []).map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
      </select>
      <div id={`${id}-help`} className="form-text">
        {locations.error ? t('range.locationsFailed') : t('range.locationHelp')}
      </div>
    </div>
  );
}
