// The workflow designer: definitions and their versions, the bpmn-js modeler with our wf extension
// (its descriptor served by the API from the engine's own), our properties panel, and save = deploy:
// a refusal lists every problem and marks its element on the canvas.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../shared/api/client';
import { QueryState } from '../../shared/ui/Status';
import { deployProblems, fetchXml, keys, refusalText, useDefinitions, useDesignerSetup, type Catalogue } from './api';
import {
  addBadge, addMarker, blankDiagram, commandState, createModeler, fitModeler, has, isRoot, removeBadges, removeMarker, selectElement, type Diagram,
} from './bpmn/diagram';
import { PropertiesPanel } from './designer/PropertiesPanel';
import { History, type VersionAction } from './designer/History';
import './designer/designer.css';

export default function DesignerPage() {
  const { t } = useTranslation('workflows');
  const setup = useDesignerSetup();
  return (
    <div className="designer">
      <h1 className="h4 mb-2">{t('designer.title')}</h1>
      <QueryState query={setup}>{(s) => <Designer catalogue={s.catalogue} moddle={s.moddle} />}</QueryState>
    </div>
  );
}

interface Opened { key: string; version: number }
interface Problem { element: string; message: string }
const errorMarker = 'wf-error';

function Designer({ catalogue, moddle }: { catalogue: Catalogue; moddle: unknown }) {
  const { t } = useTranslation('workflows');
  const client = useQueryClient();
  const [search] = useSearchParams();
  const canvasRef = useRef<HTMLDivElement>(null);
  const [diagram, setDiagram] = useState<Diagram | null>(null);
  // undefined: nothing open yet; null: a new diagram not saved yet.
  const [current, setCurrent] = useState<Opened | null | undefined>(undefined);
  const [historyKey, setHistoryKey] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [undo, setUndo] = useState({ canUndo: false, canRedo: false });
  const [saving, setSaving] = useState(false);
  const dirty = useRef(false);
  const marked = useRef<string[]>([]);
  const definitions = useDefinitions();

  const say = useCallback((text: string, error = false) => setStatus({ text, error }), []);

  useEffect(() => {
    const modeler = createModeler(canvasRef.current!, moddle);
    modeler.on('commandStack.changed', () => { dirty.current = true; setUndo(commandState(modeler)); });
    setDiagram(modeler);
    return () => { modeler.destroy(); setDiagram(null); };
  }, [moddle]);

  // A page left with unsaved changes asks first.
  useEffect(() => {
    const leave = (e: BeforeUnloadEvent) => { if (dirty.current) { e.preventDefault(); e.returnValue = ''; } };
    window.addEventListener('beforeunload', leave);
    return () => window.removeEventListener('beforeunload', leave);
  }, []);

  const clearProblems = useCallback((d: Diagram) => {
    for (const id of marked.current) removeMarker(d, id, errorMarker);
    removeBadges(d, errorMarker);
    marked.current = [];
    setProblems([]);
  }, []);

  const show = useCallback(async (d: Diagram, xml: string, opened: Opened | null) => {
    clearProblems(d);
    await d.importXML(xml);
    fitModeler(d);
    setCurrent(opened);
    dirty.current = false;
    setUndo(commandState(d));
  }, [clearProblems]);

  const leaveOk = () => !dirty.current || window.confirm(t('designer.unsaved'));

  const openVersion = useCallback(async (key: string, version: number, ask = true) => {
    if (!diagram || (ask && dirty.current && !window.confirm(t('designer.unsaved')))) return;
    try {
      await show(diagram, await fetchXml(key, version), { key, version });
      setHistoryKey(key);
      say(t('designer.opened', { key, version }));
    } catch (error) {
      say(t('designer.openFailed', { key, version, problem: refusalText(error) }), true);
    }
  }, [diagram, say, show, t]);

  // A link may name the version to open: /app/designer?key=expertise&version=2.
  const initialKey = search.get('key');
  const initialVersion = Number(search.get('version') ?? 1);
  useEffect(() => {
    if (!diagram) return;
    if (initialKey) void openVersion(initialKey, initialVersion, false);
    else say(t('designer.choose'));
    // Only once the modeler exists.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [diagram]);

  async function newDiagram() {
    if (!diagram || !leaveOk()) return;
    await show(diagram, blankDiagram(t('designer.newName')), null);
    setHistoryKey(null);
    say(t('designer.newStarted'));
  }

  function showProblems(d: Diagram, errors: Problem[]) {
    const messages = new Map<string, string[]>();
    for (const e of errors) messages.set(e.element, [...(messages.get(e.element) ?? []), e.message]);
    for (const [id, list] of messages) {
      // The process itself (its id is the root's) is named in the list only.
      if (!has(d, id) || isRoot(d, id)) continue;
      addMarker(d, id, errorMarker);
      addBadge(d, id, errorMarker, { bottom: -4, left: 0 }, 'wf-error-overlay', list.join('; '));
      marked.current.push(id);
    }
    setProblems(errors);
  }

  async function save() {
    if (!diagram) return;
    setSaving(true);
    try {
      const { xml } = await diagram.saveXML({ format: true });
      const { data, error, response } = await api.POST('/workflows/definitions', { body: { xml: xml ?? '', publish: false } });
      clearProblems(diagram);
      if (!response.ok) {
        const failure = new ApiError(response.status, { status: response.status, ...(typeof error === 'object' && error ? error : {}) });
        const refused = deployProblems(failure);
        if (refused) {
          showProblems(diagram, refused);
          say(t('designer.refused', { count: refused.length }), true);
        } else {
          say(refusalText(failure), true);
        }
        return;
      }
      const saved = data!;
      setCurrent({ key: saved.key, version: saved.version });
      dirty.current = false;
      setHistoryKey(saved.key);
      say(response.status === 201 ? t('designer.saved', { version: saved.version }) : t('designer.unchanged', { version: saved.version }));
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.definitions, exact: true }),
        client.invalidateQueries({ queryKey: keys.versions(saved.key) }),
      ]);
    } finally {
      setSaving(false);
    }
  }

  async function act(key: string, version: number, action: VersionAction) {
    const path = { params: { path: { key, version } } };
    try {
      const done = action === 'publish'
        ? await unwrap(api.POST('/workflows/definitions/{key}/versions/{version}/publish', path))
        : action === 'unpublish'
          ? await unwrap(api.POST('/workflows/definitions/{key}/versions/{version}/unpublish', path))
          : await unwrap(api.POST('/workflows/definitions/{key}/versions/{version}/revert', path));
      say(action === 'publish' ? t('designer.publishedDone', { version })
        : action === 'unpublish' ? t('designer.unpublishedDone', { version })
          : t('designer.revertedDone', { version: done.version, from: version }));
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.definitions, exact: true }),
        client.invalidateQueries({ queryKey: keys.versions(key) }),
      ]);
    } catch (error) {
      say(refusalText(error), true);
    }
  }

  async function download() {
    if (!diagram) return;
    const { xml } = await diagram.saveXML({ format: true });
    const url = URL.createObjectURL(new Blob([xml ?? ''], { type: 'application/xml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${diagram.get('canvas').getRootElement().businessObject.id}.bpmn`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  const open = current !== undefined;
  return (
    <>
      <p id="status" role={status.error ? 'alert' : 'status'} className={`mb-2 small ${status.error ? 'text-danger fw-semibold' : 'text-primary'}`}>{status.text}</p>
      <div className="designer-grid">
        <aside className="designer-side" aria-label={t('designer.definitions')}>
          <h2 className="h6">{t('designer.definitions')}</h2>
          <QueryState query={definitions}>
            {(list) => (
              <table id="definitions" className="table table-sm small">
                <thead><tr><th scope="col">{t('designer.key')}</th><th scope="col">{t('designer.name')}</th><th scope="col">{t('designer.latest')}</th><th scope="col">{t('designer.published')}</th></tr></thead>
                <tbody>
                  {list.map((d) => (
                    <tr key={d.key} data-key={d.key}>
                      <td><button type="button" className="btn btn-link btn-sm p-0" onClick={() => void openVersion(d.key, d.latestVersion)}>{d.key}</button></td>
                      <td>{d.name ?? ''}</td>
                      <td className="latest">v{d.latestVersion}</td>
                      <td className="published">{d.publishedVersion ? `v${d.publishedVersion}` : t('designer.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </QueryState>
          <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => void newDiagram()}>{t('designer.newDiagram')}</button>
          {historyKey && (
            <History key={historyKey} definitionKey={historyKey} current={current ?? null} say={say}
                     onOpen={(v) => void openVersion(historyKey, v)} onAct={(v, a) => void act(historyKey, v, a)} />
          )}
        </aside>
        <section className="designer-editor" aria-label={t('designer.canvas')}>
          <div className="d-flex flex-wrap gap-2 align-items-center p-2 border-bottom" role="toolbar" aria-label={t('designer.toolbar')}>
            <strong id="current" className="me-2">{current === undefined ? t('designer.nothingOpen') : current === null ? t('designer.newCurrent') : `${current.key} · v${current.version}`}</strong>
            <button type="button" className="btn btn-sm btn-primary" disabled={!open || saving} onClick={() => void save()}>{t('designer.save')}</button>
            <button type="button" className="btn btn-sm btn-outline-secondary" disabled={!undo.canUndo} onClick={() => diagram?.get('commandStack').undo()}>{t('designer.undo')}</button>
            <button type="button" className="btn btn-sm btn-outline-secondary" disabled={!undo.canRedo} onClick={() => diagram?.get('commandStack').redo()}>{t('designer.redo')}</button>
            <button type="button" className="btn btn-sm btn-outline-secondary" disabled={!open} onClick={() => void download()}>{t('designer.download')}</button>
          </div>
          {problems.length > 0 && (
            <ul id="problems" className="list-unstyled px-2 my-1" aria-label={t('designer.problems')}>
              {problems.map((p, i) => (
                <li key={i} data-element={p.element}>
                  <button type="button" className="btn btn-link btn-sm p-0 text-danger text-start" onClick={() => diagram && selectElement(diagram, p.element)}>
                    {`${p.element}: ${p.message}`}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div id="canvas" ref={canvasRef} className="designer-canvas" translate="no" />
        </section>
        {diagram && open ? <PropertiesPanel diagram={diagram} catalogue={catalogue} /> : <aside id="properties" className="designer-properties" aria-label={t('panel.label')} />}
      </div>
    </>
  );
}
