// Collects the (form, submission data) pairs that @formio/core's own test suite, shipped in its
// npm package (lib/process/**/__tests__/*.test.js), hands to core: every call of processSync /
// process, and every rule test's generateProcessorContext(component, data, form), whose lone
// component is wrapped in a form. The tests run under tiny stand-ins for mocha and chai (their
// assertions are not checked: only the inputs matter); core's answers are asked again by
// validate.js, the way the Form.io server validates.
// Prints one JSON line per distinct case: {id, source, title, form, data}.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');

const coreDir = path.join(__dirname, 'node_modules', '@formio', 'core');
const coreLib = path.join(coreDir, 'lib');
const version = JSON.parse(fs.readFileSync(path.join(coreDir, 'package.json'), 'utf8')).version;
const write = (s) => fs.writeSync(1, s + '\n');
console.log = console.info = console.warn = console.error = console.debug = () => {};

// chai: every assertion chain is accepted.
const chain = new Proxy(function () {}, { get: (t, p) => (p === 'then' ? undefined : chain), apply: () => chain });
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'chai') return { expect: () => chain, assert: chain, should: () => chain };
  return originalLoad.apply(this, arguments);
};

const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
const seen = new Set();
let current = '';
let count = 0;
function record(form, data) {
  let text;
  try {
    text = JSON.stringify({ form: clone(form), data: clone(data ?? {}) });
  } catch {
    return;
  }
  if (seen.has(text)) return;
  seen.add(text);
  const c = JSON.parse(text);
  if (!c.form || !Array.isArray(c.form.components)) return;
  count++;
  write(JSON.stringify({ id: `pkg-${String(count).padStart(3, '0')}`, source: `@formio/core ${version} package tests`, title: current, form: c.form, data: c.data }));
}

const processModule = require(path.join(coreLib, 'process', 'process.js'));
for (const name of ['process', 'processSync']) {
  const original = processModule[name];
  processModule[name] = function (context) {
    record(context.form ?? { components: context.components }, context.submission?.data ?? context.data);
    return original.apply(this, arguments);
  };
}
for (const util of ['process/__tests__/fixtures/util.js', 'process/validation/rules/__tests__/fixtures/util.js']) {
  const file = path.join(coreLib, util);
  if (!fs.existsSync(file)) continue;
  const m = require(file);
  if (typeof m.generateProcessorContext !== 'function') continue;
  const original = m.generateProcessorContext;
  m.generateProcessorContext = function (component, data, form) {
    record(form ?? { components: [component] }, data);
    return original.apply(this, arguments);
  };
}

// mocha: describe/it/hooks collected, then run in order.
const root = { title: '', tests: [], suites: [], before: [], beforeEach: [], after: [], afterEach: [] };
let suite = root;
const self = { timeout() { return self; }, skip() { throw new Skip(); }, retries() { return self; }, slow() { return self; } };
class Skip extends Error {}
function describe(title, fn) {
  const child = { title, tests: [], suites: [], before: [], beforeEach: [], after: [], afterEach: [], parent: suite };
  suite.suites.push(child);
  const outer = suite;
  suite = child;
  try { fn.call(self); } catch { /* a suite that fails to declare contributes what it declared */ }
  suite = outer;
}
function it(title, fn) { if (fn) suite.tests.push({ title, fn }); }
describe.skip = describe.only = describe;
it.skip = () => {};
it.only = it;
Object.assign(global, {
  describe, context: describe, it, specify: it,
  before: (fn) => suite.before.push(fn), after: (fn) => suite.after.push(fn),
  beforeEach: (fn) => suite.beforeEach.push(fn), afterEach: (fn) => suite.afterEach.push(fn),
});

function call(fn) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2000);
    const finish = () => { clearTimeout(timer); resolve(); };
    try {
      if (fn.length >= 1) { fn.call(self, finish); return; }
      Promise.resolve(fn.call(self)).then(finish, finish);
    } catch {
      finish();
    }
  });
}
function hooks(s, kind) {
  const list = [];
  for (let x = s; x; x = x.parent) list.unshift(...x[kind]);
  return list;
}
async function run(s, titles) {
  for (const h of s.before) await call(h);
  for (const t of s.tests) {
    current = [...titles, t.title].filter(Boolean).join(' ');
    for (const h of hooks(s, 'beforeEach')) await call(h);
    await call(t.fn);
    for (const h of hooks(s, 'afterEach')) await call(h);
  }
  for (const child of s.suites) await run(child, [...titles, child.title]);
  for (const h of s.after) await call(h);
}

const tests = [];
(function find(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) find(p);
    else if (e.name.endsWith('.test.js') && p.includes(`${path.sep}__tests__${path.sep}`)) tests.push(p);
  }
})(path.join(coreLib, 'process'));
(async () => {
  for (const file of tests.sort()) {
    suite = root;
    const before = root.suites.length;
    try { require(file); } catch { continue; }
    const rel = path.relative(coreLib, file);
    for (const s of root.suites.slice(before)) await run(s, [`${rel} ::`, s.title]);
  }
  process.exit(0);
})();
