// The dialog that opens when a span is drawn on the grid (a new range) or a range is clicked (change or delete it).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromWall, toInputValue } from '../../shared/time';
import { Confirm, Dialog } from './Dialog';
import { LocationSelect } from './LocationSelect';
import type { RangeInput } from './api';
import { rangeProblem } from './rangeProblem';
import { DateTimeInput } from '../../shared/ui/DateTimeInput';

export interface RangeDraft { id?: string; start: Date | string; end: Date | string; locationId: string | null }

interface Props {
  draft: RangeDraft;
  timeZone: string;
  onSave(input: RangeInput): Promise<unknown>;
  onDelete?(): Promise<unknown>;
  onClose(): void;
}

export function RangeDialog({ draft, timeZone, onSave, onDelete, onClose }: Props) {
  const { t } = useTranslation('agendas');
  const id = useId();
  const [start, setStart] = useState(toInputValue(draft.start, timeZone));
  const [end, setEnd] = useState(toInputValue(draft.end, timeZone));
  const [location, setLocation] = useState(draft.locationId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onClose();
    } catch (e) {
      setError(rangeProblem(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!start || !end || end <= start) { setError(t('errors.endBeforeStart')); return; }
    void run(() => onSave({ start: fromWall(start, timeZone).toISOString(), end: fromWall(end, timeZone).toISOString(), locationId: location || null }));
  };

  return (
    <Dialog title={draft.id ? t('range.editTitle') : t('range.newTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="row g-2">
          <div className="col-sm-6 mb-3">
            <label htmlFor={`${id}-start`} className="form-label">{t('range.start')}</label>
            <DateTimeInput id={`${id}-start`} value={start} onChange={setStart} required />
          </div>
          <div className="col-sm-6 mb-3">
            <label htmlFor={`${id}-end`} className="form-label">{t('range.end')}</label>
            <DateTimeInput id={`${id}-end`} value={end} onChange={setEnd} required />
          </div>
        </div>
        <LocationSelect id={`${id}-location`} value={location} onChange={setLocation} />
        {error && <div className="alert alert-danger py-2" role="alert">{error}</div>}
        {confirming && onDelete && (
          <Confirm question={t('range.confirmDelete')} confirmLabel={t('range.delete')} busy={busy}
            onConfirm={() => void run(onDelete)} onCancel={() => setConfirming(false)} />
        )}
        <div className="d-flex flex-wrap gap-2 justify-content-between">
          <div className="d-flex gap-2">
            <button type="submit" className="btn btn-primary" disabled={busy}>{t('range.save')}</button>
            <button type="button" className="btn btn-outline-dark" onClick={onClose}>{t('common:actions.cancel')}</button>
          </div>
          {onDelete && !confirming && (
            <button type="button" className="btn btn-outline-danger" onClick={() => setConfirming(true)} disabled={busy}>{t('range.delete')}</button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
