// The instances cockpit (instances.html): the list of workflow instances with filters, and with
// ?id=… one instance (see instance-detail.js). Admins also get the migration panel.
import { call, el, problemText, report, when } from './cockpit-api.js';
import { showInstance } from './instance-detail.js';
import { setUpMigration } from './instance-migration.js';

const message = document.getElementById('message');
const pageSize = 50;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
let skip = 0;

async function listInstances(filters) {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(filters)) {
    if (value === '') continue;
    // The dossier field takes a reference (or its start) as people know it, or an id pasted from elsewhere.
    if (name === 'dossier') query.set(guid.test(value.trim()) ? 'dossierId' : 'dossier', value.trim());
    else query.set(name, value);
  }
  // One more than a page tells whether there is an older page.
  query.set('skip', skip);
  query.set('limit', pageSize + 1);
  const result = await call('GET', `/workflows/instances?${query}`);
  if (!result.ok) { report(message, problemText(result), true); return; }
  const more = result.json.length > pageSize;
  const rows = result.json.slice(0, pageSize).map((i) => el('tr', { dataset: { instanceId: i.id } },
    el('td', {}, el('a', { href: `/instances.html?id=${i.id}` }, `${i.definitionKey} v${i.definitionVersion}`)),
    el('td', {}, i.dossierReference ?? '—'),
    el('td', { className: `status-${i.status}` }, i.status),
    el('td', {}, when(i.startedAt)),
    el('td', { className: i.openIncidents > 0 ? 'incident-count' : '' }, i.openIncidents)));
  document.querySelector('#instances tbody').replaceChildren(...rows);
  document.querySelector('#instances caption').textContent = rows.length === 0
    ? 'No instance.'
    : `Instances ${skip + 1}–${skip + rows.length}, newest first`;
  document.getElementById('newer').disabled = skip === 0;
  document.getElementById('older').disabled = !more;
}

async function showList(me) {
  document.getElementById('list-view').hidden = false;
  const definitions = await call('GET', '/workflows/definitions');
  const keys = definitions.ok ? definitions.json.map((d) => d.key) : [];
  const filters = document.getElementById('filters');
  filters.key.append(...keys.map((k) => el('option', { value: k }, k)));
  // The home page links here for the instances stuck on an incident.
  filters.incidents.checked = new URLSearchParams(location.search).get('incidents') === 'true';
  filters.addEventListener('submit', (e) => { e.preventDefault(); skip = 0; listInstances(filters); });
  document.getElementById('newer').addEventListener('click', () => { skip = Math.max(0, skip - pageSize); listInstances(filters); });
  document.getElementById('older').addEventListener('click', () => { skip += pageSize; listInstances(filters); });
  await listInstances(filters);
  if (me.roles.includes('admin'))
    setUpMigration(keys, () => listInstances(filters));
}

async function start() {
  const me = await call('GET', '/auth/me');
  if (!me.ok) { message.replaceChildren('Not signed in. ', el('a', { href: '/' }, 'Sign in')); return; }
  if (!me.json.roles.some((r) => r === 'admin' || r === 'designer')) {
    report(message, 'The cockpit is for designers and administrators.', true);
    return;
  }
  const id = new URLSearchParams(location.search).get('id');
  if (id) await showInstance(id);
  else await showList(me.json);
}

start();
