// The experts who fit, best first, each with why they rank there: distance, earliest free slot, workload
// (the parts of the score the server computed), the expert already on the dossier first.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/time';
import type { ExpertMatch } from '../api';

export interface ExpertRankingProps {
  experts: ExpertMatch[];
  selected: string | null;
  shown: string[];
  onSelect(userId: string): void;
  onToggleShown(userId: string): void;
}

export function ExpertRanking({ experts, selected, shown, onSelect, onToggleShown }: ExpertRankingProps) {
  const { t } = useTranslation('forms');
  const f = useFormat();
  // A part of the score that cost points says how many; one that cost nothing says nothing more.
  const penalty = (points: number) => (points >= 0.05 ? <span className="ms-1 text-danger-emphasis">({t('planner.reason.penalty', { points: Math.round(points * 10) / 10 })})</span> : null);
  return (
    <ol className="list-unstyled m-0 expert-ranking" aria-label={t('planner.ranking')}>
      {experts.map((e, i) => {
        const id = `expert-${e.userId}`;
        return (
          <li key={e.userId} className={`card mb-2 ${selected === e.userId ? 'border-primary expert-selected' : ''}`} data-user-id={e.userId}>
            <div className="card-body p-2">
              <div className="d-flex align-items-start gap-2">
                <input className="form-check-input mt-1" type="radio" name="planner-expert" id={id} checked={selected === e.userId}
                  onChange={() => onSelect(e.userId)} />
                <label className="form-check-label flex-grow-1" htmlFor={id}>
                  <span className="fw-semibold">{i + 1}. {e.fullName}</span>{' '}
                  {e.alreadyAssigned && <span className="badge text-bg-primary">{t('planner.alreadyAssigned')}</span>}{' '}
                  <span className="badge text-bg-light border">{t('planner.score', { score: Math.round(e.score) })}</span>
                </label>
                <div className="form-check form-switch m-0 small">
                  <input className="form-check-input" type="checkbox" role="switch" id={`${id}-shown`} checked={shown.includes(e.userId)}
                    onChange={() => onToggleShown(e.userId)} />
                  <label className="form-check-label" htmlFor={`${id}-shown`}>{t('planner.showAgenda')}</label>
                </div>
              </div>
              <ul className="small text-body-secondary mb-0 mt-1 expert-reasons">
                <li>{e.distanceKm != null
                  ? t('planner.reason.distance', { km: e.distanceKm < 10 ? e.distanceKm.toFixed(1) : Math.round(e.distanceKm) })
                  : t('planner.reason.noDistance')}{penalty(e.penalties.distance)}</li>
                <li>{t('planner.reason.firstSlot', { when: f.dateTime(e.firstSlot) })}{penalty(e.penalties.earliness)}</li>
                <li>{t('planner.reason.workload', { count: e.workload })}{penalty(e.penalties.workload)}</li>
                {e.missingSkills.length > 0 && (
                  <li className="text-danger">{t('planner.reason.missingSkills', { skills: e.missingSkills.join(', ') })}</li>
                )}
              </ul>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
