// What hangs off a dossier: its appointments (with counts), exchanges, documents and the workflow instances running on it.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryState, Badge } from '../../shared/ui/Status';
import { useFormat } from '../../shared/time';
import { useSession } from '../../shared/shell/session';
import { useDossierAppointments, useDossierDocuments, useDossierExchanges, useDossierInstances, type Dossier } from './api';

export function AppointmentsSection({ dossier, canPlan }: { dossier: Dossier; canPlan: boolean }) {
  const { t } = useTranslation('dossiers');
  const format = useFormat();
  const appointments = useDossierAppointments(dossier.id);
  return (
    <section id="appointments" aria-labelledby="appointments-title" className="mb-4">
      <div className="d-flex align-items-center justify-content-between gap-2">
        <h2 id="appointments-title" className="h4">{t('appointments.title')}</h2>
        {canPlan && <Link className="btn btn-sm btn-outline-primary" to={`/dossiers/${dossier.id}/appointments/new`}>{t('appointments.new')}</Link>}
      </div>
      <QueryState query={appointments}>
        {({ counts, appointments: rows }) => (
          <>
            <ul className="list-inline mb-2" aria-label={t('appointments.counts')} id="appointment-counts">
              <li className="list-inline-item"><span className="badge text-bg-primary">{t('appointments.planned', { count: counts.planned })}</span></li>
              <li className="list-inline-item"><span className="badge text-bg-warning">{t('appointments.toPlan', { count: counts.toPlan })}</span></li>
              {counts.done > 0 && <li className="list-inline-item"><span className="badge text-bg-success">{t('appointments.done', { count: counts.done })}</span></li>}
              {counts.cancelled > 0 && <li className="list-inline-item"><span className="badge text-bg-secondary">{t('appointments.cancelled', { count: counts.cancelled })}</span></li>}
            </ul>
            {rows.length === 0 ? <p className="text-body-secondary">{t('appointments.none')}</p> : (
              <div className="table-responsive">
                <table className="table table-sm align-middle">
                  <caption className="visually-hidden">{t('appointments.title')}</caption>
                  <thead><tr>
                    <th scope="col">{t('appointments.appointment')}</th><th scope="col">{t('fields.status')}</th>
                    <th scope="col">{t('appointments.when', { zone: format.zoneName() })}</th><th scope="col">{t('appointments.mainUser')}</th>
                  </tr></thead>
                  <tbody>
                    {rows.map((a) => (
                      <tr key={a.id} data-appointment-id={a.id}>
                        <td><Link to={`/appointments/${a.id}`}>{a.title}</Link></td>
                        <td>{t(`common:status.${a.status}`)}</td>
                        <td className="text-nowrap">{a.start ? format.range(a.start, a.end) : <span className="text-body-secondary">{t('appointments.notPlanned')}</span>}</td>
                        <td>{a.mainUserName ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

export function ExchangesSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('dossiers');
  const format = useFormat();
  const exchanges = useDossierExchanges(dossier.id);
  return (
    <section id="exchanges" aria-labelledby="exchanges-title" className="mb-4">
      <h2 id="exchanges-title" className="h4">{t('exchanges.title')}</h2>
      <QueryState query={exchanges}>
        {(rows) => rows.length === 0 ? <p className="text-body-secondary">{t('exchanges.none')}</p> : (
          <ul className="list-group">
            {rows.map((x) => (
              <li key={x.id} className="list-group-item">
                <div className="d-flex flex-wrap justify-content-between gap-2">
                  <span className="fw-semibold">
                    {x.appointmentId ? <Link to={`/appointments/${x.appointmentId}`}>{x.title}</Link> : x.title}
                  </span>
                  <span className="small text-body-secondary">{format.dateTime(x.occurredAt)}</span>
                </div>
                {x.participants.length > 0 && <div className="small text-body-secondary">{t('exchanges.with', { names: x.participants.join(', ') })}</div>}
                <p className="mb-0 text-pre-line">{x.notes}</p>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function size(bytes: number, locale: string) {
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${nf.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${nf.format(bytes / 1024)} KB`;
  return `${nf.format(bytes / 1024 / 1024)} MB`;
}

export function DocumentsSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('dossiers');
  const format = useFormat();
  const documents = useDossierDocuments(dossier.id);
  return (
    <section id="documents" aria-labelledby="documents-title" className="mb-4">
      <h2 id="documents-title" className="h4">{t('documents.title')}</h2>
      <QueryState query={documents}>
        {(rows) => rows.length === 0 ? <p className="text-body-secondary">{t('documents.none')}</p> : (
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <caption className="visually-hidden">{t('documents.title')}</caption>
              <thead><tr>
                <th scope="col">{t('documents.file')}</th><th scope="col">{t('documents.appointment')}</th>
                <th scope="col">{t('documents.size')}</th><th scope="col">{t('documents.uploadedAt')}</th>
              </tr></thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.id}>
                    <td><a href={`/appointments/${d.appointmentId}/documents/${d.id}`} download={d.fileName}>{d.fileName}</a></td>
                    <td><Link to={`/appointments/${d.appointmentId}`}>{d.appointmentTitle}</Link></td>
                    <td className="text-nowrap">{size(d.size, format.locale)}</td>
                    <td className="text-nowrap">{format.dateTime(d.uploadedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}

export function InstancesSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('dossiers');
  const { has } = useSession();
  const format = useFormat();
  const instances = useDossierInstances(dossier.id);
  const canOpen = has('designer', 'admin');
  return (
    <section id="instances" aria-labelledby="instances-title" className="mb-4">
      <h2 id="instances-title" className="h4">{t('instances.title')}</h2>
      <QueryState query={instances}>
        {(rows) => rows.length === 0 ? <p className="text-body-secondary">{t('instances.none')}</p> : (
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <caption className="visually-hidden">{t('instances.title')}</caption>
              <thead><tr>
                <th scope="col">{t('instances.process')}</th><th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('instances.incidents')}</th><th scope="col">{t('instances.startedAt')}</th>
              </tr></thead>
              <tbody>
                {rows.map((i) => {
                  const label = t('instances.version', { key: i.definitionKey, version: i.definitionVersion });
                  return (
                    <tr key={i.id} data-instance-id={i.id}>
                      <td>{canOpen ? <Link to={`/instances/${i.id}`}>{label}</Link> : label}</td>
                      <td>{t(`instances.status.${i.status}`)}</td>
                      <td>{i.openIncidents > 0 ? <Badge kind="urgent">{t('instances.openIncidents', { count: i.openIncidents })}</Badge> : '0'}</td>
                      <td className="text-nowrap">{format.dateTime(i.startedAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
