// The files attached to an appointment: list, download (a plain link: the browser sends the session cookie),
// attach (multipart) and remove after a confirmation.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/time';
import { QueryState } from '../../shared/ui/Status';
import { documentUrl, useDocuments, type Appointment, type AppointmentDocument, type useAppointmentActions } from './appointmentApi';
import { ConfirmDialog } from './ConfirmDialog';
import { refusal } from './refusal';

type Actions = ReturnType<typeof useAppointmentActions>;

const size = (bytes: number, locale: string) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toLocaleString(locale, { maximumFractionDigits: 0 })} kB`
    : `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;

export function AppointmentDocuments({ appointment: a, organiser, actions }: { appointment: Appointment; organiser: boolean; actions: Actions }) {
  const { t } = useTranslation('appointments');
  const fmt = useFormat();
  const id = useId();
  const documents = useDocuments(a.id);
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [removing, setRemoving] = useState<AppointmentDocument | null>(null);

  function attach(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setMessage(null);
    if (!file) { setMissing(true); return; }
    actions.attach.mutate(file, {
      onSuccess: (d) => { setMessage(t('documents.attached', { name: d.fileName })); if (input.current) input.current.value = ''; },
    });
  }

  function remove() {
    if (!removing) return;
    const name = removing.fileName;
    actions.detach.mutate(removing.id, { onSuccess: () => { setRemoving(null); setMessage(t('documents.removed', { name })); } });
  }

  return (
    <section aria-labelledby="documents-title" className="mb-4">
      <h2 id="documents-title" className="h5">{t('documents.title')}</h2>
      <QueryState query={documents}>
        {(list) => list.length === 0 ? <p className="text-body-secondary">{t('documents.none')}</p> : (
          <ul className="list-group mb-3" aria-labelledby="documents-title">
            {list.map((d) => (
              <li key={d.id} className="list-group-item d-flex flex-wrap align-items-center justify-content-between gap-2">
                <span>
                  <a href={documentUrl(a.id, d.id)} download={d.fileName} aria-label={t('documents.download', { name: d.fileName })}>{d.fileName}</a>
                  <span className="small text-body-secondary"> · {size(d.size, fmt.locale)} · {t('documents.uploaded', { at: fmt.dateTime(d.uploadedAt) })}</span>
                </span>
                {organiser && (
                  <button type="button" className="btn btn-sm btn-outline-danger" aria-label={t('documents.remove', { name: d.fileName })}
                          onClick={() => { actions.detach.reset(); setRemoving(d); }}>{t('common:actions.delete')}</button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {message && <p className="alert alert-success py-2" role="status">{message}</p>}
      {a.status !== 'cancelled' && (
        <form onSubmit={attach} className="card card-body">
          <label className="form-label" htmlFor={`${id}-file`}>{t('documents.file')}</label>
          <input ref={input} id={`${id}-file`} type="file" className="form-control mb-1" aria-describedby={`${id}-allowed`}
                 accept=".pdf,.png,.jpg,.jpeg,.txt,.docx,.xlsx,.odt,.ods,.eml" onChange={() => { setMissing(false); actions.attach.reset(); }} />
          <p id={`${id}-allowed`} className="small text-body-secondary mb-2">{t('documents.allowed')}</p>
          {missing && <p className="alert alert-warning py-2" role="alert">{t('documents.chooseFirst')}</p>}
          {actions.attach.error && <p className="alert alert-danger py-2" role="alert">{refusal(actions.attach.error)}</p>}
          <div><button type="submit" className="btn btn-outline-primary" disabled={actions.attach.isPending}>{t('documents.attach')}</button></div>
        </form>
      )}
      <ConfirmDialog open={removing !== null} title={t('documents.removeTitle')} confirmLabel={t('documents.removeConfirm')}
                     cancelLabel={t('common:actions.cancel')} busy={actions.detach.isPending}
                     error={actions.detach.error ? refusal(actions.detach.error) : null} onConfirm={remove} onClose={() => setRemoving(null)}>
        <p>{t('documents.removeBody', { name: removing?.fileName ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
