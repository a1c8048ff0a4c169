// The @formio/core side of `workflow bench forms --node`: validates every {form, submission}
// case of the file named as first argument with processSync (the same server-side processors
// as validate.js), once to warm up and then RUNS times, and prints {"perSecond": [...]}.
'use strict';
const fs = require('fs');
const { processSync, ProcessTargets } = require('@formio/core');

const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const runs = Number(process.argv[3] || 5);
console.error = () => {};
console.log = () => {};
console.warn = () => {};

function validate(form, submission) {
  const data = JSON.parse(JSON.stringify((submission && submission.data) || {}));
  const context = {
    form, submission: { data }, components: JSON.parse(JSON.stringify(form.components || [])), data,
    processors: ProcessTargets.evaluator, scope: {}, config: { server: true },
  };
  try { processSync(context); } catch (err) { return false; }
  return (context.scope.errors || []).length === 0;
}

const perSecond = [];
for (let run = 0; run <= runs; run++) {
  const started = process.hrtime.bigint();
  for (const c of cases) validate(c.form, c.submission);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run > 0) perSecond.push(cases.length / seconds);
}
process.stdout.write(JSON.stringify({ perSecond }));
