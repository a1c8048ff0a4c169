// What will be booked, in words, before the planner confirms: who, when (in the user's zone, named), where, with whom.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/time';
import type { PlannerValue } from './value';

export interface PlanningRecapProps {
  value: PlannerValue;
  mainUserName: string;
  place: string | null;
  parties: string[];
  mode: 'expert' | 'referent';
}

export function PlanningRecap({ value, mainUserName, place, parties, mode }: PlanningRecapProps) {
  const { t } = useTranslation('forms');
  const f = useFormat();
  return (
    <section className="card border-success planning-recap" aria-labelledby="planning-recap-title">
      <div className="card-body">
        <h3 id="planning-recap-title" className="h6 card-title">{t('planner.recap.title')}</h3>
        <dl className="row mb-0 small">
          <dt className="col-sm-3">{t(mode === 'expert' ? 'planner.recap.expert' : 'planner.recap.mainUser')}</dt>
          <dd className="col-sm-9" data-recap="main-user">{mainUserName}</dd>
          <dt className="col-sm-3">{t('planner.recap.slot')}</dt>
          <dd className="col-sm-9" data-recap="slot">{f.range(value.start, value.end)} ({t('planner.recap.zone', { zone: f.zoneName(value.start), name: f.timeZone })})</dd>
          <dt className="col-sm-3">{t('planner.recap.place')}</dt>
          <dd className="col-sm-9" data-recap="place">{place ?? t('planner.recap.noPlace')}</dd>
          <dt className="col-sm-3">{t('planner.recap.parties')}</dt>
          <dd className="col-sm-9" data-recap="parties">{parties.length ? parties.join(', ') : t('planner.recap.noParties')}</dd>
        </dl>
        <p className="small mb-0 mt-2 text-body-secondary">{t(mode === 'expert' ? 'planner.recap.nextExpert' : 'planner.recap.nextReferent')}</p>
      </div>
    </section>
  );
}
