// The workflow designer (designer.html): definitions and their versions, the bpmn-js modeler with our
// wf moddle extension (served by the API from the engine's own descriptor), our properties panel, and
// save = deploy: a 422 lists every problem and marks its element on the canvas.
import { h, multiCommandModule, PropertiesPanel } from './designer-panel.js';

const status = document.getElementById('status');
const problems = document.getElementById('problems');
const buttons = Object.fromEntries(['save', 'undo', 'redo', 'download', 'new'].map((id) => [id, document.getElementById(id)]));
let modeler, users = new Map(), current = null, dirty = false, marked = [];

function say(text, error = false) {
  status.textContent = text;
  status.classList.toggle('error', error);
}

async function call(method, url, body) {
  const response = await fetch(url, {
    method, credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = {};
  try { json = text ? JSON.parse(text) : {}; } catch { json = {}; }
  return { ok: response.ok, status: response.status, json, text };
}

const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
const who = (id) => (id ? users.get(id) ?? id.slice(0, 8) : 'start-up');
const versionsUrl = (key) => `/workflows/definitions/${encodeURIComponent(key)}/versions`;

function leaveOk() {
  return !dirty || confirm('Modifications non enregistrées / unsaved changes will be lost. Continue?');
}

// ---- definitions and history ----------------------------------------------------------------------

async function loadDefinitions() {
  const list = await call('GET', '/workflows/definitions');
  document.querySelector('#definitions tbody').replaceChildren(...(list.ok ? list.json : []).map((d) => h('tr', { 'data-key': d.key },
    h('td', {}, h('button', { type: 'button', class: 'link', text: d.key, onclick: () => openVersion(d.key, d.latestVersion) })),
    h('td', { text: d.name ?? '' }),
    h('td', { class: 'latest', text: `v${d.latestVersion}` }),
    h('td', { class: 'published', text: d.publishedVersion ? `v${d.publishedVersion}` : '—' }))));
}

async function loadHistory(key) {
  const history = await call('GET', versionsUrl(key));
  document.getElementById('history-section').hidden = !history.ok;
  if (!history.ok) return;
  document.getElementById('history-key').textContent = key;
  const action = (label, path, done) => h('button', { type: 'button', text: label, onclick: () => act(key, path, done) });
  document.querySelector('#history tbody').replaceChildren(...history.json.map((v) => h('tr', {
    'data-version': v.version, class: current?.key === key && current.version === v.version ? 'selected' : null,
  },
  h('td', { text: v.version }),
  h('td', { class: 'status', text: v.status + (v.revertedFrom ? ` (← v${v.revertedFrom})` : '') }),
  h('td', {}, who(v.createdById), h('br'), h('small', { text: when(v.createdAt) }),
    v.publishedAt ? h('small', { text: ` · published ${when(v.publishedAt)} by ${who(v.publishedById)}` }) : null),
  h('td', { class: 'actions' },
    h('button', { type: 'button', text: 'Ouvrir / open', onclick: () => openVersion(key, v.version) }),
    v.status === 'published'
      ? action('Dépublier / unpublish', `${v.version}/unpublish`, () => `Version ${v.version} unpublished.`)
      : action('Publier / publish', `${v.version}/publish`, () => `Version ${v.version} published.`),
    action('Restaurer / revert', `${v.version}/revert`, (d) => `Version ${d.version} created as a draft from version ${v.version}.`),
    h('a', { href: `${versionsUrl(key)}/${v.version}/xml`, download: `${key}-v${v.version}.bpmn`, text: 'XML' })))));
  const options = () => history.json.map((v) => h('option', { value: v.version, text: `v${v.version} (${v.status})` }));
  const [from, to] = ['from', 'to'].map((n) => document.querySelector(`#diff-form [name=${n}]`));
  from.replaceChildren(...options());
  to.replaceChildren(...options());
  from.value = history.json[Math.min(1, history.json.length - 1)].version;
  to.value = history.json[0].version;
}

async function act(key, path, done) {
  const result = await call('POST', `${versionsUrl(key)}/${path}`);
  if (!result.ok) { say(result.json.detail ?? `Refused (${result.status}).`, true); return; }
  say(done(result.json));
  await Promise.all([loadDefinitions(), loadHistory(key)]);
}

document.getElementById('diff-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const key = document.getElementById('history-key').textContent;
  const { from, to } = Object.fromEntries(new FormData(e.target));
  const diff = await call('GET', `/workflows/definitions/${encodeURIComponent(key)}/diff?from=${from}&to=${to}`);
  if (!diff.ok) { say(diff.json.detail ?? 'The versions could not be compared.', true); return; }
  const { added, removed, changed, diagramChanged } = diff.json;
  const lines = [...added, ...removed, ...changed].map((c) => h('li', { text: `${c.id}: ${c.change}` }));
  if (diagramChanged) lines.push(h('li', { text: 'diagram only (layout) / seul le dessin a changé' }));
  document.getElementById('diff').replaceChildren(...(lines.length ? lines : [h('li', { text: 'identical / identiques' })]));
});

// ---- the diagram ----------------------------------------------------------------------------------

async function show(xml, opened) {
  clearProblems();
  await modeler.importXML(xml);
  fit(modeler.get('canvas'));
  current = opened;
  dirty = false;
  document.getElementById('current').textContent = opened ? `${opened.key} · v${opened.version}` : 'Nouveau / new';
  for (const b of ['save', 'download']) buttons[b].disabled = false;
  updateUndo();
}

/** The whole diagram in view, clear of the palette on the left, never enlarged. */
function fit(canvas) {
  const { inner, outer } = canvas.viewbox();
  const [left, top] = [110, 30];
  const scale = Math.min((outer.width - left - 20) / inner.width, (outer.height - top - 20) / inner.height, 1);
  canvas.viewbox({ x: inner.x - left / scale, y: inner.y - top / scale, width: outer.width / scale, height: outer.height / scale });
}

async function openVersion(key, version) {
  if (!leaveOk()) return;
  const response = await fetch(`${versionsUrl(key)}/${version}/xml`, { credentials: 'same-origin' });
  if (!response.ok) { say(`Version ${version} of ${key} could not be opened (${response.status}).`, true); return; }
  await show(await response.text(), { key, version });
  say(`${key} v${version} opened.`);
  await loadHistory(key);
}

function blankDiagram() {
  const id = `Process_${Math.random().toString(36).slice(2, 9)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:wf="http://workflow.example/schema/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" name="New workflow" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="Start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${id}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

buttons.new.addEventListener('click', async () => {
  if (!leaveOk()) return;
  await show(blankDiagram(), null);
  document.getElementById('history-section').hidden = true;
  say('New diagram: set its key on the process (click the background), then draw.');
});

function updateUndo() {
  const stack = modeler.get('commandStack');
  buttons.undo.disabled = !stack.canUndo();
  buttons.redo.disabled = !stack.canRedo();
}

buttons.undo.addEventListener('click', () => modeler.get('commandStack').undo());
buttons.redo.addEventListener('click', () => modeler.get('commandStack').redo());

buttons.download.addEventListener('click', async () => {
  const { xml } = await modeler.saveXML({ format: true });
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  const name = modeler.get('canvas').getRootElement().businessObject.id;
  h('a', { href: url, download: `${name}.bpmn` }).click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
});

// ---- save = deploy --------------------------------------------------------------------------------

function clearProblems() {
  const canvas = modeler.get('canvas');
  for (const id of marked) if (modeler.get('elementRegistry').get(id)) canvas.removeMarker(id, 'wf-error');
  modeler.get('overlays').remove({ type: 'wf-error' });
  marked = [];
  problems.replaceChildren();
}

function showProblems(errors) {
  const registry = modeler.get('elementRegistry');
  const canvas = modeler.get('canvas');
  const messages = new Map();
  for (const e of errors) messages.set(e.element, [...(messages.get(e.element) ?? []), e.message]);
  for (const [id, list] of messages) {
    // The process itself (its id is the root's) is named in the list only.
    if (!registry.get(id) || registry.get(id) === canvas.getRootElement()) continue;
    canvas.addMarker(id, 'wf-error');
    modeler.get('overlays').add(id, 'wf-error', {
      position: { bottom: -4, left: 0 },
      html: h('div', { class: 'wf-error-overlay', text: list.join('; ') }),
    });
    marked.push(id);
  }
  problems.replaceChildren(...errors.map((e) => h('li', { 'data-element': e.element },
    h('button', { type: 'button', class: 'link', text: `${e.element}: ${e.message}`, onclick: () => select(e.element) }))));
}

function select(id) {
  const element = modeler.get('elementRegistry').get(id);
  if (!element) return;
  modeler.get('selection').select(element);
  modeler.get('canvas').scrollToElement(element);
}

buttons.save.addEventListener('click', async () => {
  buttons.save.disabled = true;
  try {
    const { xml } = await modeler.saveXML({ format: true });
    const result = await call('POST', '/workflows/definitions', { xml, publish: false });
    clearProblems();
    if (result.status === 422 && Array.isArray(result.json.errors)) {
      showProblems(result.json.errors);
      say(`${result.json.errors.length} problème(s) / problem(s): nothing was saved.`, true);
      return;
    }
    if (!result.ok) { say(result.json.detail ?? `Not saved (${result.status}).`, true); return; }
    const saved = result.json;
    current = { key: saved.key, version: saved.version };
    dirty = false;
    document.getElementById('current').textContent = `${saved.key} · v${saved.version}`;
    say(result.status === 201 ? `Version ${saved.version} saved as draft / enregistrée comme brouillon.` : `No change / aucun changement (version ${saved.version}).`);
    await Promise.all([loadDefinitions(), loadHistory(saved.key)]);
  } finally {
    buttons.save.disabled = false;
  }
});

window.addEventListener('beforeunload', (e) => {
  if (dirty) { e.preventDefault(); e.returnValue = ''; }
});

// ---- start ----------------------------------------------------------------------------------------

async function start() {
  const me = await call('GET', '/auth/me');
  if (!me.ok) { say('Connectez-vous d’abord / sign in first on the home page.', true); return; }
  if (!me.json.roles.some((r) => r === 'designer' || r === 'admin')) { say('Réservé aux concepteurs / for designers and admins.', true); return; }
  const [catalogue, moddle, people] = await Promise.all([call('GET', '/workflows/catalogue'), call('GET', '/workflows/moddle.json'), call('GET', '/users')]);
  if (!catalogue.ok || !moddle.ok) { say('The catalogue could not be loaded.', true); return; }
  if (people.ok) users = new Map(people.json.map((u) => [u.id, u.fullName]));
  modeler = new BpmnJS({
    container: '#canvas',
    moddleExtensions: { wf: moddle.json },
    additionalModules: [multiCommandModule],
  });
  new PropertiesPanel(modeler, document.getElementById('properties'), catalogue.json);
  modeler.on('commandStack.changed', () => { dirty = true; updateUndo(); });
  await loadDefinitions();
  const query = new URLSearchParams(location.search);
  if (query.get('key')) await openVersion(query.get('key'), Number(query.get('version') ?? 1));
  else say('Choose a definition or start a new diagram.');
  document.body.dataset.ready = 'true';
}

start();
