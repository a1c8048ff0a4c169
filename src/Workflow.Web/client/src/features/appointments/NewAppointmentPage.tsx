// A new appointment on a dossier, booked in someone's agenda (Chill's "rendez-vous dans l'agenda d'un
// autre utilisateur"): pick the main user and see their week with their availability ranges; a click
// inside a range proposes the slot, a click outside is refused with the offer to book in one's own
// agenda instead (both agendas then side by side). Concerned parties: the dossier's persons and third
// parties, and internal users whose agendas show beside the main user's, each with two switches.
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AgendaCalendar, type AgendaEvent, type AgendaResource } from '../../shared/calendar/AgendaCalendar';
import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import { useSession } from '../../shared/shell/session';
import { ErrorMessage, Loading } from '../../shared/ui/Status';
import { addDays, fromWall, startOfWeek, toInputValue, useFormat } from '../../shared/time';
import {
  useAgendas, useCreateAppointment, useCreateLocation, useDossier, useLocations, useUsers,
  type Dossier, type User, type UserAgenda,
} from './newApi';
import { NewLocationForm } from './new-location';
import './new-appointment.css';
import { DateTimeInput } from '../../shared/ui/DateTimeInput';

const NEW_PLACE = '__new';
const thirdPartyKinds = ['person', 'private-third-party', 'professional-third-party'] as const;

interface Slot { start: Date; end: Date }
interface Layers { ranges: boolean; external: boolean }
type Refusal =
  | { kind: 'outside'; slot: Slot; name: string }
  | { kind: 'busy' | 'tooLong'; slot: Slot; name: string };

export default function NewAppointmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('appointments');
  const dossier = useDossier(id);
  const users = useUsers();

  if (dossier.isPending || users.isPending) return <Loading />;
  if (dossier.error || users.error) {
    return (
      <>
        <h1 className="h4">{t('new.heading')}</h1>
        <ErrorMessage error={dossier.error ?? users.error} onRetry={() => { void dossier.refetch(); void users.refetch(); }} />
      </>
    );
  }
  return <NewAppointmentForm dossier={dossier.data} users={users.data} />;
}

function NewAppointmentForm({ dossier, users }: { dossier: Dossier; users: User[] }) {
  const { t } = useTranslation('appointments');
  const format = useFormat();
  const tz = format.timeZone;
  const { user: me } = useSession();
  const navigate = useNavigate();
  const locations = useLocations();
  const create = useCreateAppointment();
  const createLocation = useCreateLocation();

  const expertId = dossier.participants.find((p) => p.kind === 'internal-user' && p.role === 'expert' && p.userId)?.userId ?? null;
  const [title, setTitle] = useState('');
  const [duration, setDuration] = useState(60);
  const [comment, setComment] = useState('');
  const [mainUserId, setMainUserId] = useState<string>(() => (expertId && users.some((u) => u.id === expertId) ? expertId : me!.id));
  const [placeId, setPlaceId] = useState('');
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [concerned, setConcerned] = useState<string[]>([]);
  const [layers, setLayers] = useState<Record<string, Layers>>({});
  const [toAdd, setToAdd] = useState('');
  const [week, setWeek] = useState(() => startOfWeek(new Date(), tz));
  const [slot, setSlot] = useState<Slot | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const nameOf = (userId: string) => users.find((u) => u.id === userId)?.fullName ?? '';
  const shown = useMemo(() => [mainUserId, ...concerned.filter((u) => u !== mainUserId)], [mainUserId, concerned]);
  const agendas = useAgendas(shown, week, addDays(week, 7));
  const layerOf = (userId: string): Layers => layers[userId] ?? { ranges: true, external: true };
  const mainAgenda: UserAgenda | undefined = agendas.data?.find((a) => a.userId === mainUserId);
  const iAmMain = mainUserId === me!.id;

  const events = useMemo<AgendaEvent[]>(() => {
    const list: AgendaEvent[] = [];
    for (const a of agendas.data ?? []) {
      if (!shown.includes(a.userId)) continue;
      const layer = layers[a.userId] ?? { ranges: true, external: true };
      const className = `agenda-of-${a.userId}`;
      if (layer.ranges)
        for (const r of a.ranges ?? [])
          list.push({ id: `range-${a.userId}-${r.id}`, kind: 'range', background: true, start: r.start, end: r.end, resourceId: a.userId,
            title: r.locationName ?? t('new.available'), className: `${className} layer-ranges` });
      a.appointments.forEach((x, i) => list.push({ id: `appointment-${a.userId}-${i}`, kind: 'appointment', start: x.start, end: x.end, resourceId: a.userId,
        title: x.hidden ? t('new.busy') : [x.dossierReference, x.title].filter(Boolean).join(' · '), className }));
      if (layer.external)
        (a.external ?? []).forEach((b, i) => list.push({ id: `busy-${a.userId}-${i}`, kind: 'busy', start: b.start, end: b.end, resourceId: a.userId,
          title: t('new.busy'), className: `${className} layer-external` }));
    }
    if (slot)
      list.push({ id: 'candidate', kind: 'candidate', start: slot.start.toISOString(), end: slot.end.toISOString(), resourceId: mainUserId,
        title: title.trim() || t('new.proposedEvent') });
    return list;
  }, [agendas.data, shown, layers, slot, mainUserId, title, t]);

  // Seven days × several people make narrow columns: the heads carry short names, the list above the full ones.
  const resources = useMemo<AgendaResource[]>(() => shown.map((u) => ({ id: u, title: shown.length > 1 ? shortName(nameOf(u)) : nameOf(u) })), [shown, users]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Proposes a slot starting at `start` in the main user's agenda, or says why not. */
  function propose(start: Date, minutes = duration) {
    setNotice(null);
    const ms = Math.max(5, minutes) * 60_000;
    let candidate: Slot = { start, end: new Date(start.getTime() + ms) };
    if (!iAmMain) {
      const name = nameOf(mainUserId);
      const ranges = mainAgenda?.ranges ?? [];
      const range = ranges.find((r) => new Date(r.start) <= start && start < new Date(r.end));
      if (!range) { setRefusal({ kind: 'outside', slot: candidate, name }); setSlot(null); return; }
      const [rs, re] = [new Date(range.start), new Date(range.end)];
      if (candidate.end > re) {
        // Clicked near the end of a range: the slot ends with the range if it fits.
        candidate = { start: new Date(re.getTime() - ms), end: re };
        if (candidate.start < rs) { setRefusal({ kind: 'tooLong', slot: candidate, name }); setSlot(null); return; }
      }
      const taken = [...(mainAgenda?.appointments ?? []), ...(mainAgenda?.external ?? [])]
        .some((b) => new Date(b.start) < candidate.end && candidate.start < new Date(b.end));
      if (taken) { setRefusal({ kind: 'busy', slot: candidate, name }); setSlot(null); return; }
      if (!placeId && range.locationId) setPlaceId(range.locationId);
    }
    setRefusal(null);
    setSlot(candidate);
  }

  function becomeMain() {
    if (!refusal) return;
    const former = mainUserId;
    setMainUserId(me!.id);
    setConcerned((c) => (former !== me!.id && !c.includes(former) ? [former, ...c] : c).filter((u) => u !== me!.id));
    setSlot(refusal.slot);
    setNotice(t('new.refusal.becameMain', { name: refusal.name }));
    setRefusal(null);
  }

  function chooseMain(userId: string) {
    setMainUserId(userId);
    setConcerned((c) => c.filter((u) => u !== userId));
    setSlot(null);
    setRefusal(null);
    setNotice(null);
  }

  function addConcerned() {
    if (!toAdd || toAdd === mainUserId || concerned.includes(toAdd)) return;
    setConcerned((c) => [...c, toAdd]);
    setToAdd('');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!title.trim()) { setFormError(t('new.needTitle')); return; }
    if (!slot) { setFormError(t('new.needSlot')); return; }
    if (slot.end <= slot.start) { setFormError(t('new.invalidEnd')); return; }
    try {
      const created = await create.mutateAsync({
        dossierId: dossier.id, title: title.trim(), mainUserId, start: slot.start.toISOString(), end: slot.end.toISOString(),
        locationId: placeId && placeId !== NEW_PLACE ? placeId : null, participantIds,
        userIds: concerned.filter((u) => u !== mainUserId), comment: comment.trim() || null,
      });
      navigate(`/appointments/${created.id}`);
    } catch {
      // Shown next to the button from the mutation's error; the form keeps everything.
    }
  }

  const submitError = create.error ? refusalText(create.error) : null;
  const addable = users.filter((u) => u.id !== mainUserId && !concerned.includes(u.id));
  const others = dossier.participants.filter((p) => (thirdPartyKinds as readonly string[]).includes(p.kind));
  const userLabel = (u: User) => (u.id === me!.id ? t('new.me', { name: u.fullName }) : u.id === expertId ? t('new.expert', { name: u.fullName }) : u.fullName);

  return (
    <div className="new-appointment">
      <div className="d-flex flex-wrap align-items-baseline gap-3 mb-2">
        <h1 className="h4 mb-0">{t('new.heading')}</h1>
        <span className="text-body-secondary">{t('new.dossier', { reference: dossier.reference, title: dossier.title })}</span>
        <Link to={`/dossiers/${dossier.id}`} className="ms-auto">{t('new.back')}</Link>
      </div>
      <form onSubmit={submit} noValidate aria-label={t('new.heading')}>
        <div className="row g-3">
          <div className="col-lg-4">
            <section aria-labelledby="new-appt-details">
              <h2 id="new-appt-details" className="h6">{t('new.details')}</h2>
              <div className="mb-2">
                <label htmlFor="appt-title" className="form-label mb-0">{t('new.title')}</label>
                <input id="appt-title" className="form-control form-control-sm" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
              </div>
              <div className="row g-2 mb-2">
                <div className="col-5">
                  <label htmlFor="appt-duration" className="form-label mb-0">{t('new.duration')}</label>
                  <input id="appt-duration" type="number" min={5} max={1440} step={5} className="form-control form-control-sm" value={duration}
                    onChange={(e) => {
                      const minutes = Number(e.target.value) || 0;
                      setDuration(minutes);
                      if (slot && minutes >= 5) setSlot({ start: slot.start, end: new Date(slot.start.getTime() + minutes * 60_000) });
                    }} />
                </div>
                <div className="col-7">
                  <label htmlFor="appt-main" className="form-label mb-0">{t('new.mainUser')}</label>
                  <select id="appt-main" className="form-select form-select-sm" value={mainUserId} aria-describedby="appt-main-help" onChange={(e) => chooseMain(e.target.value)}>
                    {users.map((u) => <option key={u.id} value={u.id}>{userLabel(u)}</option>)}
                  </select>
                </div>
                <div id="appt-main-help" className="form-text mt-0">{t('new.mainUserHelp')}</div>
              </div>
              <div className="row g-2 mb-1">
                <div className="col-6">
                  <label htmlFor="appt-start" className="form-label mb-0">{t('new.start')}</label>
                  <DateTimeInput id="appt-start" className="form-control form-control-sm" value={toInputValue(slot?.start, tz)}
                    onChange={(value) => { if (value) propose(fromWall(value, tz)); }} />
                </div>
                <div className="col-6">
                  <label htmlFor="appt-end" className="form-label mb-0">{t('new.end')}</label>
                  <DateTimeInput id="appt-end" className="form-control form-control-sm" value={toInputValue(slot?.end, tz)} disabled={!slot}
                    onChange={(value) => { if (value && slot) setSlot({ start: slot.start, end: fromWall(value, tz) }); }} />
                </div>
              </div>
              <p className="small mb-2" role="status">
                {slot ? t('new.slot.proposed', { when: format.range(slot.start, slot.end) }) : t('new.slot.none')}{' '}
                <span className="text-body-secondary">{t('new.zone', { zone: format.zoneName(slot?.start ?? week) })}</span>
              </p>
              <div className="mb-2">
                <label htmlFor="appt-place" className="form-label mb-0">{t('new.place')}</label>
                <select id="appt-place" className="form-select form-select-sm" value={placeId} onChange={(e) => setPlaceId(e.target.value)} disabled={locations.isPending}>
                  <option value="">{t('new.noPlace')}</option>
                  {(locations.data ?? []).map((l) => <option key={l.id} value={l.id}>{`${l.name} — ${l.address.text}`}</option>)}
                  <option value={NEW_PLACE}>{t('new.newPlace')}</option>
                </select>
                {locations.error && <ErrorMessage error={locations.error} onRetry={() => void locations.refetch()} />}
                {placeId === NEW_PLACE && (
                  <NewLocationForm mutation={createLocation} onCreated={(l) => { setPlaceId(l.id); setNotice(t('new.newLocation.created', { name: l.name })); }} />
                )}
              </div>
              <div className="mb-2">
                <label htmlFor="appt-comment" className="form-label mb-0">{t('new.comment')}</label>
                <textarea id="appt-comment" className="form-control form-control-sm" rows={2} maxLength={4000} value={comment} onChange={(e) => setComment(e.target.value)} />
              </div>
            </section>

            <section aria-labelledby="new-appt-parties">
              <h2 id="new-appt-parties" className="h6 mt-3">{t('new.parties')}</h2>
              {others.length === 0 && <p className="small text-body-secondary mb-2">{t('new.noParticipants')}</p>}
              {thirdPartyKinds.map((kind) => {
                const ofKind = others.filter((p) => p.kind === kind);
                if (ofKind.length === 0) return null;
                return (
                  <fieldset key={kind} className="mb-2">
                    <legend className="small fw-semibold mb-0">{t(`new.kinds.${kind}`)}</legend>
                    {ofKind.map((p) => (
                      <div key={p.id} className="form-check">
                        <input id={`party-${p.id}`} type="checkbox" className="form-check-input" checked={participantIds.includes(p.id)}
                          onChange={(e) => setParticipantIds((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))} />
                        <label htmlFor={`party-${p.id}`} className="form-check-label">{p.name}{p.role ? <span className="text-body-secondary"> · {p.role}</span> : null}</label>
                      </div>
                    ))}
                  </fieldset>
                );
              })}
              <div className="mb-2">
                <label htmlFor="appt-add-user" className="form-label mb-0">{t('new.addUser')}</label>
                <div className="input-group input-group-sm">
                  <select id="appt-add-user" className="form-select" value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
                    <option value="">{t('new.chooseUser')}</option>
                    {addable.map((u) => <option key={u.id} value={u.id}>{userLabel(u)}</option>)}
                  </select>
                  <button type="button" className="btn btn-outline-primary" onClick={addConcerned} disabled={!toAdd}>{t('new.add')}</button>
                </div>
              </div>
            </section>
          </div>

          <div className="col-lg-8">
            <section aria-labelledby="new-appt-agendas">
              <h2 id="new-appt-agendas" className="h6">{t('new.agendas')}</h2>
              <p className="small text-body-secondary mb-1">{iAmMain ? t('new.hintMine') : t('new.hintOther', { name: nameOf(mainUserId) })}</p>
              {notice && <div className="alert alert-info py-1 px-2 small mb-1" role="status">{notice}</div>}
              {refusal && (
                <div className="alert alert-warning py-2 px-2 mb-1" role="alert">
                  <p className="mb-1">
                    {refusal.kind === 'outside' && t('new.refusal.outside', { name: refusal.name, when: format.range(refusal.slot.start, refusal.slot.end) })}
                    {refusal.kind === 'busy' && t('new.refusal.busy', { name: refusal.name, when: format.range(refusal.slot.start, refusal.slot.end) })}
                    {refusal.kind === 'tooLong' && t('new.refusal.tooLong', { name: refusal.name, minutes: duration })}
                  </p>
                  {refusal.kind === 'outside' && <p className="mb-1">{t('new.refusal.offer', { name: refusal.name })}</p>}
                  <div className="d-flex gap-2">
                    <button type="button" className="btn btn-sm btn-primary" onClick={becomeMain}>{t('new.refusal.accept')}</button>
                    <button type="button" className="btn btn-sm btn-outline-dark" onClick={() => setRefusal(null)}>{t('new.refusal.dismiss')}</button>
                  </div>
                </div>
              )}
              <ul className="list-unstyled d-flex flex-wrap gap-2 mb-1 agenda-people" aria-label={t('new.shown')}>
                {shown.map((userId) => {
                  const layer = layerOf(userId);
                  const name = nameOf(userId);
                  const toggle = (key: keyof Layers) => setLayers((all) => ({ ...all, [userId]: { ...layer, [key]: !layer[key] } }));
                  return (
                    <li key={userId} className="border rounded px-2 py-1 small">
                      <div role="group" aria-label={name}>
                        <span className="fw-semibold">{name}</span>{shown.length > 1 && <span className="text-body-secondary"> ({shortName(name)})</span>}{' '}
                        <span className={`badge ${userId === mainUserId ? 'text-bg-primary' : 'text-bg-secondary'}`}>
                          {userId === mainUserId ? t('new.mainBadge') : t('new.concernedBadge')}
                        </span>
                        {userId !== mainUserId && (
                          <button type="button" className="btn btn-link btn-sm p-0 ms-1 align-baseline link-dark" aria-label={t('new.remove', { name })}
                            onClick={() => setConcerned((c) => c.filter((u) => u !== userId))}>
                            {t('new.removeShort')}
                          </button>
                        )}
                        <div className="d-flex gap-3">
                          {(['ranges', 'external'] as const).map((key) => (
                            <div key={key} className="form-check form-switch mb-0">
                              <input id={`layer-${key}-${userId}`} type="checkbox" role="switch" className="form-check-input" checked={layer[key]} onChange={() => toggle(key)} />
                              <label htmlFor={`layer-${key}-${userId}`} className="form-check-label">{t(`new.layers.${key}`)}</label>
                            </div>
                          ))}
                        </div>
                      </div>
                    </li>
                  );
                })}
              </ul>
              {agendas.error && <ErrorMessage error={agendas.error} onRetry={() => void agendas.refetch()} />}
              {agendas.isPending && <Loading label={t('new.loadingAgendas')} />}
              <AgendaCalendar
                view="people-week"
                date={week}
                timeZone={tz}
                label={t('new.agendaLabel', { names: shown.map(nameOf).join(', ') })}
                events={events}
                resources={resources}
                backgroundTitles
                slotMinTime="07:00"
                slotMaxTime="19:00"
                onDateClick={({ date }) => propose(date)}
                onPeriodChange={({ start }) => {
                  const monday = startOfWeek(start, tz);
                  setWeek((w) => (w.getTime() === monday.getTime() ? w : monday));
                }}
              />
              {mainAgenda && !iAmMain && <RangesSummary agenda={mainAgenda} />}
            </section>
          </div>
        </div>

        <div className="d-flex flex-wrap align-items-center gap-3 mt-3 border-top pt-2">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>{create.isPending ? t('new.submitting') : t('new.submit')}</button>
          {(formError || submitError) && <div className="text-danger" role="alert">{formError ?? submitError}</div>}
        </div>
      </form>
    </div>
  );
}

/** The main user's ranges in words, for those who do not read the grid. */
function RangesSummary({ agenda }: { agenda: UserAgenda }) {
  const { t } = useTranslation('appointments');
  const format = useFormat();
  const ranges = agenda.ranges ?? [];
  return (
    <div className="mt-2 small">
      <h3 className="h6 small fw-semibold mb-1">{t('new.rangesOf', { name: agenda.fullName })}</h3>
      {ranges.length === 0 ? <p className="mb-0 text-body-secondary">{t('new.noRanges', { name: agenda.fullName })}</p> : (
        <ul className="mb-0 ranges-summary">
          {ranges.map((r) => <li key={r.id}>{format.range(r.start, r.end)} · {r.locationName ?? t('new.noLocation')}</li>)}
        </ul>
      )}
    </div>
  );
}

/** "Marie Dubois" → "Marie D.": what fits in a column head of the week grid. */
function shortName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  if (words.length < 2) return fullName;
  return `${words[0]} ${words.slice(1).map((w) => w[0]!.toUpperCase()).join('')}.`;
}

/** A refusal from the server in words, with the fields it names. */
function refusalText(error: unknown): string {
  const text = problemText(error);
  if (error instanceof ApiError && error.status === 400) {
    const fields = Object.values(error.fieldErrors).flat();
    if (fields.length > 0) return `${text} ${fields.join(' ')}`;
  }
  return text;
}
