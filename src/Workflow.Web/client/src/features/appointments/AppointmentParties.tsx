// Who an appointment concerns (dossier participants and internal users), the editor of that list,
// and how each invitee answered.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/time';
import { useDossier, useUsers, type Appointment, type useAppointmentActions } from './appointmentApi';
import { refusal } from './refusal';

type Actions = ReturnType<typeof useAppointmentActions>;

const answerBadge: Record<string, string> = {
  pending: 'text-bg-light border', accepted: 'text-bg-success', declined: 'text-bg-danger', tentative: 'text-bg-warning',
};

export function AppointmentParties({ appointment: a, canEdit, actions }: { appointment: Appointment; canEdit: boolean; actions: Actions }) {
  const { t } = useTranslation('appointments');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="parties-title" className="mb-4">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2">
        <h2 id="parties-title" className="h5 mb-2">{t('parties.title')}</h2>
        {canEdit && !editing && (
          <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => { setEditing(true); setSaved(false); }}>{t('parties.edit')}</button>
        )}
      </div>
      {a.parties.length === 0 ? <p className="text-body-secondary">{t('parties.none')}</p> : (
        <ul className="list-group mb-2" aria-labelledby="parties-title">
          {a.parties.map((p) => (
            <li key={p.participantId ?? p.userId} className="list-group-item d-flex flex-wrap justify-content-between gap-2">
              <span>
                {p.name}
                {p.userId && p.userId === a.mainUserId && <span className="text-body-secondary"> ({t('parties.main')})</span>}
              </span>
              <span className="text-body-secondary small">{p.kind === 'participant' ? (p.role ?? t('parties.participant')) : t('parties.internal')}</span>
            </li>
          ))}
        </ul>
      )}
      {saved && <p className="text-success" role="status">{t('parties.saved')}</p>}
      {editing && <PartiesEditor appointment={a} actions={actions} onDone={(ok) => { setEditing(false); setSaved(ok); }} />}
    </section>
  );
}

function PartiesEditor({ appointment: a, actions, onDone }: { appointment: Appointment; actions: Actions; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation('appointments');
  const id = useId();
  const dossier = useDossier(a.dossierId);
  const users = useUsers();
  const [participantIds, setParticipantIds] = useState(() => a.parties.filter((p) => p.participantId).map((p) => p.participantId!));
  const [userIds, setUserIds] = useState(() => a.parties.filter((p) => p.userId).map((p) => p.userId!));
  const [adding, setAdding] = useState('');
  const nameOf = (userId: string) => users.data?.find((u) => u.id === userId)?.fullName ?? a.parties.find((p) => p.userId === userId)?.name ?? userId;
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  // Dossier participants that are internal users are chosen as users, so they are invited.
  const participants = (dossier.data?.participants ?? []).filter((p) => !p.userId);

  function save() {
    actions.parties.mutate({ participantIds, userIds }, { onSuccess: () => onDone(true) });
  }

  return (
    <form className="card card-body bg-body-tertiary" onSubmit={(e) => { e.preventDefault(); save(); }} aria-label={t('parties.edit')}>
      <fieldset className="mb-3">
        <legend className="h6">{t('parties.participants')}</legend>
        {dossier.isPending ? null : participants.length === 0 ? <p className="text-body-secondary small mb-0">{t('parties.noParticipants')}</p> : participants.map((p) => (
          <div className="form-check" key={p.id}>
            <input className="form-check-input" type="checkbox" id={`${id}-p-${p.id}`} checked={participantIds.includes(p.id)}
                   onChange={() => setParticipantIds(toggle(participantIds, p.id))} />
            <label className="form-check-label" htmlFor={`${id}-p-${p.id}`}>{p.name} <span className="text-body-secondary small">({p.role})</span></label>
          </div>
        ))}
      </fieldset>
      <fieldset className="mb-3">
        <legend className="h6">{t('parties.users')}</legend>
        <p className="small text-body-secondary mb-1">{t('parties.hint')}</p>
        {userIds.map((u) => (
          <div className="form-check" key={u}>
            <input className="form-check-input" type="checkbox" id={`${id}-u-${u}`} checked onChange={() => setUserIds(toggle(userIds, u))} />
            <label className="form-check-label" htmlFor={`${id}-u-${u}`}>{nameOf(u)}</label>
          </div>
        ))}
        <div className="d-flex gap-2 mt-2">
          <label className="visually-hidden" htmlFor={`${id}-add`}>{t('parties.addUser')}</label>
          <select id={`${id}-add`} className="form-select form-select-sm" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">{t('parties.addUser')}…</option>
            {(users.data ?? []).filter((u) => !userIds.includes(u.id)).map((u) => <option key={u.id} value={u.id}>{u.fullName}</option>)}
          </select>
          <button type="button" className="btn btn-sm btn-outline-secondary" disabled={!adding}
                  onClick={() => { setUserIds([...userIds, adding]); setAdding(''); }}>{t('parties.add')}</button>
        </div>
      </fieldset>
      {actions.parties.error && <p className="alert alert-danger py-2" role="alert">{refusal(actions.parties.error)}</p>}
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={actions.parties.isPending}>{t('parties.save')}</button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>{t('common:actions.cancel')}</button>
      </div>
    </form>
  );
}

export function InvitationAnswers({ appointment: a }: { appointment: Appointment }) {
  const { t } = useTranslation('appointments');
  const fmt = useFormat();
  return (
    <section aria-labelledby="invitations-title" className="mb-4">
      <h2 id="invitations-title" className="h5">{t('invitations.title')}</h2>
      {a.invitations.length === 0 ? <p className="text-body-secondary">{t('invitations.none')}</p> : (
        <ul className="list-group" aria-labelledby="invitations-title">
          {a.invitations.map((i) => (
            <li key={i.id} className="list-group-item" data-invitee={i.userId}>
              <div className="d-flex flex-wrap justify-content-between gap-2">
                <span className="fw-semibold">{i.userName}</span>
                <span className={`badge ${answerBadge[i.status]}`}>{t(`common:status.${i.status}`)}</span>
              </div>
              {i.comment && <p className="mb-0 mt-1 fst-italic"><q>{i.comment}</q></p>}
              {i.answeredAt && <p className="mb-0 small text-body-secondary">{t('invitations.answeredAt')} {fmt.dateTime(i.answeredAt)}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
