// One dossier: its summary (reference, kind, status, address, skills, referent, assigned expert), then
// its participants, tasks, appointments, exchanges, documents and workflow instances, with an in-page menu.
// Planners and admins edit and close it; others read what they are entitled to.
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import { Badge, ErrorMessage, Loading } from '../../shared/ui/Status';
import { useSession } from '../../shared/shell/session';
import { useFormat } from '../../shared/time';
import { useCloseDossier, useDossier, type Dossier } from './api';
import { EditDossierForm } from './EditDossierForm';
import { ParticipantsSection } from './ParticipantsSection';
import { AppointmentsSection, DocumentsSection, ExchangesSection, InstancesSection } from './RecordsSections';
import { useSkillNames } from './SkillPicker';
import { TasksSection } from './TasksSection';
import './dossiers.css';

const SECTIONS = ['participants', 'tasks', 'appointments', 'exchanges', 'documents', 'instances'] as const;

export default function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('dossiers');
  const query = useDossier(id);

  if (query.isPending) return <Loading />;
  if (query.error) {
    const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <div>
        <h1 className="h3">{missing ? t('page.notFoundTitle') : t('page.title')}</h1>
        {missing
          ? <p className="alert alert-warning" role="alert">{t('page.notFound')}</p>
          : <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
        <Link to="/dossiers">{t('page.backToList')}</Link>
      </div>
    );
  }
  return <DossierView dossier={query.data!} />;
}

function DossierView({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('dossiers');
  const { has } = useSession();
  const canEdit = has('planner', 'admin') && dossier.status === 'open';
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');

  return (
    <div>
      <nav aria-label={t('page.breadcrumb')}>
        <ol className="breadcrumb mb-1 small">
          <li className="breadcrumb-item"><Link to="/dossiers">{t('list.title')}</Link></li>
          <li className="breadcrumb-item active" aria-current="page">{dossier.reference}</li>
        </ol>
      </nav>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h1 className="h3 mb-0">
          <span className="text-body-secondary">{dossier.reference}</span> · {dossier.title}{' '}
          {dossier.urgent && <Badge kind="urgent">{t('common:badges.urgent')}</Badge>}{' '}
          {dossier.confidential && <Badge kind="confidential">{t('common:badges.confidential')}</Badge>}
        </h1>
        {canEdit && !editing && (
          <div className="d-flex gap-2">
            <button type="button" className="btn btn-outline-primary" onClick={() => setEditing(true)}>{t('edit.open')}</button>
            <CloseButton dossier={dossier} onClosed={() => setMessage(t('close.done'))} />
          </div>
        )}
      </div>
      <p className="visually-hidden" role="status">{message}</p>
      {editing
        ? <EditDossierForm dossier={dossier} onDone={(saved) => { setEditing(false); if (saved) setMessage(t('edit.saved')); }} />
        : <Summary dossier={dossier} />}

      <nav aria-label={t('page.sections')} className="dossier-menu bg-body border-bottom mb-3">
        <ul className="nav nav-underline small">
          {SECTIONS.map((s) => <li key={s} className="nav-item"><a className="nav-link" href={`#${s}`}>{t(`${s}.title`)}</a></li>)}
        </ul>
      </nav>
      <ParticipantsSection dossier={dossier} canEdit={canEdit} />
      <TasksSection dossier={dossier} canCreate={canEdit} />
      <AppointmentsSection dossier={dossier} canPlan={dossier.status === 'open' && has('planner', 'admin', 'expert')} />
      <ExchangesSection dossier={dossier} />
      <DocumentsSection dossier={dossier} />
      <InstancesSection dossier={dossier} />
    </div>
  );
}

function Summary({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('dossiers');
  const format = useFormat();
  const skillName = useSkillNames();
  const item = (label: string, value: ReactNode, key?: string) => (
    <div className="col-sm-6 col-lg-3" key={key ?? label}>
      <dt className="small">{label}</dt>
      <dd className="mb-2">{value || <span className="text-body-secondary">{t('summary.none')}</span>}</dd>
    </div>
  );
  return (
    <section aria-labelledby="summary-title" className="card mb-3">
      <div className="card-body py-2">
        <h2 id="summary-title" className="visually-hidden">{t('summary.title')}</h2>
        <dl className="row mb-0 dossier-summary">
          {item(t('fields.reference'), dossier.reference)}
          {item(t('fields.kind'), t(`kinds.${dossier.kind}`, { defaultValue: dossier.kind }))}
          {item(t('fields.status'), t(`dossierStatus.${dossier.status}`))}
          {item(t('fields.createdAt'), format.date(dossier.createdAt))}
          {item(t('fields.referent'), dossier.referentName)}
          {item(t('summary.expert'), dossier.expertName ? <span id="assigned-expert">{dossier.expertName}</span> : <span id="assigned-expert" className="text-body-secondary">{t('summary.noExpert')}</span>)}
          {item(t('fields.address'), dossier.address ? (
            <>{dossier.address.text}{dossier.address.latitude != null && <span className="small text-body-secondary"> ({dossier.address.latitude}, {dossier.address.longitude})</span>}</>
          ) : null)}
          {item(t('fields.skills'), dossier.requiredSkills.length ? dossier.requiredSkills.map(skillName).join(', ') : null)}
          {item(t('summary.flags'), [dossier.urgent && t('common:badges.urgent'), dossier.confidential && t('common:badges.confidential')].filter(Boolean).join(', ') || t('summary.noFlags'))}
        </dl>
      </div>
    </section>
  );
}

function CloseButton({ dossier, onClosed }: { dossier: Dossier; onClosed: () => void }) {
  const { t } = useTranslation('dossiers');
  const close = useCloseDossier(dossier.id);
  const [asking, setAsking] = useState(false);
  if (!asking) return <button type="button" className="btn btn-outline-danger" onClick={() => setAsking(true)}>{t('close.open')}</button>;
  return (
    <div className="d-flex align-items-center gap-2" role="group" aria-label={t('close.question')}>
      <span className="small">{t('close.question')}</span>
      <button type="button" className="btn btn-danger" disabled={close.isPending} onClick={() => close.mutate(undefined, { onSuccess: onClosed })}>{t('close.confirm')}</button>
      <button type="button" className="btn btn-outline-secondary" onClick={() => setAsking(false)}>{t('common:actions.cancel')}</button>
      {close.error && <span className="text-danger small" role="alert">{problemText(close.error)}</span>}
    </div>
  );
}
