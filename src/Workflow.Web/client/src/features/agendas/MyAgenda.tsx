// My week or month: appointments (a click opens them), external busy times, and my availability ranges,
// which I draw, drag, stretch and delete on the grid (or with the form beside it, without a mouse).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { AgendaCalendar, type AgendaEvent, type AgendaView, type Span } from '../../shared/calendar/AgendaCalendar';
import { ErrorMessage, Loading } from '../../shared/ui/Status';
import { addDays, startOfWeek, useFormat } from '../../shared/time';
import type { Me } from '../../shared/shell/session';
import { AddRangeForm } from './AddRangeForm';
import { RangeDialog, type RangeDraft } from './RangeDialog';
import { useMyAgenda, useRangeChanges, type AgendaRange, type RangeInput, type UserAgenda } from './api';
import { rangeProblem } from './rangeProblem';

function useNarrow() {
  const query = '(max-width: 575.98px)';
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const changed = () => setNarrow(list.matches);
    list.addEventListener('change', changed);
    return () => list.removeEventListener('change', changed);
  }, []);
  return narrow;
}

export function MyAgenda({ user }: { user: Me }) {
  const { t } = useTranslation('agendas');
  const f = useFormat();
  const tz = f.timeZone;
  const navigate = useNavigate();
  const narrow = useNarrow();
  const [wide, setWide] = useState<'week' | 'month'>('week');
  const view: AgendaView = wide === 'month' ? 'month' : narrow ? 'day' : 'week';
  const [date, setDate] = useState(() => new Date());
  const [period, setPeriod] = useState(() => { const start = startOfWeek(new Date(), tz); return { start, end: addDays(start, 7) }; });
  const agenda = useMyAgenda(user.id, period.start, period.end);
  const { add, move, remove } = useRangeChanges(user.id);
  const [draft, setDraft] = useState<RangeDraft | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const data = agenda.data;
  const events = useMemo(() => toEvents(data, {
    available: t('available'), availableAt: (location: string) => t('availableAt', { location }), busy: t('busy'),
  }), [data, t]);
  const rangeOf = (id: string) => data?.ranges?.find((r) => r.id === id);

  const onSelect = (span: Span) => { setError(null); setDraft({ start: span.start, end: span.end, locationId: null }); };
  const onEventClick = (event: AgendaEvent) => {
    const [kind, id] = event.id.split(':');
    if (kind === 'appointment') navigate(`/appointments/${id}`);
    const range = kind === 'range' ? rangeOf(id) : undefined;
    if (range) { setError(null); setDraft({ id: range.id, start: range.start, end: range.end, locationId: range.locationId }); }
  };
  const onEventChange = async (event: AgendaEvent, span: Span) => {
    const range = rangeOf(event.id.split(':')[1]);
    if (!range) return false;
    setError(null);
    try {
      const moved = await move.mutateAsync({ rangeId: range.id, start: span.start.toISOString(), end: span.end.toISOString(), locationId: range.locationId });
      setStatus(t('range.moved', { when: f.range(moved.start, moved.end) }));
      return true;
    } catch (e) {
      setError(rangeProblem(e));
      return false;
    }
  };

  const save = async (input: RangeInput) => {
    if (draft?.id) {
      const moved = await move.mutateAsync({ ...input, rangeId: draft.id });
      setStatus(t('range.moved', { when: f.range(moved.start, moved.end) }));
    } else {
      const added = await add.mutateAsync(input);
      setStatus(t('range.added', { when: f.range(added.start, added.end) }));
    }
  };
  const addFromForm = async (input: RangeInput) => {
    const added = await add.mutateAsync(input);
    setStatus(t('range.added', { when: f.range(added.start, added.end) }));
    setDate(new Date(added.start));
  };
  const deleteRange = async (rangeId: string) => {
    await remove.mutateAsync(rangeId);
    setStatus(t('range.removed'));
  };

  return (
    <div className="row g-3">
      <div className="col-xl-9">
        <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
          <div className="btn-group" role="group" aria-label={t('view.label')}>
            {(['week', 'month'] as const).map((v) => (
              <button key={v} type="button" className={`btn btn-sm ${wide === v ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={wide === v} onClick={() => setWide(v)}>
                {v === 'week' && narrow ? t('view.day') : t(`view.${v}`)}
              </button>
            ))}
          </div>
          <span className="small text-body-secondary">{t('zone', { zone: f.zoneName() })}</span>
        </div>
        <div role="status" className={status ? 'alert alert-success py-2' : 'visually-hidden'}>{status}</div>
        {error && <div className="alert alert-danger py-2" role="alert">{error}</div>}
        {agenda.error ? <ErrorMessage error={agenda.error} onRetry={() => void agenda.refetch()} /> : null}
        {agenda.isPending && <Loading />}
        <AgendaCalendar events={events} view={view} date={date} timeZone={tz} label={t('calendarLabel', { name: user.fullName })}
          selectable={view !== 'month'} onSelect={onSelect} onEventClick={onEventClick} onEventChange={onEventChange}
          onPeriodChange={(p) => setPeriod((old) => (old.start.getTime() === p.start.getTime() && old.end.getTime() === p.end.getTime() ? old : p))} />
        <Legend />
      </div>
      <div className="col-xl-3">
        <AddRangeForm timeZone={tz} onAdd={addFromForm} />
        <PeriodList agenda={data} onEdit={(r) => setDraft({ id: r.id, start: r.start, end: r.end, locationId: r.locationId })} />
      </div>
      {draft && (
        <RangeDialog draft={draft} timeZone={tz} onSave={save} onClose={() => setDraft(null)}
          onDelete={draft.id ? () => deleteRange(draft.id!) : undefined} />
      )}
    </div>
  );
}

interface Labels { available: string; availableAt(location: string): string; busy: string }

function toEvents(agenda: UserAgenda | undefined, labels: Labels): AgendaEvent[] {
  if (!agenda) return [];
  return [
    ...(agenda.ranges ?? []).map((r): AgendaEvent => ({
      id: `range:${r.id}`, kind: 'range', start: r.start, end: r.end, editable: true,
      title: r.locationName ? labels.availableAt(r.locationName) : labels.available,
    })),
    ...agenda.appointments.map((a, i): AgendaEvent => a.hidden || !a.id
      ? { id: `hidden:${i}`, kind: 'busy', start: a.start, end: a.end, title: labels.busy }
      : { id: `appointment:${a.id}`, kind: 'appointment', start: a.start, end: a.end, title: a.dossierReference ? `${a.title} · ${a.dossierReference}` : a.title }),
    ...(agenda.external ?? []).map((b, i): AgendaEvent => ({ id: `busy:${i}`, kind: 'busy', start: b.start, end: b.end, title: labels.busy })),
  ];
}

function Legend() {
  const { t } = useTranslation('agendas');
  return (
    <p className="small text-body-secondary mt-2 d-flex flex-wrap gap-3">
      <span className="visually-hidden">{t('legend.title')}</span>
      {(['range', 'appointment', 'busy'] as const).map((k) => (
        <span key={k}><span className={`agenda-legend-swatch ${k}`} aria-hidden="true" /> {t(`legend.${k}`)}</span>
      ))}
    </p>
  );
}

/** What the grid shows, as a list: links to the appointments, and the ranges with a keyboard way to change them. */
function PeriodList({ agenda, onEdit }: { agenda: UserAgenda | undefined; onEdit(range: AgendaRange): void }) {
  const { t } = useTranslation('agendas');
  const f = useFormat();
  if (!agenda) return null;
  const appointments = agenda.appointments.filter((a) => !a.hidden && a.id);
  const ranges = agenda.ranges ?? [];
  return (
    <section className="card" aria-labelledby="agenda-period-title">
      <div className="card-body">
        <h2 id="agenda-period-title" className="h6 card-title">{t('period.title')}</h2>
        {appointments.length === 0 && ranges.length === 0 && <p className="small text-body-secondary mb-0">{t('period.empty')}</p>}
        {appointments.length > 0 && (
          <>
            <h3 className="h6 small text-uppercase text-body-secondary mt-2">{t('period.appointments')}</h3>
            <ul className="list-unstyled small mb-2">
              {appointments.map((a) => (
                <li key={a.id} className="mb-1"><Link to={`/appointments/${a.id}`}>{a.title}</Link>{a.dossierReference ? ` · ${a.dossierReference}` : ''}<br />{f.range(a.start, a.end)}</li>
              ))}
            </ul>
          </>
        )}
        {ranges.length > 0 && (
          <>
            <h3 className="h6 small text-uppercase text-body-secondary mt-2">{t('period.ranges')}</h3>
            <ul className="list-unstyled small mb-0">
              {ranges.map((r) => (
                <li key={r.id} className="mb-1 d-flex justify-content-between align-items-start gap-2">
                  <span>{f.range(r.start, r.end)}{r.locationName ? ` · ${r.locationName}` : ''}</span>
                  <button type="button" className="btn btn-link btn-sm p-0" onClick={() => onEdit(r)} aria-label={t('range.edit', { when: f.range(r.start, r.end) })}>
                    {t('range.editShort')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
