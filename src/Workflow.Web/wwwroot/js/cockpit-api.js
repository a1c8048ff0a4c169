// What the cockpit's modules share: JSON calls that hand back the problem a 4xx carries, and a
// small element builder (no framework in the browser).

export async function call(method, url, body) {
  const response = await fetch(url, {
    method, credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json, application/xml' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = {};
  try { json = text ? JSON.parse(text) : {}; } catch { json = { text }; }
  return { ok: response.ok, status: response.status, json, text };
}

/** A ProblemDetails as one line, with the fields (400) or elements (422) it names. */
export function problemText(result) {
  const p = result.json ?? {};
  const head = p.detail ?? p.title ?? `The server answered ${result.status}.`;
  const errors = Array.isArray(p.errors)
    ? p.errors.map((e) => `${e.element}: ${e.message}`)
    : Object.entries(p.errors ?? {}).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`);
  return errors.length ? `${head} ${errors.join('; ')}` : head;
}

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node[key] = value;
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined).map((c) => (c instanceof Node ? c : String(c))));
  return node;
}

export function when(iso) {
  if (!iso) return '';
  const utc = new Date(iso).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
}

/** Shows what an action did (status) or why it did not (problem). */
export function report(target, message, isProblem = false) {
  target.textContent = message;
  target.classList.toggle('problem', isProblem);
  target.setAttribute('role', isProblem ? 'alert' : 'status');
}
