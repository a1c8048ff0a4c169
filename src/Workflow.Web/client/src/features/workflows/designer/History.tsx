// A definition's versions: who saved and published each, the actions on them (open, publish or
// unpublish, revert, download), and the comparison of two versions.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { useFormat } from '../../../shared/time';
import { QueryState } from '../../../shared/ui/Status';
import { refusalText, useUserNames, useVersions, type Version } from '../api';

export type VersionAction = 'publish' | 'unpublish' | 'revert';

interface Props {
  definitionKey: string;
  current: { key: string; version: number } | null;
  onOpen: (version: number) => void;
  onAct: (version: number, action: VersionAction) => void;
  say: (text: string, error?: boolean) => void;
}

export function History({ definitionKey, current, onOpen, onAct, say }: Props) {
  const { t } = useTranslation('workflows');
  const format = useFormat();
  const versions = useVersions(definitionKey);
  const names = useUserNames();
  const who = (id: string | null) => (id ? names.data?.get(id) ?? id.slice(0, 8) : t('designer.startUp'));
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" className="h6 mt-3">{t('designer.history', { key: definitionKey })}</h2>
      <QueryState query={versions}>
        {(list) => (
          <>
            <table id="history" className="table table-sm small">
              <thead><tr><th scope="col">{t('designer.version')}</th><th scope="col">{t('designer.status')}</th><th scope="col">{t('designer.by')}</th><th scope="col">{t('designer.actions')}</th></tr></thead>
              <tbody>
                {list.map((v) => (
                  <tr key={v.version} data-version={v.version} className={current?.key === definitionKey && current.version === v.version ? 'selected' : undefined}
                      aria-current={current?.key === definitionKey && current.version === v.version ? 'true' : undefined}>
                    <td>{v.version}</td>
                    <td>
                      <span className="status" data-status={v.status}>{t(`definitionStatus.${v.status}`)}</span>
                      {v.revertedFrom ? <> {t('designer.revertedFrom', { version: v.revertedFrom })}</> : null}
                    </td>
                    <td>
                      {who(v.createdById)}<br /><small className="text-body-secondary">{format.dateTime(v.createdAt)}</small>
                      {v.publishedAt && <><br /><small className="text-body-secondary">{t('designer.publishedBy', { at: format.dateTime(v.publishedAt), who: who(v.publishedById) })}</small></>}
                    </td>
                    <td>
                      <div className="d-flex flex-wrap gap-1 align-items-center">
                        <button type="button" className="btn btn-sm btn-outline-primary py-0" onClick={() => onOpen(v.version)}>{t('designer.open')}</button>
                        {v.status === 'published'
                          ? <button type="button" className="btn btn-sm btn-outline-secondary py-0" onClick={() => onAct(v.version, 'unpublish')}>{t('designer.unpublish')}</button>
                          : <button type="button" className="btn btn-sm btn-outline-success py-0" onClick={() => onAct(v.version, 'publish')}>{t('designer.publish')}</button>}
                        <button type="button" className="btn btn-sm btn-outline-secondary py-0" onClick={() => onAct(v.version, 'revert')}>{t('designer.revert')}</button>
                        <a href={`/workflows/definitions/${encodeURIComponent(definitionKey)}/versions/${v.version}/xml`} download={`${definitionKey}-v${v.version}.bpmn`}
                           aria-label={t('designer.xmlLabel', { version: v.version })}>{t('designer.xml')}</a>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Compare definitionKey={definitionKey} versions={list} say={say} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function Compare({ definitionKey, versions, say }: { definitionKey: string; versions: Version[]; say: Props['say'] }) {
  const { t } = useTranslation('workflows');
  const [from, setFrom] = useState(versions[Math.min(1, versions.length - 1)]?.version ?? 1);
  const [to, setTo] = useState(versions[0]?.version ?? 1);
  const [diff, setDiff] = useState<Schemas['DefinitionDiff'] | null>(null);
  async function compare(e: FormEvent) {
    e.preventDefault();
    try {
      setDiff(await unwrap(api.GET('/workflows/definitions/{key}/diff', { params: { path: { key: definitionKey }, query: { from, to } } })));
    } catch (error) {
      setDiff(null);
      say(refusalText(error), true);
    }
  }
  const option = (v: Version) => <option key={v.version} value={v.version}>{`v${v.version} (${t(`definitionStatus.${v.status}`)})`}</option>;
  const lines = diff ? [
    ...diff.added.map((c) => ({ ...c, kind: 'added' })), ...diff.removed.map((c) => ({ ...c, kind: 'removed' })), ...diff.changed.map((c) => ({ ...c, kind: 'changed' })),
  ] : [];
  return (
    <form id="diff-form" className="mb-2" onSubmit={(e) => void compare(e)} aria-labelledby="compare-title">
      <h3 id="compare-title" className="h6">{t('designer.compareTitle')}</h3>
      <div className="d-flex flex-wrap gap-2 align-items-end">
        <label className="d-grid small">{t('designer.from')}
          <select className="form-select form-select-sm" name="from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>{versions.map(option)}</select>
        </label>
        <label className="d-grid small">{t('designer.to')}
          <select className="form-select form-select-sm" name="to" value={to} onChange={(e) => setTo(Number(e.target.value))}>{versions.map(option)}</select>
        </label>
        <button type="submit" className="btn btn-sm btn-outline-primary">{t('designer.compare')}</button>
      </div>
      {diff && (
        <ul id="diff" className="small mt-2">
          {lines.map((c) => <li key={`${c.kind}-${c.id}`}>{`${c.id}: ${c.change}`}</li>)}
          {diff.diagramChanged && <li>{t('designer.diagramOnly')}</li>}
          {!lines.length && !diff.diagramChanged && <li>{t('designer.identical')}</li>}
        </ul>
      )}
    </form>
  );
}
