// The @formio/core side of `workflow bench forms --node`: validates every {form, submission}
// case of the file named as first argument with processSync (core's Processors and
// config.server = true, as validate.js and the Form.io server), over and over for WARMUP seconds (third
// argument, default 10; the first pass is timed as the cold start), then RUNS times, and prints
// {"perSecond": [...], "first": n}.
'use strict';
const fs = require('fs');
const { processSync, Processors } = require('@formio/core');

const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const runs = Number(process.argv[3] || 5);
const warmup = Number(process.argv[4] || 10);
console.error = () => {};
console.log = () => {};
console.warn = () => {};

// core changes the form's components as it goes (logic actions), so each submission gets its own
// copy of the form and of the data, made before the clock starts, as the C# side parses once.
function validate({ form, data }) {
  const context = {
    form, submission: { data }, components: form.components, data,
    processors: Processors, scope: { errors: [] }, config: { server: true },
  };
  try { processSync(context); } catch (err) { return false; }
  return (context.scope.errors || []).length === 0;
}

function pass() {
  const copies = cases.map((c) => JSON.parse(JSON.stringify({ form: c.form, data: (c.submission && c.submission.data) || {} })));
  const started = process.hrtime.bigint();
  for (const c of copies) validate(c);
  return cases.length / (Number(process.hrtime.bigint() - started) / 1e9);
}

const warming = process.hrtime.bigint();
const first = pass();
while (Number(process.hrtime.bigint() - warming) / 1e9 < warmup) pass();
const perSecond = [];
for (let run = 0; run < runs; run++) perSecond.push(pass());
process.stdout.write(JSON.stringify({ perSecond, first }));
