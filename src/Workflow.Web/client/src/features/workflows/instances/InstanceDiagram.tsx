// An instance's version drawn by the bpmn-js viewer and marked: where tokens wait, what is done,
// where incidents stand, with counts and labels on the elements.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useQuery } from '@tanstack/react-query';
import { addBadge, addMarker, createViewer, elementType, fitViewer, type Diagram } from '../bpmn/diagram';
import { fetchXml, keys, refusalText, type InstanceDetail } from '../api';
import { useSay } from './say';

export function InstanceDiagram({ detail }: { detail: InstanceDetail }) {
  const { t } = useTranslation('workflows');
  const say = useSay();
  const container = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<Diagram | null>(null);
  const { definitionKey: key, definitionVersion: version } = detail.instance;
  const xml = useQuery({ queryKey: keys.xml(key, version), queryFn: () => fetchXml(key, version), staleTime: Infinity });

  useEffect(() => {
    const created = createViewer(container.current!);
    setViewer(created);
    return () => { created.destroy(); setViewer(null); };
  }, []);

  useEffect(() => {
    if (xml.error) say(t('cockpit.xmlFailed', { problem: refusalText(xml.error) }), true);
  }, [xml.error, say, t]);

  useEffect(() => {
    if (!viewer || !xml.data) return;
    let cancelled = false;
    (async () => {
      try {
        await viewer.importXML(xml.data);
      } catch (e) {
        // A version deployed without BPMN DI has nothing to draw ("no diagram to display").
        if (!cancelled) say(t('cockpit.drawFailed', { error: e instanceof Error ? e.message : String(e) }), true);
        return;
      }
      if (cancelled) return;
      mark(viewer, detail, t);
      fitViewer(viewer);
    })();
    return () => { cancelled = true; };
  }, [viewer, xml.data, detail, say, t]);

  return (
    <>
      <h2 className="visually-hidden">{t('cockpit.diagram')}</h2>
      {/* The diagram shows the process designer's own words, in the language they wrote them. */}
      <div id="diagram" ref={container} className="cockpit-diagram" translate="no" />
    </>
  );
}

function mark(viewer: Diagram, detail: InstanceDetail, t: TFunction<'workflows'>) {
  const current = new Set([...detail.tokens.map((k) => k.elementId), ...detail.waits.map((w) => w.elementId)]);
  for (const id of new Set(detail.journal.filter((j) => j.kind === 'left' && j.elementId).map((j) => j.elementId!)))
    if (!current.has(id)) addMarker(viewer, id, 'cockpit-done');
  for (const wait of detail.waits) {
    if (!wait.elementId) continue;
    addMarker(viewer, wait.elementId, 'cockpit-waiting');
    // A boundary event sits on its activity's border: its label goes to the right, clear of the activity's.
    const onBoundary = elementType(viewer, wait.elementId) === 'bpmn:BoundaryEvent';
    addBadge(viewer, wait.elementId, 'cockpit', onBoundary ? { top: 8, left: 40 } : { top: -20, left: 0 }, 'cockpit-wait-label',
      t(`cockpit.wait.${wait.kind}`, { defaultValue: wait.kind }));
  }
  const tokens = new Map<string, number>();
  for (const token of detail.tokens) if (token.elementId) tokens.set(token.elementId, (tokens.get(token.elementId) ?? 0) + 1);
  for (const [id, count] of tokens) addBadge(viewer, id, 'cockpit', { top: -10, right: 10 }, 'cockpit-token-count', String(count), t('cockpit.tokens'));
  for (const incident of detail.incidents) {
    if (!incident.elementId) continue;
    addMarker(viewer, incident.elementId, 'cockpit-incident');
    addBadge(viewer, incident.elementId, 'cockpit', { bottom: -8, left: 0 }, 'cockpit-incident-text', incident.error ?? '');
  }
}
