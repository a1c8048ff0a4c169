// The actions on an appointment, each offered only when the reader may take it in the appointment's
// state: plan or delete one to plan, reschedule, remind, cancel (with a reason), mark done once started.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fromWall, toInputValue, useFormat } from '../../shared/time';
import { useSession } from '../../shared/shell/session';
import { useUsers, type Appointment, type useAppointmentActions } from './appointmentApi';
import { ConfirmDialog } from './ConfirmDialog';
import { refusal } from './refusal';
import { DateTimeInput } from '../../shared/ui/DateTimeInput';
import { SlotGrid } from './SlotGrid';

type Actions = ReturnType<typeof useAppointmentActions>;
type Panel = 'reschedule' | 'plan' | null;
type Dialog = 'cancel' | 'delete' | 'done' | null;

interface Props { appointment: Appointment; organiser: boolean; canBook: boolean; actions: Actions; onDeleted: () => void }

export function AppointmentActions({ appointment: a, organiser, actions, onDeleted }: Props) {
  const { t } = useTranslation('appointments');
  const [panel, setPanel] = useState<Panel>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const started = !!a.start && new Date(a.start).getTime() <= Date.now();
  const ahead = !!a.start && new Date(a.start).getTime() > Date.now();

  const can = {
    plan: organiser && a.status === 'to-plan',
    delete: organiser && a.status === 'to-plan',
    reschedule: organiser && a.status === 'planned',
    remind: organiser && a.status === 'planned' && ahead,
    cancel: organiser && (a.status === 'to-plan' || a.status === 'planned'),
    done: organiser && a.status === 'planned' && started,
  };
  const any = Object.values(can).some(Boolean);

  const open = (p: Panel) => { setPanel(panel === p ? null : p); setMessage(null); };
  const openDialog = (d: Dialog) => {
    setDialog(d); setMessage(null); setReasonMissing(false);
    actions.cancel.reset(); actions.remove.reset(); actions.done.reset();
  };
  const said = (text: string) => { setMessage(text); setPanel(null); setDialog(null); };

  function confirm() {
    if (dialog === 'cancel') {
      if (!reason.trim()) { setReasonMissing(true); return; }
      actions.cancel.mutate(reason.trim(), { onSuccess: () => said(t('cancel.done')) });
    } else if (dialog === 'delete') {
      actions.remove.mutate(undefined, { onSuccess: onDeleted });
    } else if (dialog === 'done') {
      actions.done.mutate(undefined, { onSuccess: () => said(t('done.done')) });
    }
  }

  function remind() {
    setMessage(null);
    actions.remind.mutate(undefined, { onSuccess: (r) => said(r.sent ? t('remind.sent') : t('remind.already')) });
  }

  const dialogError = dialog === 'cancel' ? actions.cancel.error : dialog === 'delete' ? actions.remove.error : dialog === 'done' ? actions.done.error : null;

  return (
    <section aria-labelledby="actions-title" className="mb-4 appointment-actions">
      <h2 id="actions-title" className="h5">{t('actions.title')}</h2>
      {!any && <p className="text-body-secondary">{t('actions.none')}</p>}
      <div className="d-flex flex-wrap gap-2 mb-2">
        {can.plan && <button type="button" className="btn btn-primary" aria-expanded={panel === 'plan'} onClick={() => open('plan')}>{t('actions.plan')}</button>}
        {can.reschedule && <button type="button" className="btn btn-outline-primary" aria-expanded={panel === 'reschedule'} onClick={() => open('reschedule')}>{t('actions.reschedule')}</button>}
        {can.done && <button type="button" className="btn btn-success" onClick={() => openDialog('done')}>{t('actions.done')}</button>}
        {can.remind && <button type="button" className="btn btn-outline-secondary" disabled={actions.remind.isPending} onClick={remind}>{t('actions.remind')}</button>}
        {can.cancel && <button type="button" className="btn btn-outline-danger" onClick={() => openDialog('cancel')}>{t('actions.cancel')}</button>}
        {can.delete && <button type="button" className="btn btn-outline-danger" onClick={() => openDialog('delete')}>{t('actions.delete')}</button>}
      </div>
      {organiser && a.status === 'planned' && !started && <p className="small text-body-secondary">{t('done.notYet')}</p>}
      {message && <p className="alert alert-success py-2" role="status">{message}</p>}
      {actions.remind.error && <p className="alert alert-danger py-2" role="alert">{refusal(actions.remind.error)}</p>}

      {panel === 'reschedule' && <SlotForm appointment={a} mode="reschedule" actions={actions} onDone={() => said(t('reschedule.done'))} />}
      {panel === 'plan' && <SlotForm appointment={a} mode="plan" actions={actions} onDone={() => said(t('plan.done'))} />}

      <ConfirmDialog
        open={dialog !== null}
        title={dialog === 'cancel' ? t('cancel.title') : dialog === 'delete' ? t('remove.title') : t('done.title')}
        confirmLabel={dialog === 'cancel' ? t('cancel.confirm') : dialog === 'delete' ? t('remove.confirm') : t('done.confirm')}
        cancelLabel={dialog === 'cancel' ? t('cancel.keep') : dialog === 'delete' ? t('remove.keep') : t('common:actions.cancel')}
        busy={actions.cancel.isPending || actions.remove.isPending || actions.done.isPending}
        error={reasonMissing ? t('cancel.reasonRequired') : dialogError ? refusal(dialogError) : null}
        onConfirm={confirm}
        onClose={() => setDialog(null)}>
        {dialog === 'cancel' && (
          <>
            <p>{t('cancel.body')}</p>
            <label className="form-label" htmlFor="cancel-reason">{t('cancel.reason')}</label>
            <textarea id="cancel-reason" className="form-control" rows={3} maxLength={1000} aria-required="true" aria-invalid={reasonMissing}
                      value={reason} onChange={(e) => { setReason(e.target.value); setReasonMissing(false); }} />
          </>
        )}
        {dialog === 'delete' && <p>{t('remove.body', { title: a.title })}</p>}
        {dialog === 'done' && <p>{t('done.body')}</p>}
      </ConfirmDialog>
    </section>
  );
}

/** New start and end (and main user), read in the user's zone: reschedules a planned appointment or plans one to plan. */
function SlotForm({ appointment: a, mode, actions, onDone }: { appointment: Appointment; mode: 'plan' | 'reschedule'; actions: Actions; onDone: () => void }) {
  const { t } = useTranslation('appointments');
  const fmt = useFormat();
  const { user } = useSession();
  const users = useUsers();
  const id = useId();
  const zone = fmt.timeZone;
  const [start, setStart] = useState(toInputValue(a.start, zone));
  const [end, setEnd] = useState(toInputValue(a.end, zone));
  const [mainUserId, setMainUserId] = useState(a.mainUserId ?? '');
  const mutation = mode === 'plan' ? actions.plan : actions.reschedule;
  // Appointments are booked in the agendas of those who take them: experts, planners, admins.
  const candidates = (users.data ?? []).filter((u) => u.roles.some((r) => r === 'expert' || r === 'planner' || r === 'admin'));
  // The agenda shown is the main user's: the one chosen, else the appointment's.
  const gridUser = mainUserId || a.mainUserId || '';
  const gridUserName = candidates.find((u) => u.id === gridUser)?.fullName ?? (gridUser === a.mainUserId ? a.mainUserName ?? '' : '');

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!start || !end) return;
    const s = fromWall(start, zone).toISOString();
    const en = fromWall(end, zone).toISOString();
    if (mode === 'plan') {
      actions.plan.mutate({ mainUserId: mainUserId || (user?.id ?? ''), start: s, end: en }, { onSuccess: onDone });
    } else {
      actions.reschedule.mutate({ start: s, end: en, mainUserId: mainUserId && mainUserId !== a.mainUserId ? mainUserId : null }, { onSuccess: onDone });
    }
  }

  return (
    <form className="card card-body bg-body-tertiary" onSubmit={submit} aria-label={t(`${mode}.title`)}>
      <h3 className="h6">{t(`${mode}.title`)}</h3>
      <p className="small text-body-secondary">{t(`${mode}.hint`, { zone: `${zone} (${fmt.zoneName(a.start ?? undefined)})` })}</p>
      <div className="mb-2">
        <label className="form-label" htmlFor={`${id}-main`}>{t(`${mode}.mainUser`)}</label>
        <select id={`${id}-main`} className="form-select" value={mainUserId} required={mode === 'plan'} onChange={(e) => setMainUserId(e.target.value)}>
          {mode === 'plan' && <option value="">{t('plan.chooseUser')}</option>}
          {a.mainUserId && !candidates.some((u) => u.id === a.mainUserId) && <option value={a.mainUserId}>{a.mainUserName}</option>}
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>{mode === 'reschedule' && u.id === a.mainUserId ? t('reschedule.keepMainUser', { name: u.fullName }) : u.fullName}</option>
          ))}
        </select>
      </div>
      <div className="row g-2 mb-2">
        <div className="col-sm-6">
          <label className="form-label" htmlFor={`${id}-start`}>{t(`${mode}.start`)}</label>
          <DateTimeInput id={`${id}-start`} required value={start}
                 onChange={(value) => {
                   // Moving the start keeps the duration.
                   if (start && end && value) {
                     const length = fromWall(end, zone).getTime() - fromWall(start, zone).getTime();
                     if (length > 0) setEnd(toInputValue(new Date(fromWall(value, zone).getTime() + length), zone));
                   }
                   setStart(value);
                 }} />
        </div>
        <div className="col-sm-6">
          <label className="form-label" htmlFor={`${id}-end`}>{t(`${mode}.end`)}</label>
          <DateTimeInput id={`${id}-end`} required value={end} onChange={setEnd} />
        </div>
      </div>
      <SlotGrid
        userId={gridUser}
        userName={gridUserName}
        appointmentId={a.id}
        timeZone={zone}
        slot={start && end ? { start: fromWall(start, zone), end: fromWall(end, zone) } : null}
        onPick={(at) => {
          const length = start && end ? fromWall(end, zone).getTime() - fromWall(start, zone).getTime() : 0;
          setStart(toInputValue(at, zone));
          setEnd(toInputValue(new Date(at.getTime() + (length > 0 ? length : 60 * 60_000)), zone));
        }}
      />
      {mutation.error && <p className="alert alert-danger py-2" role="alert">{refusal(mutation.error)}</p>}
      <div>
        <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>{t(`${mode}.submit`)}</button>
      </div>
    </form>
  );
}
