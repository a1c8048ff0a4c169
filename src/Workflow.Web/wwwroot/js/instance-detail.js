// One instance in the cockpit: its version's diagram marked with where tokens wait, what is done
// and where incidents stand; its variables and journal; and the repairs (retry, skip, cancel).
import { call, el, problemText, report, when } from './cockpit-api.js';

const message = document.getElementById('message');
let viewer;

export async function showInstance(id, outcome) {
  const result = await call('GET', `/workflows/instances/${id}`);
  if (!result.ok) { report(message, problemText(result), true); return; }
  const detail = result.json;
  const i = detail.instance;
  document.getElementById('detail-view').hidden = false;
  document.getElementById('title').textContent = `${i.definitionKey} v${i.definitionVersion} · ${i.dossierReference ?? 'no dossier'}`;
  document.getElementById('summary').textContent =
    `Instance ${i.id} · ${i.status} · started ${when(i.startedAt)}${i.endedAt ? ` · ended ${when(i.endedAt)}` : ''} · ${i.openIncidents} open incident(s)`;
  document.getElementById('summary').dataset.status = i.status;
  await drawDiagram(i, detail);
  showIncidents(id, detail.incidents, i.status === 'running');
  document.getElementById('cancel-section').hidden = i.status !== 'running';
  document.getElementById('variables').textContent = JSON.stringify(detail.variables, null, 2);
  showJournal(detail.journal, await userNames());
  if (outcome) report(message, outcome);
}

async function drawDiagram(instance, detail) {
  const xml = await call('GET', `/workflows/definitions/${encodeURIComponent(instance.definitionKey)}/versions/${instance.definitionVersion}/xml`);
  if (!xml.ok) { report(message, `The diagram cannot be shown: ${problemText(xml)}`, true); return; }
  viewer ??= new BpmnJS({ container: '#diagram' });
  try {
    await viewer.importXML(xml.text);
  } catch (e) {
    // A version deployed without BPMN DI has nothing to draw ("no diagram to display").
    report(message, `The diagram cannot be drawn (${e.message}); the journal below tells what happened.`, true);
    return;
  }
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  const mark = (elementId, marker) => { if (registry.get(elementId)) canvas.addMarker(elementId, marker); };
  const badge = (elementId, position, html) => { if (registry.get(elementId)) overlays.add(elementId, { position, html }); };

  const current = new Set([...detail.tokens.map((t) => t.elementId), ...detail.waits.map((w) => w.elementId)]);
  for (const id of new Set(detail.journal.filter((j) => j.kind === 'left' && j.elementId).map((j) => j.elementId)))
    if (!current.has(id)) mark(id, 'cockpit-done');
  for (const wait of detail.waits) {
    mark(wait.elementId, 'cockpit-waiting');
    // A boundary event sits on its activity's border: its label goes to the right, clear of the activity's.
    const onBoundary = registry.get(wait.elementId)?.type === 'bpmn:BoundaryEvent';
    badge(wait.elementId, onBoundary ? { top: 8, left: 40 } : { top: -20, left: 0 }, el('div', { className: 'cockpit-wait-label' }, wait.kind));
  }
  for (const [elementId, tokens] of Map.groupBy(detail.tokens, (t) => t.elementId))
    badge(elementId, { top: -10, right: 10 }, el('div', { className: 'cockpit-token-count', title: 'tokens' }, tokens.length));
  for (const incident of detail.incidents) {
    mark(incident.elementId, 'cockpit-incident');
    badge(incident.elementId, { bottom: -8, left: 0 }, el('div', { className: 'cockpit-incident-text' }, incident.error));
  }
  canvas.zoom('fit-viewport');
  // Room around the diagram for the badges above and the incident texts below the elements.
  const box = canvas.viewbox();
  canvas.viewbox({ x: box.x - 40, y: box.y - 40, width: box.width + 80, height: box.height + 100 });
}

function showIncidents(instanceId, incidents, running) {
  document.getElementById('incidents-section').hidden = incidents.length === 0;
  const rows = incidents.map((incident) => {
    const variables = el('textarea', { rows: 2, cols: 30, placeholder: '{ "name": "value" }', ariaLabel: `Variables for skipping ${incident.elementId}` });
    const url = `/workflows/instances/${instanceId}/incidents/${incident.id}`;
    const retry = el('button', { type: 'button', disabled: !running, onclick: () => act(instanceId, 'Retried', `${url}/retry`) }, 'Retry');
    const skip = el('button', {
      type: 'button', disabled: !running,
      onclick: () => {
        const parsed = parseVariables(variables.value);
        if (parsed.error) { report(message, parsed.error, true); return; }
        act(instanceId, 'Skipped', `${url}/skip`, { variables: parsed.value });
      },
    }, 'Skip');
    return el('tr', { dataset: { incidentId: incident.id, elementId: incident.elementId } },
      el('td', {}, incident.elementId), el('td', { className: 'error' }, incident.error), el('td', {}, incident.attempts),
      el('td', {}, when(incident.createdAt)), el('td', { className: 'repair' }, retry, skip, el('label', {}, 'Skip with variables (JSON) ', variables)));
  });
  document.querySelector('#incidents tbody').replaceChildren(...rows);
}

/** Skip's variables must be a JSON object, or nothing. */
function parseVariables(text) {
  if (text.trim() === '') return { value: null };
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'The variables must be a JSON object, e.g. { "approved": true }.' };
    return { value };
  } catch (e) {
    return { error: `The variables are not valid JSON: ${e.message}` };
  }
}

async function act(instanceId, verb, url, body = {}) {
  const result = await call('POST', url, body);
  if (!result.ok) { report(message, problemText(result), true); return; }
  const s = result.json;
  await showInstance(instanceId, `${verb}: the instance is ${s.status}, ${s.openIncidents} open incident(s).`);
}

/** Journal actors are user ids (or "workflow"): show names where the users list knows them. */
let names;
async function userNames() {
  if (!names) {
    const users = await call('GET', '/users');
    names = new Map(users.ok ? users.json.map((u) => [u.id, u.fullName]) : []);
  }
  return names;
}

function showJournal(journal, users) {
  const actor = (id) => (id ? el('span', { title: id }, users.get(id) ?? id) : '');
  const rows = journal.map((j) => el('tr', { className: `journal-${j.kind}` },
    el('td', {}, when(j.at)), el('td', {}, j.elementId ?? ''), el('td', {}, j.kind), el('td', {}, actor(j.actor)),
    el('td', {}, j.variables ? el('code', {}, JSON.stringify(j.variables)) : ''), el('td', {}, j.message ?? '')));
  document.querySelector('#journal tbody').replaceChildren(...rows);
}

document.getElementById('cancel').addEventListener('submit', (e) => {
  e.preventDefault();
  const id = new URLSearchParams(location.search).get('id');
  act(id, 'Cancelled', `/workflows/instances/${id}/cancel`, { reason: e.target.reason.value });
});
