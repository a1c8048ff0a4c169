// The agendas of the people being compared, side by side on a week grid: availability ranges drawn behind,
// other appointments, external busy times, free slots of the appointment's duration, and the chosen slot.
// Two switches per person (ranges, external calendar). A click on a free slot, or inside a range, chooses.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgendaCalendar, type AgendaEvent } from '../../../shared/calendar/AgendaCalendar';
import type { UserAgenda } from '../api';
import type { Choice } from './value';

export interface PlannerAgendasProps {
  people: { id: string; name: string }[];
  agendas: UserAgenda[];
  date: Date;
  timeZone: string;
  periodFrom: string;
  periodTo: string;
  durationMinutes: number;
  chosen: Choice | null;
  /** People in whose agenda a click outside the ranges is allowed (the signed-in user's own agenda). */
  free: string[];
  onChoose(choice: Choice): void;
  onRefused(message: string): void;
  onWeekChange(start: Date): void;
}

const overlaps = (a: { start: string; end: string }, s: number, e: number) => new Date(a.start).getTime() < e && s < new Date(a.end).getTime();

export function PlannerAgendas(props: PlannerAgendasProps) {
  const { t } = useTranslation('forms');
  const [hideRanges, setHideRanges] = useState<string[]>([]);
  const [hideExternal, setHideExternal] = useState<string[]>([]);
  const { people, agendas, periodFrom, periodTo, chosen } = props;
  const from = new Date(periodFrom).getTime(), to = new Date(periodTo).getTime();
  const byUser = useMemo(() => new Map(agendas.map((a) => [a.userId, a])), [agendas]);

  const events = useMemo(() => {
    const list: AgendaEvent[] = [];
    for (const p of people) {
      const a = byUser.get(p.id);
      if (!a) continue;
      if (!hideRanges.includes(p.id))
        for (const r of a.ranges ?? [])
          list.push({ id: `range-${r.id}`, kind: 'range', start: r.start, end: r.end, resourceId: p.id, background: true, title: r.locationName ?? '' });
      a.appointments.forEach((x, i) =>
        list.push({ id: `appointment-${p.id}-${x.id ?? i}`, kind: 'appointment', start: x.start, end: x.end, resourceId: p.id,
          title: x.hidden ? t('planner.grid.busy') : x.dossierReference ? `${x.dossierReference} · ${x.title}` : x.title }));
      if (!hideExternal.includes(p.id))
        (a.external ?? []).forEach((x, i) =>
          list.push({ id: `busy-${p.id}-${i}`, kind: 'busy', start: x.start, end: x.end, resourceId: p.id, title: t('planner.grid.external') }));
      for (const s of a.freeSlots ?? []) {
        const st = new Date(s.start).getTime(), en = new Date(s.end).getTime();
        if (st < from || en > to) continue;
        if (chosen && chosen.userId === p.id && overlaps(chosen, st, en)) continue;
        list.push({ id: `slot-${p.id}-${s.start}`, kind: 'slot', start: s.start, end: s.end, resourceId: p.id, title: t('planner.grid.free') });
      }
    }
    if (chosen) list.push({ id: 'candidate', kind: 'candidate', start: chosen.start, end: chosen.end, resourceId: chosen.userId, title: t('planner.grid.chosen') });
    return list;
  }, [people, byUser, hideRanges, hideExternal, chosen, from, to, t]);

  const resources = useMemo(() => people.map((p) => ({ id: p.id, title: p.name })), [people]);
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? '';

  const tryAt = (userId: string, start: Date) => {
    const st = start.getTime(), en = st + props.durationMinutes * 60_000;
    const a = byUser.get(userId);
    if (st < from || en > to) { props.onRefused(t('planner.refused.outsidePeriod')); return; }
    const inRange = (a?.ranges ?? []).some((r) => new Date(r.start).getTime() <= st && en <= new Date(r.end).getTime());
    if (!inRange && !props.free.includes(userId)) { props.onRefused(t('planner.refused.outsideRange', { name: nameOf(userId) })); return; }
    const busy = (a?.appointments ?? []).some((x) => overlaps(x, st, en)) || (!props.free.includes(userId) && (a?.external ?? []).some((x) => overlaps(x, st, en)));
    if (busy) { props.onRefused(t('planner.refused.busy', { name: nameOf(userId) })); return; }
    props.onChoose({ userId, name: nameOf(userId), start: new Date(st).toISOString(), end: new Date(en).toISOString() });
  };

  return (
    <div className="planner-agendas">
      <ul className="list-inline mb-2 small planner-switches" aria-label={t('planner.grid.switches')}>
        {people.map((p) => (
          <li key={p.id} className="list-inline-item me-3" data-user-id={p.id}>
            <span className="fw-semibold me-2">{p.name}</span>
            <span className="form-check form-switch d-inline-block me-2">
              <input className="form-check-input" type="checkbox" role="switch" id={`ranges-${p.id}`} checked={!hideRanges.includes(p.id)}
                onChange={() => setHideRanges((h) => (h.includes(p.id) ? h.filter((x) => x !== p.id) : [...h, p.id]))} />
              <label className="form-check-label" htmlFor={`ranges-${p.id}`}>{t('planner.grid.ranges')}<span className="visually-hidden"> ({p.name})</span></label>
            </span>
            <span className="form-check form-switch d-inline-block">
              <input className="form-check-input" type="checkbox" role="switch" id={`external-${p.id}`} checked={!hideExternal.includes(p.id)}
                onChange={() => setHideExternal((h) => (h.includes(p.id) ? h.filter((x) => x !== p.id) : [...h, p.id]))} />
              <label className="form-check-label" htmlFor={`external-${p.id}`}>{t('planner.grid.externalSwitch')}<span className="visually-hidden"> ({p.name})</span></label>
            </span>
          </li>
        ))}
      </ul>
      <ul className="list-inline small mb-1 planner-legend" aria-label={t('planner.grid.legend')}>
        <li className="list-inline-item"><span className="legend-swatch legend-range" aria-hidden="true" /> {t('planner.grid.legendRange')}</li>
        <li className="list-inline-item"><span className="legend-swatch legend-slot" aria-hidden="true" /> {t('planner.grid.legendSlot')}</li>
        <li className="list-inline-item"><span className="legend-swatch legend-appointment" aria-hidden="true" /> {t('planner.grid.legendAppointment')}</li>
        <li className="list-inline-item"><span className="legend-swatch legend-busy" aria-hidden="true" /> {t('planner.grid.legendBusy')}</li>
        <li className="list-inline-item"><span className="legend-swatch legend-candidate" aria-hidden="true" /> {t('planner.grid.legendChosen')}</li>
      </ul>
      <AgendaCalendar
        view="people-week"
        label={t('planner.grid.label')}
        events={events}
        resources={resources}
        date={props.date}
        timeZone={props.timeZone}
        onEventClick={(e) => {
          if (e.kind === 'slot' && e.resourceId) props.onChoose({ userId: e.resourceId, name: nameOf(e.resourceId), start: e.start, end: e.end });
          else if (e.kind === 'range' && e.resourceId) tryAt(e.resourceId, new Date(e.start));
          else if (e.kind === 'appointment' || e.kind === 'busy') props.onRefused(t('planner.refused.busy', { name: nameOf(e.resourceId ?? '') }));
        }}
        onDateClick={({ date, resourceId }) => { if (resourceId) tryAt(resourceId, date); }}
        onPeriodChange={({ start }) => props.onWeekChange(start)}
      />
    </div>
  );
}
