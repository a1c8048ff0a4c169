// My invitations: the appointments I am invited to, pending first (a switch shows those answered too),
// with the number waiting in the heading. Each opens in place to show where, who else is concerned and
// how they answered, and to answer: accept, decline or accept tentatively, with a comment.
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryState, Loading, ErrorMessage } from '../../shared/ui/Status';
import { useFormat } from '../../shared/time';
import { useInvitedAppointment, useMyInvitations, usePendingCount, type Answer, type MyInvitation } from './api';
import { InvitationAnswer } from './InvitationAnswer';
import './invitations.css';

const answerBadge: Record<string, string> = {
  pending: 'text-bg-light border', accepted: 'text-bg-success', declined: 'text-bg-danger', tentative: 'text-bg-warning',
};

export default function InvitationsPage() {
  const { t } = useTranslation('invitations');
  const [all, setAll] = useState(false);
  const [answered, setAnswered] = useState<string | null>(null);
  const invitations = useMyInvitations(all);
  const count = usePendingCount().data?.pending;
  // Pending first, then by time.
  const sorted = (list: MyInvitation[]) => [...list].sort((x, y) =>
    Number(x.status !== 'pending') - Number(y.status !== 'pending') || (x.start ?? '').localeCompare(y.start ?? ''));

  return (
    <div className="invitations-page">
      <h1 className="h3 d-flex flex-wrap align-items-center gap-2">
        {t('title')}{' '}
        {count !== undefined && <span className={`badge rounded-pill fs-6 ${count > 0 ? 'text-bg-danger' : 'text-bg-secondary'}`}>{t('pending', { count })}</span>}
      </h1>
      <div className="form-check form-switch my-3">
        <input className="form-check-input" type="checkbox" role="switch" id="show-all" checked={all} onChange={(e) => setAll(e.target.checked)} />
        <label className="form-check-label" htmlFor="show-all">{t('showAll')}</label>
      </div>
      {answered && <p className="alert alert-success py-2" role="status">{answered}</p>}
      <QueryState query={invitations}>
        {(list) => list.length === 0 ? <p className="text-body-secondary">{all ? t('noneAll') : t('none')}</p> : (
          <ul className="list-unstyled d-grid gap-3" aria-label={t('list')}>
            {sorted(list).map((i) => (
              <li key={i.id}><InvitationCard invitation={i} onAnswered={(a) => setAnswered(t('answer.done', { answer: `${t(`common:status.${a}`)} — ${i.title}` }))} /></li>
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}

function InvitationCard({ invitation: i, onAnswered }: { invitation: MyInvitation; onAnswered: (a: Answer) => void }) {
  const { t } = useTranslation('invitations');
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <article className="card" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h2 id={`${id}-title`} className="h5 card-title mb-1">{i.title}</h2>
          <span className={`badge ${answerBadge[i.status]}`}>{t(`common:status.${i.status}`)}</span>
        </div>
        <p className="mb-1">
          {fmt.range(i.start, i.end)} <span className="text-body-secondary small">({t('zone', { zone: fmt.timeZone })})</span>
        </p>
        <p className="mb-1 small">
          <Link to={`/dossiers/${i.dossierId}`}>{t('dossier', { reference: i.dossierReference })}</Link>
          {i.mainUserName && <> · {t('mainUser', { name: i.mainUserName })}</>}
        </p>
        {i.answeredAt && <p className="mb-1 small text-body-secondary">{t('answeredAt', { at: fmt.dateTime(i.answeredAt) })}</p>}
        <div className="d-flex flex-wrap gap-2 mt-2">
          <button type="button" className="btn btn-sm btn-primary" aria-expanded={open} aria-controls={`${id}-details`} onClick={() => setOpen(!open)}>
            {open ? t('hideDetails') : t('details')}
          </button>
          <Link className="btn btn-sm btn-outline-secondary" to={`/appointments/${i.appointmentId}`}>{t('open')}</Link>
        </div>
        <div id={`${id}-details`} hidden={!open}>
          {open && <InvitationDetails invitation={i} onAnswered={onAnswered} />}
        </div>
      </div>
    </article>
  );
}

function InvitationDetails({ invitation: i, onAnswered }: { invitation: MyInvitation; onAnswered: (a: Answer) => void }) {
  const { t } = useTranslation('invitations');
  const fmt = useFormat();
  const query = useInvitedAppointment(i.appointmentId, true);
  const id = useId();
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const mine = a.invitations.find((x) => x.id === i.id);
  const place = a.location ? `${a.location.name} · ${a.location.address.text}` : a.place?.text;
  return (
    <div className="border-top mt-3 pt-3">
      {place && <p className="mb-2"><span className="fw-semibold">{t('place')} :</span> {place}</p>}
      {a.comment && <p className="mb-2 text-pre-wrap">{a.comment}</p>}
      {a.parties.length > 0 && (
        <>
          <h3 id={`${id}-concerned`} className="h6">{t('concerned')}</h3>
          <ul className="small mb-2" aria-labelledby={`${id}-concerned`}>
            {a.parties.map((p) => <li key={p.participantId ?? p.userId}>{p.name}{p.role ? ` (${p.role})` : ''}</li>)}
          </ul>
        </>
      )}
      <h3 id={`${id}-others`} className="h6">{t('others')}</h3>
      <ul className="list-group list-group-flush mb-3" aria-labelledby={`${id}-others`}>
        {a.invitations.map((x) => (
          <li key={x.id} className="list-group-item px-0 d-flex flex-wrap justify-content-between gap-2">
            <span>{x.userName}{x.comment && <span className="text-body-secondary"> · <q>{x.comment}</q></span>}</span>
            <span className={`badge align-self-start ${answerBadge[x.status]}`}>{t(`common:status.${x.status}`)}</span>
          </li>
        ))}
      </ul>
      {a.status === 'planned' && mine && (
        <InvitationAnswer invitationId={i.id} appointmentId={a.id} current={mine.status} currentComment={mine.comment}
                          onAnswered={onAnswered} />
      )}
      {mine && mine.status !== 'pending' && <p className="small text-body-secondary mt-2 mb-0">{t('yourAnswer', { answer: t(`common:status.${mine.status}`) })} {mine.answeredAt && `(${fmt.dateTime(mine.answeredAt)})`}</p>}
    </div>
  );
}
