// A done appointment turned into an exchange: the record on the dossier of what happened. Shown once recorded.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/time';
import { useExchanges, type Appointment, type useAppointmentActions } from './appointmentApi';
import { refusal } from './refusal';

type Actions = ReturnType<typeof useAppointmentActions>;

export function AppointmentExchange({ appointment: a, organiser, actions }: { appointment: Appointment; organiser: boolean; actions: Actions }) {
  const { t } = useTranslation('appointments');
  const fmt = useFormat();
  const id = useId();
  const exchanges = useExchanges(a.dossierId);
  const [notes, setNotes] = useState('');
  const recorded = exchanges.data?.find((e) => e.appointmentId === a.id);

  function submit(e: FormEvent) {
    e.preventDefault();
    actions.exchange.mutate(notes);
  }

  if (exchanges.isPending) return null;
  if (!recorded && !organiser) return null;
  return (
    <section aria-labelledby="exchange-title" className="mb-4">
      <h2 id="exchange-title" className="h5">{t('exchange.title')}</h2>
      {actions.exchange.isSuccess && <p className="alert alert-success py-2" role="status">{t('exchange.done')}</p>}
      {recorded ? (
        <div className="card card-body">
          <p className="small text-body-secondary mb-1">{t('exchange.recorded', { at: fmt.dateTime(recorded.createdAt) })}</p>
          {recorded.participants.length > 0 && <p className="small mb-1">{t('exchange.participants', { names: recorded.participants.join(', ') })}</p>}
          <p className="mb-0 text-pre-wrap" data-testid="exchange-notes">{recorded.notes}</p>
        </div>
      ) : (
        <form onSubmit={submit} className="card card-body bg-body-tertiary">
          <label className="form-label" htmlFor={`${id}-notes`}>{t('exchange.notes')}</label>
          <textarea id={`${id}-notes`} className="form-control mb-2" rows={4} maxLength={20000} value={notes} onChange={(e) => setNotes(e.target.value)} />
          {actions.exchange.error && <p className="alert alert-danger py-2" role="alert">{refusal(actions.exchange.error)}</p>}
          <div><button type="submit" className="btn btn-primary" disabled={actions.exchange.isPending}>{t('actions.exchange')}</button></div>
        </form>
      )}
    </section>
  );
}
