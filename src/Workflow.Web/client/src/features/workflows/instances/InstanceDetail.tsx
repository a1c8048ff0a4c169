// One instance: its summary, its diagram marked, its open incidents with retry and skip, cancelling
// it, its variables and its journal.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { useFormat } from '../../../shared/time';
import { QueryState } from '../../../shared/ui/Status';
import { keys, refusalText, useInstance, useUserNames, type InstanceDetail as Detail, type InstanceSummary } from '../api';
import { useSay } from './say';
import { InstanceDiagram } from './InstanceDiagram';

type Outcome = 'retried' | 'skipped' | 'cancelled';

export function InstanceDetail({ message }: { message: ReactNode }) {
  const { t } = useTranslation('workflows');
  const { id = '' } = useParams();
  const instance = useInstance(id);
  return (
    <>
      <p className="mb-1"><Link to="..">{t('cockpit.backToList')}</Link></p>
      <QueryState query={instance}>
        {(detail) => <Shown key={id} detail={detail} message={message} />}
      </QueryState>
      {!instance.data && message}
    </>
  );
}

function Shown({ detail, message }: { detail: Detail; message: ReactNode }) {
  const { t } = useTranslation('workflows');
  const format = useFormat();
  const say = useSay();
  const client = useQueryClient();
  const i = detail.instance;
  const running = i.status === 'running';

  async function act(outcome: Outcome, call: () => Promise<InstanceSummary>) {
    try {
      const s = await call();
      say(t(`cockpit.outcome.${outcome}`, { status: t(`instanceStatus.${s.status}`), count: s.openIncidents }));
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.instance(i.id) }),
        client.invalidateQueries({ queryKey: keys.incidents }),
      ]);
    } catch (error) {
      say(refusalText(error), true);
    }
  }

  const status = t(`instanceStatus.${i.status}`);
  return (
    <>
      <h1 id="title" className="h4">{t('cockpit.instanceTitle', { key: i.definitionKey, version: i.definitionVersion, dossier: i.dossierReference ?? t('cockpit.noDossier') })}</h1>
      {message}
      <p id="summary" data-status={i.status}>
        {t('cockpit.summary', { id: i.id, status, started: format.dateTime(i.startedAt) })}
        {i.endedAt ? t('cockpit.ended', { ended: format.dateTime(i.endedAt) }) : ''}
        {t('cockpit.openCount', { count: i.openIncidents })}
      </p>
      <ul className="cockpit-legend list-unstyled d-flex flex-wrap gap-4 small" aria-label={t('cockpit.legend')}>
        <li><span className="swatch waiting" aria-hidden="true" /> {t('cockpit.waiting')}</li>
        <li><span className="swatch done" aria-hidden="true" /> {t('cockpit.done')}</li>
        <li><span className="swatch incident" aria-hidden="true" /> {t('cockpit.incident')}</li>
      </ul>
      <InstanceDiagram detail={detail} />
      {detail.incidents.length > 0 && (
        <section id="incidents-section" aria-labelledby="incidents-title">
          <h2 id="incidents-title" className="h5 mt-3">{t('cockpit.incidentsTitle')}</h2>
          <table id="incidents" className="table table-sm">
            <thead><tr>
              <th scope="col">{t('cockpit.element')}</th><th scope="col">{t('cockpit.error')}</th><th scope="col">{t('cockpit.attempts')}</th>
              <th scope="col">{t('cockpit.since')}</th><th scope="col">{t('cockpit.repair')}</th>
            </tr></thead>
            <tbody>
              {detail.incidents.map((incident) => (
                <IncidentRow key={incident.id} instanceId={i.id} incident={incident} running={running} act={act} />
              ))}
            </tbody>
          </table>
        </section>
      )}
      {running && <Cancel onCancel={(reason) => act('cancelled', () => unwrap(api.POST('/workflows/instances/{id}/cancel', { params: { path: { id: i.id } }, body: { reason } })))} />}
      <h2 className="h5 mt-3">{t('cockpit.variables')}</h2>
      <pre id="variables" className="bg-body-tertiary p-2 border rounded cockpit-variables" tabIndex={0}>{JSON.stringify(detail.variables, null, 2)}</pre>
      <Journal journal={detail.journal} />
    </>
  );
}

/** Skip's variables must be a JSON object, or nothing. */
function parseVariables(text: string, t: TFunction<'workflows'>): { value?: Record<string, unknown> | null; error?: string } {
  if (text.trim() === '') return { value: null };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: t('cockpit.notObject') };
    return { value: value as Record<string, unknown> };
  } catch (e) {
    return { error: t('cockpit.notJson', { error: e instanceof Error ? e.message : String(e) }) };
  }
}

function IncidentRow({ instanceId, incident, running, act }: {
  instanceId: string; incident: Schemas['Incident']; running: boolean; act: (outcome: Outcome, call: () => Promise<InstanceSummary>) => Promise<void>;
}) {
  const { t } = useTranslation('workflows');
  const format = useFormat();
  const say = useSay();
  const [variables, setVariables] = useState('');
  const path = { params: { path: { id: instanceId, incidentId: incident.id! } } };
  const field = `skip-${incident.id}`;
  function skip() {
    const parsed = parseVariables(variables, t);
    if (parsed.error) { say(parsed.error, true); return; }
    void act('skipped', () => unwrap(api.POST('/workflows/instances/{id}/incidents/{incidentId}/skip', { ...path, body: { variables: (parsed.value ?? null) as Schemas['WorkflowSkipRequest']['variables'] } })));
  }
  return (
    <tr data-incident-id={incident.id} data-element-id={incident.elementId}>
      <td>{incident.elementId}</td>
      <td className="text-danger">{incident.error}</td>
      <td>{incident.attempts}</td>
      <td>{format.dateTime(incident.createdAt)}</td>
      <td>
        <div className="d-grid gap-1">
          <div className="d-flex gap-1">
            <button type="button" className="btn btn-sm btn-primary" disabled={!running}
                    onClick={() => void act('retried', () => unwrap(api.POST('/workflows/instances/{id}/incidents/{incidentId}/retry', path)))}>{t('cockpit.retry')}</button>
            <button type="button" className="btn btn-sm btn-outline-primary" disabled={!running} onClick={skip}>{t('cockpit.skip')}</button>
          </div>
          <label className="small" htmlFor={field}>{t('cockpit.skipWith')}</label>
          <textarea id={field} className="form-control form-control-sm font-monospace" rows={2} placeholder='{ "name": "value" }'
                    aria-label={t('cockpit.skipVariables', { element: incident.elementId })} value={variables} onChange={(e) => setVariables(e.target.value)} />
        </div>
      </td>
    </tr>
  );
}

function Cancel({ onCancel }: { onCancel: (reason: string) => Promise<void> }) {
  const { t } = useTranslation('workflows');
  const [reason, setReason] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    void onCancel(reason);
  }
  return (
    <section id="cancel-section" aria-labelledby="cancel-title">
      <h2 id="cancel-title" className="h5 mt-3">{t('cockpit.cancelTitle')}</h2>
      <form id="cancel" className="d-flex flex-wrap gap-2 align-items-end" onSubmit={submit}>
        <label className="d-grid small">{t('cockpit.reason')}
          <input className="form-control form-control-sm reason-input" name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-sm btn-outline-danger">{t('cockpit.cancel')}</button>
      </form>
    </section>
  );
}

function Journal({ journal }: { journal: Detail['journal'] }) {
  const { t } = useTranslation('workflows');
  const format = useFormat();
  const names = useUserNames();
  const actor = (id: string | null | undefined) => (id ? <span title={id}>{names.data?.get(id) ?? (id === 'workflow' ? t('cockpit.workflow') : id)}</span> : '');
  return (
    <>
      <h2 className="h5 mt-3">{t('cockpit.journal')}</h2>
      <table id="journal" className="table table-sm small">
        <thead><tr>
          <th scope="col">{t('cockpit.time')}</th><th scope="col">{t('cockpit.element')}</th><th scope="col">{t('cockpit.what')}</th>
          <th scope="col">{t('cockpit.actor')}</th><th scope="col">{t('cockpit.changed')}</th><th scope="col">{t('cockpit.messageOrError')}</th>
        </tr></thead>
        <tbody>
          {journal.map((j, n) => (
            <tr key={n} className={`journal-${j.kind}`}>
              <td className="text-nowrap">{format.dateTime(j.at)}</td>
              <td>{j.elementId ?? ''}</td>
              <td>{t(`cockpit.journalKind.${j.kind}`, { defaultValue: j.kind })}</td>
              <td>{actor(j.actor)}</td>
              <td>{j.variables ? <code className="text-break">{JSON.stringify(j.variables)}</code> : ''}</td>
              <td>{j.message ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
