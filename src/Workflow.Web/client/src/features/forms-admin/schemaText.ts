// What a designer pastes or chooses, read in the browser before anything is sent: the JSON itself (with the
// line and column of a syntax error), the form in it (Form.io's builder exports the form with `components` at
// its root; a wrapper with `schema` or `form` is accepted too), and the component a refusal's path points to.

export const keyPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export type Reading =
  | { ok: true; schema: Record<string, unknown> }
  | { ok: false; problem: 'empty' }
  | { ok: false; problem: 'syntax'; line: number; column: number; position: number }
  | { ok: false; problem: 'no-form' };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const isForm = (v: unknown): v is Json => isObject(v) && Array.isArray(v.components);

/**
 * Where the first JSON syntax error of a text is: a small recursive-descent reader, since the browser's
 * JSON.parse message does not always say (Chromium names the token, not its place, for a trailing comma).
 */
export function syntaxErrorAt(text: string): number {
  let i = 0;
  const space = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const fail = (): never => { throw i; };
  const literal = (word: string) => { if (text.startsWith(word, i)) i += word.length; else fail(); };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] < ' ') fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail(); i += 4; }
        else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++; space();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string(); space();
        if (text[i] !== ':') fail();
        i++; value(); space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail();
      }
    }
    if (c === '[') {
      i++; space();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  try {
    value(); space();
    return i < text.length ? i : -1;
  } catch (at) {
    return typeof at === 'number' ? at : 0;
  }
}

function place(text: string) {
  const found = syntaxErrorAt(text);
  const position = found < 0 ? text.length : found;
  const before = text.slice(0, position).split('\n');
  return { position, line: before.length, column: before[before.length - 1].length + 1 };
}

export function readSchema(text: string): Reading {
  if (!text.trim()) return { ok: false, problem: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'syntax', ...place(text) };
  }
  if (isForm(value)) return { ok: true, schema: value };
  if (isObject(value)) {
    for (const wrapper of ['schema', 'form']) if (isForm(value[wrapper])) return { ok: true, schema: value[wrapper] as Json };
  }
  return { ok: false, problem: 'no-form' };
}

/** A key proposed from the form's own name or path (what the builder exports), or from the file's name. */
export function proposedKey(schema: Json, fileName?: string): string {
  for (const candidate of [schema.name, schema.path, fileName?.replace(/\.json$/i, '')]) {
    if (typeof candidate !== 'string') continue;
    const key = candidate.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (keyPattern.test(key)) return key;
  }
  return '';
}

export interface Located { label: string | null; key: string | null; type: string | null; within: string[] }

const describe = (c: Json) => {
  const label = [c.label, c.title, c.legend].find((v) => typeof v === 'string' && v.trim()) as string | undefined;
  return { label: label?.trim() ?? null, key: typeof c.key === 'string' ? c.key : null, type: typeof c.type === 'string' ? c.type : null };
};

/**
 * The component at a refusal's path ("components[1].components[0]", "schema.components[2].label"), with the
 * labels of the components around it; null when the path leads to no component of this schema.
 */
export function locate(schema: unknown, path: string): Located | null {
  const steps = [...path.replace(/^schema\.?/, '').matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[2] !== undefined ? Number(m[2]) : m[1]);
  let node: unknown = schema;
  const components: Json[] = [];
  for (const step of steps) {
    if (typeof step === 'number' ? !Array.isArray(node) : !isObject(node)) break;
    node = (node as Record<string | number, unknown>)[step];
    if (isObject(node) && typeof node.type === 'string') components.push(node);
  }
  const found = components.pop();
  if (!found) return null;
  return { ...describe(found), within: components.map((c) => describe(c)).map((c) => c.label ?? c.key ?? c.type ?? '').filter(Boolean) };
}
