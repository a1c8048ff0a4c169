// The planning step of a task's form: the experts who fit (ranked, with reasons), their agendas side by
// side on a week grid, a map of their bases and appointments and of the place, a slot chosen by a click,
// and a recap of what will be booked. In the referent mode (a social worker's first meeting) the agenda is
// the dossier's referent's own, next to the internal users invited.
import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/shell/session';
import { addDays, startOfWeek, useFormat } from '../../../shared/time';
import { ErrorMessage, Loading } from '../../../shared/ui/Status';
import { MapView, type MapMarker } from '../../../shared/map/MapView';
import { useAgendas, useDossier, useExperts, useLocations } from '../api';
import type { WorkflowContext } from '../FormioForm';
import { ExpertRanking } from './ExpertRanking';
import { PlannerAgendas } from './PlannerAgendas';
import { PlanningRecap } from './PlanningRecap';
import { mainUserOf, type Characteristics, type Choice, type PlannerMode, type PlannerValue } from './value';
import './planner.css';

export interface PlanningStepProps {
  mode: PlannerMode;
  label: string;
  context: WorkflowContext;
  characteristics: Characteristics | null;
  missing: ('period' | 'duration')[];
  value: PlannerValue | null;
  readOnly: boolean;
  /** What the server said of the chosen slot when it refused the form (a slot taken meanwhile), until another is chosen. */
  serverError?: string | null;
  onChoose(choice: Choice | null): void;
}

const MAX_SHOWN = 3;

export function PlanningStep(props: PlanningStepProps) {
  const { t } = useTranslation('forms');
  const f = useFormat();
  const { user } = useSession();
  const { mode, context, characteristics: c, value, readOnly, serverError } = props;
  const queryClient = useQueryClient();
  // A refused slot means the agendas shown are out of date: read them again.
  useEffect(() => {
    if (serverError) void queryClient.invalidateQueries({ queryKey: ['forms'], predicate: (q) => q.queryKey[1] === 'experts' || q.queryKey[1] === 'agendas' });
  }, [serverError, queryClient]);
  const tz = context.timeZone || user?.timeZone || 'Europe/Brussels';
  const dossier = useDossier(context.dossierId);
  const locations = useLocations();

  const place = useMemo(() => {
    if (c?.locationId) {
      const l = locations.data?.find((x) => x.id === c.locationId);
      return l ? { text: `${l.name}, ${l.address.text}`, latitude: l.address.latitude ?? null, longitude: l.address.longitude ?? null } : null;
    }
    if (c?.address) return c.address;
    const a = dossier.data?.address;
    return a ? { text: a.text, latitude: a.latitude ?? null, longitude: a.longitude ?? null } : null;
  }, [c, locations.data, dossier.data]);

  const parties = useMemo(() => (dossier.data?.participants ?? []).filter((p) => c?.participantIds.includes(p.id)).map((p) => `${p.name} (${p.role})`), [dossier.data, c]);

  const expertQuery = !readOnly && mode === 'expert' && c ? { from: c.periodFrom, to: c.periodTo, duration: c.durationMinutes, locationId: c.locationId } : null;
  const experts = useExperts(context.dossierId, expertQuery);

  const chosenUser = mainUserOf(value);
  const [selected, setSelected] = useState<string | null>(chosenUser);
  const [shown, setShown] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);

  // The expert already on the dossier comes first (the server ranks them first): preselected.
  useEffect(() => {
    const list = experts.data;
    if (!list || list.length === 0) return;
    const first = selected && list.some((e) => e.userId === selected) ? selected : list[0].userId;
    if (first !== selected) setSelected(first);
    setShown((s) => {
      const kept = s.filter((id) => list.some((e) => e.userId === id));
      if (kept.length) return kept.includes(first) ? kept : [first, ...kept];
      return [first, ...list.filter((e) => e.userId !== first).slice(0, MAX_SHOWN - 1).map((e) => e.userId)];
    });
  }, [experts.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const people = useMemo(() => {
    if (mode === 'referent') {
      const ids = [context.referentId, ...(c?.userIds ?? []).filter((id) => id !== context.referentId)].filter(Boolean);
      return ids.map((id) => ({ id, name: '' }));
    }
    const list = experts.data ?? [];
    const order = [selected, ...shown.filter((id) => id !== selected)].filter((id): id is string => !!id);
    return order.map((id) => list.find((e) => e.userId === id)).filter((e) => !!e).map((e) => ({ id: e!.userId, name: e!.fullName }));
  }, [mode, context.referentId, c, experts.data, selected, shown]);

  const firstSlot = experts.data?.find((e) => e.userId === selected)?.firstSlot;
  const initial = value?.start ?? firstSlot ?? c?.periodFrom ?? null;
  const [week, setWeek] = useState<Date | null>(null);
  const weekStart = week ?? (initial ? startOfWeek(new Date(initial), tz) : null);
  useEffect(() => { setWeek(null); }, [firstSlot, c?.periodFrom]);

  const agendaQuery = !readOnly && c && weekStart && people.length
    ? {
        users: people.map((p) => p.id), from: weekStart.toISOString(), to: addDays(weekStart, 7).toISOString(), slotMinutes: c.durationMinutes,
        latitude: place?.latitude, longitude: place?.longitude,
      }
    : null;
  const agendas = useAgendas(agendaQuery);
  const named = useMemo(() => people.map((p) => ({ id: p.id, name: p.name || agendas.data?.find((a) => a.userId === p.id)?.fullName || '' })),
    [people, agendas.data]);

  const markers = useMemo(() => {
    const list: MapMarker[] = [];
    for (const a of agendas.data ?? []) {
      if (!people.some((p) => p.id === a.userId)) continue;
      const b = a.baseAddress;
      if (b?.latitude != null && b.longitude != null) list.push({ id: `base-${a.userId}`, kind: 'expert', latitude: b.latitude, longitude: b.longitude, label: a.fullName });
      a.appointments.forEach((x, i) => {
        if (x.where?.latitude != null && x.where.longitude != null)
          list.push({ id: `appt-${a.userId}-${x.id ?? i}`, kind: 'appointment', latitude: x.where.latitude, longitude: x.where.longitude,
            label: `${a.fullName}: ${x.hidden ? t('planner.grid.busy') : x.title} (${f.range(x.start, x.end)})` });
      });
    }
    if (place?.latitude != null && place.longitude != null)
      list.push({ id: 'planned', kind: 'planned', latitude: place.latitude, longitude: place.longitude, label: place.text });
    return list;
  }, [agendas.data, people, place, f, t]);

  const mainName = value?.mainUserName || named.find((p) => p.id === chosenUser)?.name || experts.data?.find((e) => e.userId === chosenUser)?.fullName || '';
  const refused = serverError && !readOnly ? (
    <div className="alert alert-danger py-2" role="alert">{t('planner.serverRefused', { message: serverError })}</div>
  ) : null;
  const recap = value?.start || refused ? (
    <>
      {refused}
      {value?.start ? <PlanningRecap value={value} mainUserName={mainName} place={place?.text ?? null} parties={parties} mode={mode} /> : null}
    </>
  ) : null;

  if (readOnly) return <div className="planning-step">{recap ?? <p className="text-body-secondary">{t('planner.nothingChosen')}</p>}</div>;

  if (!c) {
    return (
      <div className="alert alert-info planning-step" role="status">
        {props.missing.includes('period') ? t('planner.missing.period') : t('planner.missing.duration')}
      </div>
    );
  }

  const choose = (choice: Choice) => {
    setRefusal(null);
    if (mode === 'expert') setSelected(choice.userId);
    props.onChoose(choice);
  };

  const periodLine = t('planner.period', { from: f.dateTime(c.periodFrom), to: f.dateTime(c.periodTo), minutes: c.durationMinutes, zone: f.zoneName(c.periodFrom) });

  const grid = (
    <section aria-labelledby="planner-agendas-title" className="mt-3">
      <h3 id="planner-agendas-title" className="h6">{t(mode === 'expert' ? 'planner.agendasTitle' : 'planner.agendaTitleReferent')}</h3>
      <p className="small text-body-secondary mb-2">{t(mode === 'expert' ? 'planner.clickHelp' : 'planner.clickHelpReferent')}</p>
      {agendas.error ? <ErrorMessage error={agendas.error} onRetry={() => void agendas.refetch()} /> : null}
      {agendas.isPending && agendaQuery ? <Loading label={t('planner.loadingAgendas')} /> : null}
      {weekStart && (
        <PlannerAgendas
          people={named}
          agendas={agendas.data ?? []}
          date={weekStart}
          timeZone={tz}
          periodFrom={c.periodFrom}
          periodTo={c.periodTo}
          durationMinutes={c.durationMinutes}
          chosen={value?.start && chosenUser ? { userId: chosenUser, name: mainName, start: value.start, end: value.end } : null}
          free={mode === 'referent' && context.userId === context.referentId ? [context.referentId] : []}
          onChoose={choose}
          onRefused={setRefusal}
          onWeekChange={(start) => { if (!weekStart || Math.abs(start.getTime() - weekStart.getTime()) > 3_600_000) setWeek(startOfWeek(start, tz)); }}
        />
      )}
      <div role="alert" className={refusal ? 'alert alert-warning py-2 mt-2 mb-0' : 'visually-hidden'}>{refusal}</div>
    </section>
  );

  const map = (
    <section aria-labelledby="planner-map-title">
      <h3 id="planner-map-title" className="h6">{t('planner.mapTitle')}</h3>
      <MapView markers={markers} label={t('planner.mapLabel')} />
    </section>
  );

  if (mode === 'referent') {
    return (
      <div className="planning-step">
        <p className="mb-2" role="status">{periodLine}</p>
        {grid}
        <div className="row g-3 mt-1">
          <div className="col-lg-7">{recap}</div>
          <div className="col-lg-5">{map}</div>
        </div>
      </div>
    );
  }

  return (
    <div className="planning-step">
      <p className="mb-2">{periodLine}</p>
      {experts.isPending ? <Loading label={t('planner.loadingExperts')} /> : experts.error ? (
        <ErrorMessage error={experts.error} onRetry={() => void experts.refetch()} />
      ) : experts.data.length === 0 ? (
        <div className="alert alert-warning" role="alert">
          <p className="fw-semibold mb-1">{t('planner.noExpert.title')}</p>
          <p className="mb-1">{t('planner.noExpert.why', {
            skills: dossier.data?.requiredSkills.length ? dossier.data.requiredSkills.join(', ') : t('planner.noExpert.anySkill'),
            minutes: c.durationMinutes, from: f.dateTime(c.periodFrom), to: f.dateTime(c.periodTo),
          })}</p>
          <p className="mb-0">{t('planner.noExpert.what')}</p>
        </div>
      ) : (
        <>
          <div className="row g-3">
            <section className="col-xl-6" aria-labelledby="planner-ranking-title">
              <h3 id="planner-ranking-title" className="h6" role="status">{t('planner.rankingTitle', { count: experts.data.length })}</h3>
              <div className="planner-ranking-scroll">
                <ExpertRanking experts={experts.data} selected={selected} shown={shown}
                  onSelect={(id) => { setSelected(id); setShown((s) => (s.includes(id) ? s : [id, ...s].slice(0, MAX_SHOWN + 1))); }}
                  onToggleShown={(id) => setShown((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))} />
              </div>
            </section>
            <div className="col-xl-6">{map}</div>
          </div>
          {grid}
          <div className="mt-3">{recap}</div>
        </>
      )}
    </div>
  );
}
