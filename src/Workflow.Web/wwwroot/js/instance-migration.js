// The migration panel (admins): choose a definition and two versions, get the mapping the server
// proposes for where running instances stand, complete it, then dry-run or migrate.
import { call, el, problemText, report } from './cockpit-api.js';

const message = document.getElementById('message');
const form = document.getElementById('migration-form');
const mappingView = document.getElementById('mapping');
const reportView = document.getElementById('migration-report');

export function setUpMigration(keys, afterMigration) {
  document.getElementById('migration').hidden = false;
  form.key.append(...keys.map((k) => el('option', { value: k }, k)));
  form.key.addEventListener('change', () => loadVersions(form.key.value));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await propose(afterMigration);
  });
}

async function loadVersions(key) {
  mappingView.replaceChildren();
  reportView.replaceChildren();
  if (!key) { form.from.replaceChildren(); form.to.replaceChildren(); return; }
  const result = await call('GET', `/workflows/definitions/${encodeURIComponent(key)}/versions`);
  if (!result.ok) { report(message, problemText(result), true); return; }
  const options = () => result.json.map((d) => el('option', { value: d.version }, `v${d.version} (${d.status})`));
  form.from.replaceChildren(...options());
  form.to.replaceChildren(...options());
  // Newest first: propose moving from the one before the newest to the newest.
  if (result.json.length > 1) form.from.value = result.json[1].version;
}

async function propose(afterMigration) {
  const [key, from, to] = [form.key.value, form.from.value, form.to.value];
  reportView.replaceChildren();
  const result = await call('GET', `/workflows/definitions/${encodeURIComponent(key)}/migration-plan?from=${from}&to=${to}`);
  if (!result.ok) { mappingView.replaceChildren(); report(message, problemText(result), true); return; }
  const plan = result.json;
  const rows = plan.elements.map((e) => {
    // A changed mapping makes the last dry run's report stale.
    const choice = el('select', { name: e.elementId, ariaLabel: `Target of ${e.elementId}`, onchange: () => reportView.replaceChildren() },
      el('option', { value: '' }, '(choose)'),
      e.candidates.map((c) => el('option', { value: c.elementId, selected: c.elementId === e.proposed }, c.name ? `${c.elementId} — ${c.name}` : c.elementId)));
    return el('tr', { dataset: { elementId: e.elementId } },
      el('td', {}, e.elementId, e.name ? el('span', { className: 'muted' }, ` ${e.name}`) : null), el('td', {}, e.kind), el('td', {}, e.instances), el('td', {}, choice));
  });
  const run = (dryRun) => migrate(plan, dryRun, afterMigration);
  mappingView.replaceChildren(
    el('p', {}, `${plan.runningInstances} running instance(s) on v${plan.fromVersion}.`),
    el('table', { id: 'mapping-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Element in v' + plan.fromVersion), el('th', {}, 'Kind'), el('th', {}, 'Instances'), el('th', {}, 'Becomes in v' + plan.toVersion))),
      el('tbody', {}, rows)),
    el('p', {}, el('button', { type: 'button', onclick: () => run(true) }, 'Dry run'), ' ', el('button', { type: 'button', onclick: () => run(false) }, 'Migrate')));
  report(message, plan.elements.length ? 'Check the mapping, then dry-run.' : 'No running instance on this version.');
}

/** After a dry run, Migrate moves the instances ticked in its report (those that can move, unless changed); before one, all. */
function chosenInstances() {
  const boxes = [...reportView.querySelectorAll('input[type=checkbox]')];
  return boxes.length ? boxes.filter((b) => b.checked).map((b) => b.value) : null;
}

async function migrate(plan, dryRun, afterMigration) {
  const mapping = {};
  for (const select of mappingView.querySelectorAll('select'))
    if (select.value && select.value !== select.name) mapping[select.name] = select.value;
  const instanceIds = dryRun ? null : chosenInstances();
  if (instanceIds?.length === 0) { report(message, 'Tick at least one instance of the dry run to migrate.', true); return; }
  const result = await call('POST', `/workflows/definitions/${encodeURIComponent(plan.key)}/migrate`,
    { fromVersion: plan.fromVersion, toVersion: plan.toVersion, mapping, instanceIds, dryRun });
  if (!result.ok) {
    reportView.replaceChildren();
    report(message, problemText(result), true);
    return;
  }
  const rows = result.json.map((r) => el('tr', { dataset: { instanceId: r.instanceId } },
    el('td', {}, dryRun ? el('input', { type: 'checkbox', value: r.instanceId, checked: r.errors.length === 0, ariaLabel: `Migrate ${r.instanceId}` }) : null,
      ' ', el('a', { href: `/instances.html?id=${r.instanceId}` }, r.instanceId)),
    el('td', { className: r.errors.length ? 'problem' : '' }, r.migrated ? 'migrated' : r.errors.length ? 'cannot move' : 'can move'),
    el('td', {}, el('ul', {}, r.errors.map((e) => el('li', {}, `${e.element}: ${e.message}`))))));
  reportView.replaceChildren(el('h3', {}, dryRun ? 'Dry run' : 'Migration'),
    el('table', { id: 'report-table' }, el('thead', {}, el('tr', {}, el('th', {}, 'Instance'), el('th', {}, 'Result'), el('th', {}, 'Problems'))), el('tbody', {}, rows)));
  const blocked = result.json.filter((r) => r.errors.length).length;
  report(message, dryRun
    ? `Dry run: ${result.json.length - blocked} instance(s) can move, ${blocked} cannot.`
    : `Migrated ${result.json.length} instance(s) to v${plan.toVersion}.`);
  if (!dryRun) await afterMigration();
}
