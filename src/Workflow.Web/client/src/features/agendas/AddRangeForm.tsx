// The keyboard way to add a range: a day and two hours, in the user's zone.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromWall, toWall } from '../../shared/time';
import { LocationSelect } from './LocationSelect';
import type { RangeInput } from './api';
import { rangeProblem } from './rangeProblem';
import { DateTimeInput } from '../../shared/ui/DateTimeInput';

// Quarter hours on a 24-hour clock: the browser's own time field follows the system's locale (AM/PM), not the user's.
const times = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);

export function AddRangeForm({ timeZone, onAdd }: { timeZone: string; onAdd(input: RangeInput): Promise<unknown> }) {
  const { t } = useTranslation('agendas');
  const id = useId();
  const [day, setDay] = useState(() => toWall(new Date(), timeZone).slice(0, 10));
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('12:00');
  const [location, setLocation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!day || !from || !to || to <= from) { setError(t('errors.endBeforeStart')); return; }
    setBusy(true);
    setError(null);
    try {
      await onAdd({ start: fromWall(`${day}T${from}`, timeZone).toISOString(), end: fromWall(`${day}T${to}`, timeZone).toISOString(), locationId: location || null });
    } catch (err) {
      setError(rangeProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card mb-3" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h2 id={`${id}-title`} className="h6 card-title">{t('addForm.title')}</h2>
        <p className="small text-body-secondary">{t('addForm.intro')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="mb-2">
            <label htmlFor={`${id}-day`} className="form-label">{t('addForm.day')}</label>
            <DateTimeInput id={`${id}-day`} dateOnly value={day} onChange={setDay} required />
          </div>
          <div className="row g-2 mb-2">
            <div className="col-6">
              <label htmlFor={`${id}-from`} className="form-label">{t('addForm.from')}</label>
              <select id={`${id}-from`} className="form-select" value={from} onChange={(e) => setFrom(e.target.value)} required>
                {times.map((time) => <option key={time} value={time}>{time}</option>)}
              </select>
            </div>
            <div className="col-6">
              <label htmlFor={`${id}-to`} className="form-label">{t('addForm.to')}</label>
              <select id={`${id}-to`} className="form-select" value={to} onChange={(e) => setTo(e.target.value)} required>
                {times.map((time) => <option key={time} value={time}>{time}</option>)}
              </select>
            </div>
          </div>
          <LocationSelect id={`${id}-location`} value={location} onChange={setLocation} />
          {error && <div className="alert alert-danger py-2" role="alert">{error}</div>}
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('addForm.submit')}</button>
        </form>
      </div>
    </section>
  );
}
