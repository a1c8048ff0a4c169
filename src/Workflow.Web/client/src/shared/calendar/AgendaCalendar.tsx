// Agendas on a week grid, one column per person where several are shown (event-calendar's resource
// time grid, MIT). The rest of the code never sees the widget's API: it gives instants (ISO strings)
// and gets instants back, in the user's time zone (the widget only knows the browser's, so it is fed
// wall-clock times, see shared/time.ts).
import { useEffect, useRef } from 'react';
import { createCalendar, destroyCalendar, DayGrid, Interaction, ResourceTimeGrid, TimeGrid, type Calendar } from '@event-calendar/core';
import '@event-calendar/core/index.css';
import './calendar.css';
import { useTranslation } from 'react-i18next';
import { fromWall, toWall } from '../time';
import { localeOf } from '../i18n';
import { plainGrid } from './a11y';

export type AgendaEventKind = 'range' | 'appointment' | 'busy' | 'slot' | 'candidate';

export interface AgendaEvent {
  id: string;
  kind: AgendaEventKind;
  start: string;
  end: string;
  title?: string;
  /** The column (person) the event belongs to, when several agendas are shown. */
  resourceId?: string;
  /** Drawn behind the grid (availability ranges while planning) rather than as a block. */
  background?: boolean;
  /** Can be moved and resized (one's own availability ranges). */
  editable?: boolean;
  /** Extra CSS class on the event's element (e.g. to tell whose agenda it belongs to). */
  className?: string;
}

export interface AgendaResource { id: string; title: string }

export interface Span { start: Date; end: Date; resourceId?: string }

export type AgendaView = 'week' | 'day' | 'month' | 'people-week' | 'people-day';

const views: Record<AgendaView, string> = {
  week: 'timeGridWeek', day: 'timeGridDay', month: 'dayGridMonth', 'people-week': 'resourceTimeGridWeek', 'people-day': 'resourceTimeGridDay',
};

export interface AgendaCalendarProps {
  events: AgendaEvent[];
  resources?: AgendaResource[];
  view: AgendaView;
  /** An instant inside the period to show. */
  date: Date;
  timeZone: string;
  label: string;
  selectable?: boolean;
  slotMinTime?: string;
  slotMaxTime?: string;
  onSelect?(span: Span): void;
  onDateClick?(at: { date: Date; resourceId?: string }): void;
  onEventClick?(event: AgendaEvent): void;
  onEventChange?(event: AgendaEvent, span: Span): Promise<boolean> | boolean;
  onPeriodChange?(period: { start: Date; end: Date }): void;
  /** Write the title of background events (a range's location) inside them; by default they are bare. */
  backgroundTitles?: boolean;
}

const classes: Record<AgendaEventKind, string> = {
  range: 'range-event', appointment: 'appointment-event', busy: 'busy-event', slot: 'slot-event', candidate: 'candidate-event',
};
const colors: Record<AgendaEventKind, string | undefined> = {
  range: '#d1f2dc', appointment: '#0a58ca', busy: '#adb5bd', slot: '#146c43', candidate: '#fd7e14',
};

export function AgendaCalendar(props: AgendaCalendarProps) {
  const element = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const { i18n, t } = useTranslation();
  const tz = props.timeZone;

  const toWidget = (e: AgendaEvent): Calendar.EventInput => ({
    id: e.id,
    start: toWall(e.start, tz),
    end: toWall(e.end, tz),
    title: e.title ?? '',
    resourceIds: e.resourceId ? [e.resourceId] : [],
    display: e.background ? 'background' : 'auto',
    backgroundColor: colors[e.kind],
    textColor: e.kind === 'range' || e.kind === 'busy' || e.kind === 'candidate' ? '#212529' : undefined,
    classNames: e.className ? [classes[e.kind], e.className] : [classes[e.kind]],
    editable: !!e.editable,
    startEditable: !!e.editable,
    durationEditable: !!e.editable,
    extendedProps: { source: e },
  });

  useEffect(() => {
    const span = (start: Date, end: Date, resource?: { id: string | number } | null): Span =>
      ({ start: fromWall(start, tz), end: fromWall(end, tz), resourceId: resource ? String(resource.id) : undefined });
    const cal = createCalendar(element.current!, [TimeGrid, DayGrid, ResourceTimeGrid, Interaction], {
      view: views[latest.current.view],
      date: toWall(latest.current.date, tz).slice(0, 10),
      firstDay: 1,
      allDaySlot: false,
      nowIndicator: true,
      height: 'auto',
      slotMinTime: latest.current.slotMinTime ?? '07:00',
      slotMaxTime: latest.current.slotMaxTime ?? '20:00',
      slotDuration: '00:30',
      scrollTime: '08:00',
      headerToolbar: { start: 'prev,today,next', center: 'title', end: '' },
      selectable: !!latest.current.selectable,
      events: latest.current.events.map(toWidget),
      resources: (latest.current.resources ?? []).map((r) => ({ id: r.id, title: r.title })),
      datesAboveResources: true,
      eventContent: (info) => {
        const source = (info.event.extendedProps as { source?: AgendaEvent }).source;
        if (!source?.background) return undefined;
        if (!latest.current.backgroundTitles || !source.title) return { domNodes: [] };
        const label = document.createElement('span');
        label.className = 'ec-bg-title';
        label.textContent = source.title;
        return { domNodes: [label] };
      },
      eventClick: (info) => latest.current.onEventClick?.((info.event.extendedProps as { source: AgendaEvent }).source),
      dateClick: (info) => latest.current.onDateClick?.({ date: fromWall(info.date, tz), resourceId: info.resource ? String(info.resource.id) : undefined }),
      select: (info) => latest.current.onSelect?.(span(info.start, info.end, info.resource)),
      eventDrop: async (info) => {
        const ok = await latest.current.onEventChange?.((info.event.extendedProps as { source: AgendaEvent }).source, span(info.event.start, info.event.end, info.newResource));
        if (!ok) info.revert();
      },
      eventResize: async (info) => {
        const ok = await latest.current.onEventChange?.((info.event.extendedProps as { source: AgendaEvent }).source, span(info.event.start, info.event.end));
        if (!ok) info.revert();
      },
      datesSet: (info) => latest.current.onPeriodChange?.({ start: fromWall(info.start, tz), end: fromWall(info.end, tz) }),
    });
    calendar.current = cal;
    const stopPlain = plainGrid(element.current!);
    return () => { stopPlain(); void destroyCalendar(cal); calendar.current = null; };
    // The widget is made once per zone; everything else is pushed to it below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tz]);

  useEffect(() => {
    const cal = calendar.current;
    if (!cal) return;
    const locale = localeOf(i18n.language);
    cal.setOption('locale', locale);
    cal.setOption('buttonText', (text: Record<string, string>) => ({
      ...text, today: t('calendar:today'), dayGridMonth: t('calendar:month'), timeGridWeek: t('calendar:week'),
      timeGridDay: t('calendar:day'), resourceTimeGridWeek: t('calendar:week'), resourceTimeGridDay: t('calendar:day'),
    }));
    cal.setOption('slotLabelFormat', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    cal.setOption('eventTimeFormat', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }, [i18n.language, t]);

  useEffect(() => { calendar.current?.setOption('events', props.events.map(toWidget)); }, [props.events]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { calendar.current?.setOption('resources', (props.resources ?? []).map((r) => ({ id: r.id, title: r.title }))); }, [props.resources]);
  useEffect(() => { calendar.current?.setOption('view', views[props.view]); }, [props.view]);
  useEffect(() => { calendar.current?.setOption('selectable', !!props.selectable); }, [props.selectable]);
  useEffect(() => { calendar.current?.setOption('date', toWall(props.date, tz).slice(0, 10)); }, [props.date.getTime(), tz]); // eslint-disable-line react-hooks/exhaustive-deps

  return <div ref={element} className="agenda-grid" role="region" aria-label={props.label} />;
}
