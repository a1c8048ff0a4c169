// The main user's week next to the plan and reschedule forms: availability ranges as background, their other
// appointments and external busy times, and the slot being chosen. A click on the grid moves the start there
// (the duration is kept), so a planner sees where the appointment fits instead of typing times blind.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgendaCalendar, type AgendaEvent } from '../../shared/calendar/AgendaCalendar';
import { addDays, startOfWeek } from '../../shared/time';
import { ErrorMessage, Loading } from '../../shared/ui/Status';
import { useAgendas } from './newApi';

export interface SlotGridProps {
  userId: string;
  userName: string;
  appointmentId: string;
  timeZone: string;
  /** The slot being chosen (instants), or null while the fields are empty. */
  slot: { start: Date; end: Date } | null;
  onPick(start: Date): void;
}

export function SlotGrid({ userId, userName, appointmentId, timeZone, slot, onPick }: SlotGridProps) {
  const { t } = useTranslation('appointments');
  const [week, setWeek] = useState(() => startOfWeek(slot?.start ?? new Date(), timeZone));
  const slotStart = slot?.start.getTime();
  // Typing a date in another week shows that week.
  useEffect(() => {
    if (slotStart === undefined) return;
    const monday = startOfWeek(new Date(slotStart), timeZone);
    setWeek((w) => (w.getTime() === monday.getTime() ? w : monday));
  }, [slotStart, timeZone]);
  const agendas = useAgendas(userId ? [userId] : [], week, addDays(week, 7));
  const agenda = agendas.data?.find((a) => a.userId === userId);

  const events = useMemo<AgendaEvent[]>(() => {
    const list: AgendaEvent[] = [];
    for (const r of agenda?.ranges ?? [])
      list.push({ id: `range-${r.id}`, kind: 'range', background: true, start: r.start, end: r.end, title: r.locationName ?? t('slotGrid.available') });
    (agenda?.appointments ?? []).filter((x) => x.id !== appointmentId).forEach((x, i) => list.push({
      id: `appointment-${x.id ?? i}`, kind: 'appointment', start: x.start, end: x.end,
      title: x.hidden ? t('slotGrid.busy') : [x.dossierReference, x.title].filter(Boolean).join(' · '),
    }));
    (agenda?.external ?? []).forEach((b, i) => list.push({ id: `busy-${i}`, kind: 'busy', start: b.start, end: b.end, title: t('slotGrid.busy') }));
    if (slot && slot.end > slot.start)
      list.push({ id: 'candidate', kind: 'candidate', start: slot.start.toISOString(), end: slot.end.toISOString(), title: t('slotGrid.chosen') });
    return list;
  }, [agenda, appointmentId, slot, t]);

  if (!userId) return <p className="small text-body-secondary mb-2">{t('slotGrid.chooseUser')}</p>;
  return (
    <section className="mb-2" aria-label={t('slotGrid.label', { name: userName })}>
      <p className="small text-body-secondary mb-1">{t('slotGrid.hint', { name: userName })}</p>
      {agendas.error && <ErrorMessage error={agendas.error} onRetry={() => void agendas.refetch()} />}
      {agendas.isPending && <Loading label={t('slotGrid.loading')} />}
      <AgendaCalendar
        view="week"
        date={week}
        timeZone={timeZone}
        label={t('slotGrid.label', { name: userName })}
        events={events}
        backgroundTitles
        slotMinTime="07:00"
        slotMaxTime="19:00"
        onDateClick={({ date }) => onPick(date)}
        onPeriodChange={({ start }) => {
          const monday = startOfWeek(start, timeZone);
          setWeek((w) => (w.getTime() === monday.getTime() ? w : monday));
        }}
      />
    </section>
  );
}
