// What hangs off a dossier: its appointments (with counts), exchanges, documents and the workflow instances running on it.
import type { HTMLAttributes, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryState, Badge } from '../../shared/ui/Status';
import { useFormat } from '../../shared/time';
import { useSession } from '../../shared/shell/session';
import { useDossierAppointments, useDossierDocuments, useDossierExchanges, useDossierInstances, type Dossier } from './api';

/** One section of the dossier page: its heading (and an action beside it), then its content. */
function Section({ name, title, action, children }: { name: string; title: string; action?: ReactNode; children: ReactNode }) {
  const heading = <h2 id={`${name}-title`} className="h4">{title}</h2>;
  return (
    <section id={name} aria-labelledby={`${name}-title`} className="mb-4">
      {action ? <div className="d-flex align-items-center justify-content-between gap-2">{heading}{action}</div> : heading}
      {children}
    </section>
  );
}

interface Column<T> { header: ReactNode; cell(row: T): ReactNode; className?: string }

/** A compact table of a dossier's records, or a line saying there are none. */
function Records<T extends { id: string }>({ caption, rows, none, columns, rowProps }: {
  caption: string; rows: T[]; none: string; columns: Column<T>[]; rowProps?(row: T): HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
}) {
  if (rows.length === 0) return <p className="text-body-secondary">{none}</p>;
  return (
    <div className="table-responsive">
      <table className="table table-sm align-middle">
        <caption className="visually-hidden">{caption}</caption>
        <thead><tr>{columns.map((c, i) => <th key={i} scope="col">{c.header}</th>)}</tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} {...rowProps?.(row)}>
              {columns.map((c, i) => <td key={i} className={c.className}>{c.cell(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AppointmentsSection({ dossier, canPlan }: { dossier: Dossier; canPlan: boolean }) {
  const { t } = useTranslation('dossiers');
  const format = useFormat();
  const appointments = useDossierAppointments(dossier.id);
  const action = canPlan ? <Link className="btn btn-sm btn-outline-primary" to={`/dossiers/${dossier.id}/appointments/new`}>{t('appointments.new')}</Link> : null;
  return (
    <Section name="appointments" title={t('appointments.title')} action={action}>
      <QueryState query={appointments}>
        {({ counts, appointments: rows }) => (
          <>
            <ul className="list-inline mb-2" aria-label={t('appointments.counts')} id="appointment-counts">
              <li className="list-inline-item"><span className="badge text-bg-primary">{t('appointments.planned', { count: counts.planned })}</span></li>
              <li className="list-inline-item"><span className="badge text-bg-warning">{t('appointments.toPlan', { count: counts.toPlan })}</span></li>
              {counts.done > 0 && <li className="list-inline-item"><span className="badge text-bg-success">{t('appointments.done', { count: counts.done })}</span></li>}
              {counts.cancelled > 0 && <li className="list-inline-item"><span className="badge text-bg-secondary">{t('appointments.cancelled', { count: counts.cancelled })}</span></li>}
            </ul>
            <Records caption={t('appointments.title')} rows={rows} none={t('appointments.none')} rowProps={(a) => ({ 'data-appointment-id': a.id })} columns={[
              { header: t('appointments.appointment'), cell: (a) => <Link to={`/appointments/${a.id}`}>{a.title}</Link> },
              { header: t('fields.status'), cell: (a) => t(`common:status.${a.status}`) },
              { header: t('appointments.when', { zone: format.zoneName() }), className: 'text-nowrap',
                cell: (a) => (a.start ? format.range(a.start, a.end) : <span className="text-body-secondary">{t('appointments.notPlanned')}</span>) },
              { header: t('appointments.mainUser'), cell: (a) => a.mainUserName ?? '' },
            ]} />
          </>
        )}
      </QueryState>
    </Section>
  );
}

export function ExchangesSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('dossiers');
  const format = useFormat();
  const exchanges = useDossierExchanges(dossier.id);
  return (
    <Section name="exchanges" title={t('exchanges.title')}>
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
    </Section>
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
    <Section name="documents" title={t('documents.title')}>
      <QueryState query={documents}>
        {(rows) => (
          <Records caption={t('documents.title')} rows={rows} none={t('documents.none')} columns={[
            { header: t('documents.file'), cell: (d) => <a href={`/appointments/${d.appointmentId}/documents/${d.id}`} download={d.fileName}>{d.fileName}</a> },
            { header: t('documents.appointment'), cell: (d) => <Link to={`/appointments/${d.appointmentId}`}>{d.appointmentTitle}</Link> },
            { header: t('documents.size'), className: 'text-nowrap', cell: (d) => size(d.size, format.locale) },
            { header: t('documents.uploadedAt'), className: 'text-nowrap', cell: (d) => format.dateTime(d.uploadedAt) },
          ]} />
        )}
      </QueryState>
    </Section>
  );
}

export function InstancesSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('dossiers');
  const { has } = useSession();
  const format = useFormat();
  const instances = useDossierInstances(dossier.id);
  const canOpen = has('designer', 'admin');
  return (
    <Section name="instances" title={t('instances.title')}>
      <QueryState query={instances}>
        {(rows) => (
          <Records caption={t('instances.title')} rows={rows} none={t('instances.none')} rowProps={(i) => ({ 'data-instance-id': i.id })} columns={[
            { header: t('instances.process'), cell: (i) => {
              const label = t('instances.version', { key: i.definitionKey, version: i.definitionVersion });
              return canOpen ? <Link to={`/instances/${i.id}`}>{label}</Link> : label;
            } },
            { header: t('fields.status'), cell: (i) => t(`instances.status.${i.status}`) },
            { header: t('instances.incidents'), cell: (i) => (i.openIncidents > 0 ? <Badge kind="urgent">{t('instances.openIncidents', { count: i.openIncidents })}</Badge> : '0') },
            { header: t('instances.startedAt'), className: 'text-nowrap', cell: (i) => format.dateTime(i.startedAt) },
          ]} />
        )}
      </QueryState>
    </Section>
  );
}
