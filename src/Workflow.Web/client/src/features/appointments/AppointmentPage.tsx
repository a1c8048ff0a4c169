// One appointment: what, when (in the user's zone, named), who is concerned and how each invitee answered,
// and every action the reader may take in its current state: plan, reschedule, cancel, mark done, delete,
// edit the concerned parties, remind, turn into an exchange, documents. Refusals are said next to the action.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Badge, QueryState } from '../../shared/ui/Status';
import { useFormat } from '../../shared/time';
import { useSession } from '../../shared/shell/session';
import { useAppointment, useAppointmentActions, useUsers, type Appointment } from './appointmentApi';
import { AppointmentParties, InvitationAnswers } from './AppointmentParties';
import { AppointmentActions } from './AppointmentActions';
import { AppointmentDocuments } from './AppointmentDocuments';
import { AppointmentExchange } from './AppointmentExchange';
import { InvitationAnswer } from '../invitations/InvitationAnswer';
import './appointment.css';

export default function AppointmentPage() {
  const { id = '' } = useParams();
  const [deleted, setDeleted] = useState<Appointment | null>(null);
  const query = useAppointment(id, !deleted);
  const { t } = useTranslation('appointments');
  if (deleted) {
    return (
      <>
        <h1 className="h4">{deleted.title}</h1>
        <p className="alert alert-success" role="status">{t('remove.done', { title: deleted.title })}</p>
        <Link to={`/dossiers/${deleted.dossierId}`}>{t('remove.backToDossier', { reference: deleted.dossierReference })}</Link>
      </>
    );
  }
  return <QueryState query={query}>{(a) => <AppointmentView appointment={a} onDeleted={() => setDeleted(a)} />}</QueryState>;
}

const statusBadge: Record<string, string> = {
  'to-plan': 'text-bg-warning', planned: 'text-bg-primary', done: 'text-bg-success', cancelled: 'text-bg-secondary',
};

function AppointmentView({ appointment: a, onDeleted }: { appointment: Appointment; onDeleted: () => void }) {
  const { t } = useTranslation('appointments');
  const fmt = useFormat();
  const { user, has } = useSession();
  const users = useUsers();
  const actions = useAppointmentActions(a.id);
  const me = user?.id;
  const canBook = has('planner', 'admin', 'expert');
  const organiser = canBook && (has('planner', 'admin') || a.mainUserId === me || a.createdById === me);
  const myInvitation = a.invitations.find((i) => i.userId === me);
  const createdBy = users.data?.find((u) => u.id === a.createdById)?.fullName;
  const place = a.location ? `${a.location.name} · ${a.location.address.text}` : a.place?.text;

  return (
    <article className="appointment">
      <p className="text-body-secondary small mb-1">{t('view.kicker')} · <Link to={`/dossiers/${a.dossierId}`}>{a.dossierReference}</Link></p>
      <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
        <h1 className="h3 mb-0">{a.title}</h1>
        <span className={`badge ${statusBadge[a.status]}`}>{t(`common:status.${a.status}`)}</span>
      </div>

      <div className="row g-4">
        <div className="col-lg-7">
          <section aria-labelledby="details-title" className="mb-4">
            <h2 id="details-title" className="h5">{t('view.details')}</h2>
            <dl className="row appointment-details mb-0">
              <dt className="col-sm-4 col-xl-3">{t('view.when')}</dt>
              <dd className="col-sm-8 col-xl-9" data-testid="when">
                {a.start ? (
                  <>
                    {fmt.range(a.start, a.end)}{' '}
                    <span className="text-body-secondary">({t('view.zone', { zone: fmt.timeZone, short: fmt.zoneName(a.start) })})</span>
                  </>
                ) : t('view.notPlanned')}
              </dd>
              <dt className="col-sm-4 col-xl-3">{t('view.dossier')}</dt>
              <dd className="col-sm-8 col-xl-9"><Link to={`/dossiers/${a.dossierId}`}>{a.dossierReference}</Link></dd>
              <dt className="col-sm-4 col-xl-3">{t('view.status')}</dt>
              <dd className="col-sm-8 col-xl-9">{t(`common:status.${a.status}`)}</dd>
              <dt className="col-sm-4 col-xl-3">{t('view.mainUser')}</dt>
              <dd className="col-sm-8 col-xl-9">{a.mainUserName ?? t('view.noMainUser')}</dd>
              <dt className="col-sm-4 col-xl-3">{t('view.location')}</dt>
              <dd className="col-sm-8 col-xl-9">{place ?? t('view.noLocation')}</dd>
              {a.comment && (<><dt className="col-sm-4 col-xl-3">{t('view.comment')}</dt><dd className="col-sm-8 col-xl-9 text-pre-wrap">{a.comment}</dd></>)}
              {a.cancelReason && (<><dt className="col-sm-4 col-xl-3">{t('view.cancelReason')}</dt><dd className="col-sm-8 col-xl-9" data-testid="cancel-reason">{a.cancelReason}</dd></>)}
              {createdBy && (<><dt className="col-sm-4 col-xl-3">{t('view.createdBy')}</dt><dd className="col-sm-8 col-xl-9">{createdBy}</dd></>)}
              {a.taskId && (<><dt className="col-sm-4 col-xl-3">{t('view.task')}</dt><dd className="col-sm-8 col-xl-9"><Link to={`/tasks/${a.taskId}`}>{t('view.openTask')}</Link></dd></>)}
            </dl>
          </section>

          <AppointmentParties appointment={a} canEdit={organiser && (a.status === 'to-plan' || a.status === 'planned')} actions={actions} />
          <InvitationAnswers appointment={a} />

          {myInvitation && a.status === 'planned' && (
            <section aria-labelledby="my-answer-title" className="mb-4">
              <h2 id="my-answer-title" className="h5">{t('myAnswer.title')}</h2>
              <p className="mb-2">
                <Badge kind="status">{t(`common:status.${myInvitation.status}`)}</Badge>
              </p>
              <InvitationAnswer invitationId={myInvitation.id} appointmentId={a.id} current={myInvitation.status} currentComment={myInvitation.comment} />
            </section>
          )}
        </div>

        <div className="col-lg-5">
          <AppointmentActions appointment={a} organiser={organiser} canBook={canBook} actions={actions} onDeleted={onDeleted} />
          {a.status === 'done' && canBook && <AppointmentExchange appointment={a} organiser={organiser} actions={actions} />}
          <AppointmentDocuments appointment={a} organiser={organiser} actions={actions} />
        </div>
      </div>
    </article>
  );
}
