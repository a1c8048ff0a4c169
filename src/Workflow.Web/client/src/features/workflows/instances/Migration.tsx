// The migration panel (admins): choose a definition and two versions, get the mapping the server
// proposes for where running instances stand, complete it, then dry-run or migrate.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api/client';
import { keys as queryKeys, refusalText, useVersions, type MigrationPlan, type MigrationReport } from '../api';
import { useSay } from './say';

export function Migration({ keys }: { keys: string[] }) {
  const { t } = useTranslation('workflows');
  const say = useSay();
  const client = useQueryClient();
  const [key, setKey] = useState('');
  const [chosen, setChosen] = useState<{ from?: number; to?: number }>({});
  const versions = useVersions(key || null);
  const list = versions.data ?? [];
  // Newest first: propose moving from the one before the newest to the newest.
  const from = chosen.from ?? (list.length > 1 ? list[1].version : list[0]?.version);
  const to = chosen.to ?? list[0]?.version;
  const [plan, setPlan] = useState<MigrationPlan | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [report, setReport] = useState<{ dryRun: boolean; rows: MigrationReport[] } | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());

  function chooseKey(value: string) {
    setKey(value);
    setChosen({});
    setPlan(null);
    setReport(null);
  }

  async function propose(e: FormEvent) {
    e.preventDefault();
    setReport(null);
    try {
      const proposed = await unwrap(api.GET('/workflows/definitions/{key}/migration-plan', { params: { path: { key }, query: { from: from!, to: to! } } }));
      setPlan(proposed);
      setMapping(Object.fromEntries(proposed.elements.map((el) => [el.elementId, el.proposed ?? ''])));
      say(proposed.elements.length ? t('migration.check') : t('migration.noRunning'));
    } catch (error) {
      setPlan(null);
      say(refusalText(error), true);
    }
  }

  async function migrate(p: MigrationPlan, dryRun: boolean) {
    const map: Record<string, string> = {};
    for (const [source, target] of Object.entries(mapping)) if (target && target !== source) map[source] = target;
    // After a dry run, Migrate moves the instances ticked in its report (those that can move, unless changed); before one, all.
    const instanceIds = dryRun || !report?.dryRun ? null : [...ticked];
    if (instanceIds?.length === 0) { say(t('migration.tickOne'), true); return; }
    try {
      const rows = await unwrap(api.POST('/workflows/definitions/{key}/migrate', {
        params: { path: { key: p.key } }, body: { fromVersion: p.fromVersion, toVersion: p.toVersion, mapping: map, instanceIds, dryRun },
      }));
      setReport({ dryRun, rows });
      setTicked(new Set(rows.filter((r) => r.errors.length === 0).map((r) => r.instanceId)));
      const blocked = rows.filter((r) => r.errors.length).length;
      say(dryRun ? t('migration.dryRunDone', { can: rows.length - blocked, cannot: blocked }) : t('migration.migratedDone', { count: rows.length, version: p.toVersion }));
      if (!dryRun) await client.invalidateQueries({ queryKey: queryKeys.all });
    } catch (error) {
      setReport(null);
      say(refusalText(error), true);
    }
  }

  const option = (v: { version: number; status: string }) => <option key={v.version} value={v.version}>{`v${v.version} (${t(`definitionStatus.${v.status}`)})`}</option>;
  return (
    <section id="migration" aria-labelledby="migration-title" className="border-top pt-2">
      <h2 id="migration-title" className="h5">{t('migration.title')}</h2>
      <p className="text-body-secondary small">{t('migration.intro')}</p>
      <form id="migration-form" className="d-flex flex-wrap gap-2 align-items-end mb-2" onSubmit={(e) => void propose(e)}>
        <label className="d-grid small">{t('migration.definition')}
          <select className="form-select form-select-sm" name="key" required value={key} onChange={(e) => chooseKey(e.target.value)}>
            <option value="">{t('migration.choose')}</option>
            {keys.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        <label className="d-grid small">{t('migration.from')}
          <select className="form-select form-select-sm" name="from" required value={from ?? ''} onChange={(e) => { setChosen({ ...chosen, from: Number(e.target.value) }); setReport(null); }}>
            {list.map(option)}
          </select>
        </label>
        <label className="d-grid small">{t('migration.to')}
          <select className="form-select form-select-sm" name="to" required value={to ?? ''} onChange={(e) => { setChosen({ ...chosen, to: Number(e.target.value) }); setReport(null); }}>
            {list.map(option)}
          </select>
        </label>
        <button type="submit" className="btn btn-sm btn-outline-primary">{t('migration.propose')}</button>
      </form>
      {plan && (
        <div id="mapping">
          <p>{t('migration.running', { count: plan.runningInstances, version: plan.fromVersion })}</p>
          <table id="mapping-table" className="table table-sm">
            <thead><tr>
              <th scope="col">{t('migration.elementIn', { version: plan.fromVersion })}</th><th scope="col">{t('migration.kind')}</th>
              <th scope="col">{t('migration.instances')}</th><th scope="col">{t('migration.becomesIn', { version: plan.toVersion })}</th>
            </tr></thead>
            <tbody>
              {plan.elements.map((el) => (
                <tr key={el.elementId} data-element-id={el.elementId}>
                  <td>{el.elementId}{el.name && <span className="text-body-secondary"> {el.name}</span>}</td>
                  <td>{el.kind}</td>
                  <td>{el.instances}</td>
                  <td>
                    {/* A changed mapping makes the last dry run's report stale. */}
                    <select className="form-select form-select-sm" name={el.elementId} aria-label={t('migration.targetOf', { element: el.elementId })}
                            value={mapping[el.elementId] ?? ''} onChange={(e) => { setMapping({ ...mapping, [el.elementId]: e.target.value }); setReport(null); }}>
                      <option value="">{t('migration.choose')}</option>
                      {el.candidates.map((c) => <option key={c.elementId} value={c.elementId}>{c.name ? `${c.elementId} — ${c.name}` : c.elementId}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="d-flex gap-2">
            <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => void migrate(plan, true)}>{t('migration.dryRun')}</button>
            <button type="button" className="btn btn-sm btn-primary" onClick={() => void migrate(plan, false)}>{t('migration.migrate')}</button>
          </p>
        </div>
      )}
      {report && (
        <div id="migration-report">
          <h3 className="h6">{report.dryRun ? t('migration.dryRunTitle') : t('migration.migrationTitle')}</h3>
          <table id="report-table" className="table table-sm">
            <thead><tr><th scope="col">{t('migration.instance')}</th><th scope="col">{t('migration.result')}</th><th scope="col">{t('migration.problems')}</th></tr></thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.instanceId} data-instance-id={r.instanceId}>
                  <td>
                    {report.dryRun && (
                      <input type="checkbox" className="form-check-input me-1" value={r.instanceId} checked={ticked.has(r.instanceId)}
                             aria-label={t('migration.migrateOne', { id: r.instanceId })}
                             onChange={(e) => { const next = new Set(ticked); if (e.target.checked) next.add(r.instanceId); else next.delete(r.instanceId); setTicked(next); }} />
                    )}
                    <Link to={r.instanceId}>{r.instanceId}</Link>
                  </td>
                  <td className={r.errors.length ? 'text-danger fw-semibold' : undefined}>
                    {r.migrated ? t('migration.migrated') : r.errors.length ? t('migration.cannotMove') : t('migration.canMove')}
                  </td>
                  <td><ul className="mb-0">{r.errors.map((e, n) => <li key={n}>{`${e.element}: ${e.message}`}</li>)}</ul></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
