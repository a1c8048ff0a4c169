// The search box of a list screen's filters: its label, the text and the search button side by side.
import { useTranslation } from 'react-i18next';

export function SearchBox({ id, label, placeholder, value, onChange }: {
  id: string; label: string; placeholder: string; value: string; onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="col-md-5">
      <label className="form-label mb-1" htmlFor={id}>{label}</label>
      <div className="input-group">
        <input id={id} type="search" className="form-control" value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} />
        <button type="submit" className="btn btn-outline-primary">{t('common:actions.search')}</button>
      </div>
    </div>
  );
}
