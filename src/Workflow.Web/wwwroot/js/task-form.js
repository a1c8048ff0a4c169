// The task form page (task.html?id=…): renders the form version the task pins, with the draft
// saved so far, saves drafts and submits to the server, which validates the data again and
// answers 422 with one {path, rule, message} per error.
import './appointment-planner.js';

// The libraries Form.io loads on demand (flatpickr for dates) come from our own server, not cdn.form.io.
Formio.cdn.setBaseUrl(`${location.origin}/lib/cdn`);

const id = new URLSearchParams(location.search).get('id');
const status = document.getElementById('status');
const errors = document.getElementById('errors');
const lang = (navigator.language || 'en').startsWith('fr') ? 'fr' : 'en';

async function call(method, url, body) {
  const response = await fetch(url, {
    method, credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': lang },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, json };
}

function showErrors(list) {
  errors.innerHTML = '';
  for (const e of list) {
    const li = document.createElement('li');
    li.dataset.path = e.path;
    li.dataset.rule = e.rule;
    li.textContent = `${e.path}: ${e.message}`;
    errors.appendChild(li);
  }
}

async function open() {
  const view = await call('GET', `/tasks/${id}/form`);
  if (!view.ok) { status.textContent = view.json.detail ?? `The task could not be opened (${view.status}).`; return; }
  const { task, form: version, schema, draft } = view.json;
  const dossier = (await call('GET', `/dossiers/${task.dossierId}`)).json;
  document.getElementById('title').textContent = task.title;
  document.getElementById('dossier').textContent = `${dossier.reference} · ${dossier.title} · ${version.title} v${version.version}`;
  // The Content-Security-Policy allows no eval: Form.io interpolates {{ data.x }} without it (the server validates custom rules).
  const form = await Formio.createForm(document.getElementById('form'), schema, {
    noeval: true,
    workflow: { dossierId: task.dossierId, referentId: dossier.referentId, taskId: task.id },
  });
  form.submission = { data: { ...(draft ?? {}), dossierId: dossier.id, dossierReference: dossier.reference, dossierTitle: dossier.title } };
  const finished = task.status === 'completed' || task.status === 'cancelled';
  status.textContent = finished ? `This task is ${task.status}.` : 'Fill in the form.';
  document.getElementById('save').addEventListener('click', async () => {
    const saved = await call('PUT', `/tasks/${id}/form/draft`, { data: form.submission.data });
    status.textContent = saved.ok ? 'Draft saved.' : saved.json.detail ?? 'The draft could not be saved.';
  });
  form.on('submit', async (submission) => {
    const sent = await call('POST', `/tasks/${id}/form/submit`, { data: submission.data });
    if (sent.ok) {
      showErrors([]);
      status.textContent = 'Task completed.';
      document.body.dataset.completed = 'true';
      form.emit('submitDone', submission);
      return;
    }
    showErrors(sent.json.errors ?? []);
    status.textContent = sent.json.detail ?? `Refused (${sent.status}).`;
    form.emit('submitError');
  });
}

open().catch((e) => { status.textContent = `Error: ${e.message}`; });
