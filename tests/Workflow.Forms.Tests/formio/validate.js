// Prints, for each {form, submission} case, the (path, rule) errors that @formio/core reports
// the way the Form.io server validates a submission: processSync with core's Processors
// (serverOverride, filter, defaultValue, dereference, fetch, calculate, conditions, logic,
// normalize, clearHidden, validate) and config.server = true.
// Input: a JSON array on stdin or in the file named as argument.
'use strict';
const fs = require('fs');
const { processSync, Processors } = require('@formio/core');

function pathOf(e) {
  const p = (e.context && (e.context.path ?? (e.context.component && e.context.component.key)));
  return Array.isArray(p) ? p.join('.') : p;
}

function validate(form, submission) {
  const data = JSON.parse(JSON.stringify((submission && submission.data) || {}));
  const errors = [];
  const context = {
    form,
    submission: { data },
    components: form.components,
    data,
    processors: Processors,
    scope: { errors },
    config: { server: true },
  };
  try {
    processSync(context);
  } catch (err) {
    return { crash: String((err && err.message) || err), errors: [] };
  }
  return { errors: (context.scope.errors || errors).map((e) => ({ path: pathOf(e), rule: e.ruleName })) };
}

const input = fs.readFileSync(process.argv[2] || 0, 'utf8');
const cases = JSON.parse(input);
// Errors that core logs to the console must not corrupt the JSON on stdout.
console.error = console.log = console.warn = console.info = console.debug = () => {};
process.stdout.write(JSON.stringify(cases.map((c) => validate(JSON.parse(JSON.stringify(c.form)), c.submission))));
