// Prints, for each {form, submission} case, the (path, rule) errors that @formio/core's
// server-side evaluation reports: the same processors the Form.io server runs after the
// database-bound ones (ProcessTargets.evaluator: defaults, calculations, logic, conditions,
// clearHidden, validation). Input: a JSON array on stdin or in the file named as argument.
'use strict';
const fs = require('fs');
const { processSync, ProcessTargets } = require('@formio/core');

function validate(form, submission) {
  const data = JSON.parse(JSON.stringify((submission && submission.data) || {}));
  const context = {
    form,
    submission: { data },
    components: JSON.parse(JSON.stringify(form.components || [])),
    data,
    processors: ProcessTargets.evaluator,
    scope: {},
    config: { server: true },
  };
  try {
    processSync(context);
  } catch (err) {
    return { crash: String((err && err.message) || err), errors: [] };
  }
  const errors = (context.scope.errors || []).map((e) => ({
    path: e.context && e.context.path,
    rule: e.ruleName,
  }));
  return { errors };
}

const input = fs.readFileSync(process.argv[2] || 0, 'utf8');
const cases = JSON.parse(input);
// Errors that core logs to the console must not corrupt the JSON on stdout.
console.error = () => {};
console.log = () => {};
console.warn = () => {};
process.stdout.write(JSON.stringify(cases.map((c) => validate(c.form, c.submission))));
