// The designer's properties panel: what our engine reads from the selected element (docs/engine.md),
// edited through bpmn-js's modeling so that every change is one step of undo/redo. The wf extension
// elements live in bpmn:extensionElements and are created with bpmnFactory from the moddle descriptor.

/** One command stack entry made of several modeling commands (one undo step for one edit). */
class MultiCommandHandler {
  static $inject = ['commandStack'];
  constructor(commandStack) { this.commandStack = commandStack; }
  preExecute({ commands }) { for (const c of commands) this.commandStack.execute(c.cmd, c.context); }
}

function registerMultiCommand(commandStack) { commandStack.registerHandler('wf.multi', MultiCommandHandler); }
registerMultiCommand.$inject = ['commandStack'];

/** A bpmn-js module: pass it in additionalModules. */
export const multiCommandModule = { __init__: ['wfMultiCommand'], wfMultiCommand: ['type', registerMultiCommand] };

/** Builds an element: h('label', { text: 'Name' }, child…); attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k in el && typeof el[k] !== 'function' && k !== 'list') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

const is = (bo, type) => bo?.$instanceOf?.(type);
const blank = (v) => (v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim());

export class PropertiesPanel {
  constructor(modeler, container, catalogue) {
    this.modeler = modeler;
    this.container = container;
    this.catalogue = catalogue;
    this.modeling = modeler.get('modeling');
    this.factory = modeler.get('bpmnFactory');
    this.commandStack = modeler.get('commandStack');
    this.element = null;
    const eventBus = modeler.get('eventBus');
    eventBus.on('selection.changed', ({ newSelection }) => this.show(newSelection.length === 1 ? newSelection[0] : null));
    // Undo, redo and our own edits: show the element as it now is, keeping the field being edited.
    eventBus.on('commandStack.changed', () => this.show(this.element && modeler.get('elementRegistry').get(this.element.id) ? this.element : null));
    eventBus.on('import.done', () => this.show(null));
  }

  show(element) {
    const focused = this.container.contains(document.activeElement) ? document.activeElement.name : null;
    this.element = element ?? this.modeler.get('canvas').getRootElement();
    // Before the first diagram is imported the canvas has an empty root.
    this.container.replaceChildren(...(this.element.businessObject ? this.sections(this.element) : []));
    if (focused) this.container.querySelector(`[name="${CSS.escape(focused)}"]`)?.focus();
  }

  // ---- writing -----------------------------------------------------------------------------------

  run(commands) {
    if (commands.length) this.commandStack.execute('wf.multi', { commands });
  }

  update(properties) {
    return { cmd: 'element.updateProperties', context: { element: this.element, properties } };
  }

  updateModdle(moddleElement, properties) {
    return { cmd: 'element.updateModdleProperties', context: { element: this.element, moddleElement, properties } };
  }

  /** The wf extension elements of a type on the selected element. */
  extensions(type) {
    return (this.element.businessObject.extensionElements?.values ?? []).filter((v) => v.$type === type);
  }

  /**
   * Commands that make sure bpmn:extensionElements holds a `type` element with `properties`
   * (created when missing), and the element they act on.
   */
  setExtension(type, properties) {
    const bo = this.element.businessObject;
    const commands = [];
    let container = bo.extensionElements;
    if (!container) {
      container = this.factory.create('bpmn:ExtensionElements', { values: [] });
      commands.push(this.update({ extensionElements: container }));
    }
    let ext = container.values.find((v) => v.$type === type);
    if (!ext) {
      ext = this.factory.create(type, {});
      ext.$parent = container;
      commands.push(this.updateModdle(container, { values: [...container.values, ext] }));
    }
    commands.push(this.updateModdle(ext, properties));
    return commands;
  }

  addExtension(type, properties) {
    const commands = [];
    let container = this.element.businessObject.extensionElements;
    if (!container) {
      container = this.factory.create('bpmn:ExtensionElements', { values: [] });
      commands.push(this.update({ extensionElements: container }));
    }
    const ext = this.factory.create(type, properties);
    ext.$parent = container;
    commands.push(this.updateModdle(container, { values: [...container.values, ext] }));
    return commands;
  }

  removeExtension(ext) {
    const container = this.element.businessObject.extensionElements;
    return [this.updateModdle(container, { values: container.values.filter((v) => v !== ext) })];
  }

  // ---- fields ------------------------------------------------------------------------------------

  text(label, name, value, onChange, attrs = {}) {
    return h('label', {}, h('span', { text: label }),
      h('input', { name, value: value ?? '', onchange: (e) => onChange(blank(e.target.value)), ...attrs }));
  }

  select(label, name, value, options, onChange) {
    const known = options.some((o) => o.value === (value ?? ''));
    const all = [{ value: '', label: '—' }, ...options, ...(known || !value ? [] : [{ value, label: `${value} (unknown)` }])];
    return h('label', {}, h('span', { text: label }),
      h('select', { name, onchange: (e) => onChange(blank(e.target.value)) },
        all.map((o) => h('option', { value: o.value, text: o.label, selected: o.value === (value ?? '') }))));
  }

  sections(element) {
    const bo = element.businessObject;
    const out = [h('h2', { text: this.title(element) })];
    const root = is(bo, 'bpmn:Process');
    out.push(this.text(root ? 'Clé / key (process id)' : 'Id', 'id', bo.id, (id) => {
      if (id && id !== bo.id) this.run([this.update({ id })]);
    }, { required: true }));
    out.push(this.text('Nom / name', 'name', bo.name, (name) => this.run([this.update({ name })])));
    if (is(bo, 'bpmn:UserTask')) out.push(this.userTask());
    if (is(bo, 'bpmn:ServiceTask')) out.push(this.serviceTask());
    // The engine runs message and timer events that catch (start, intermediate, boundary), not throw ones.
    const definition = is(bo, 'bpmn:CatchEvent') ? bo.eventDefinitions?.[0] : undefined;
    if (is(definition, 'bpmn:MessageEventDefinition')) out.push(this.message());
    if (is(definition, 'bpmn:TimerEventDefinition')) out.push(this.timer(definition));
    // Error boundary events catch a refusal by its code; error end events throw one.
    const error = is(bo, 'bpmn:Event') ? bo.eventDefinitions?.find((d) => is(d, 'bpmn:ErrorEventDefinition')) : undefined;
    if (error) out.push(this.error(error, is(bo, 'bpmn:CatchEvent')));
    if (is(bo, 'bpmn:SequenceFlow')) out.push(this.flow(element));
    return out;
  }

  title(element) {
    const type = element.businessObject.$type.replace('bpmn:', '');
    return type === 'Process' ? 'Processus / process' : type.replace(/([a-z])([A-Z])/g, '$1 $2');
  }

  userTask() {
    const [def] = this.extensions('wf:TaskDefinition');
    const set = (prop) => (value) => this.run(this.setExtension('wf:TaskDefinition', { [prop]: value }));
    return h('fieldset', {}, h('legend', { text: 'Tâche / user task' }),
      this.select('Formulaire / form key', 'formKey', def?.formKey,
        this.catalogue.forms.map((f) => ({ value: f.key, label: `${f.title} (${f.key})` })), set('formKey')),
      this.text('Assigné à / assignee', 'assignee', def?.assignee, set('assignee'), { placeholder: '=referentId' }),
      this.select('Rôle candidat / candidate role', 'candidateRole', def?.candidateRole,
        this.catalogue.roles.map((r) => ({ value: r, label: r })), set('candidateRole')),
      this.text('Échéance / due date', 'dueDate', def?.dueDate, set('dueDate'), { placeholder: 'P3D, 2026-12-01T10:00:00Z or =addWorkingDays(3)' }));
  }

  serviceTask() {
    const [command] = this.extensions('wf:Command');
    const set = (prop) => (value) => this.run(this.setExtension('wf:Command', { [prop]: value }));
    const known = this.catalogue.commands.find((c) => c.name === command?.name);
    return h('fieldset', {}, h('legend', { text: 'Service / service task' }),
      this.select('Commande / command', 'command', command?.name,
        this.catalogue.commands.map((c) => ({ value: c.name, label: c.name })), set('name')),
      this.text('Tentatives / retries', 'retries', command?.retries, set('retries'), { placeholder: '3', inputmode: 'numeric' }),
      this.text('Délai entre tentatives / retry backoff', 'retryBackoff', command?.retryBackoff, set('retryBackoff'), { placeholder: 'PT30S' }),
      this.mappings('wf:Input', 'Entrées / inputs', known?.fields ?? []),
      this.mappings('wf:Output', 'Sorties / outputs (see result)', []));
  }

  /**
   * Rows target ← expression. The command's fields not mapped yet are offered as empty rows (required
   * ones marked *): typing an expression there adds the wf:input; clearing an expression removes it.
   */
  mappings(type, legend, fields) {
    const kind = type === 'wf:Input' ? 'input' : 'output';
    const rows = this.extensions(type).map((m, i) => ({ m, i }));
    const mapped = new Set(rows.map(({ m }) => m.target));
    const field = (name) => fields.find((f) => f.name === name);
    const row = (target, expression, i, onTarget, onExpression, suggested) => h('tr', { class: suggested ? 'suggested' : null },
      h('td', {}, h('input', { name: `${kind}-target-${i}`, value: target ?? '', 'aria-label': `${kind} ${i + 1} target`, onchange: (e) => onTarget(blank(e.target.value)) }),
        field(target)?.required ? h('abbr', { title: 'required', text: '*' }) : null),
      h('td', { text: '←' }),
      h('td', {}, h('input', { name: `${kind}-expression-${target ?? i}`, value: expression ?? '', 'aria-label': `${kind} ${target ?? i + 1} expression`,
        placeholder: suggested ? `${field(target)?.type ?? ''} expression` : '', onchange: (e) => onExpression(blank(e.target.value)) })));
    const existing = rows.map(({ m, i }) => row(m.target, m.expression, i,
      (target) => this.run([this.updateModdle(m, { target })]),
      (expression) => this.run(expression ? [this.updateModdle(m, { expression })] : this.removeExtension(m)), false));
    const offered = fields.filter((f) => !mapped.has(f.name)).map((f, j) => row(f.name, '', rows.length + j,
      () => {}, (expression) => expression && this.run(this.addExtension(type, { target: f.name, expression })), true));
    return h('div', { class: 'mappings' }, h('h3', { text: legend }),
      h('table', {}, h('tbody', {}, existing, offered)),
      h('button', { type: 'button', text: `+ ${kind}`, onclick: () => this.run(this.addExtension(type, { target: `new${kind}${rows.length + 1}`, expression: 'null' })) }));
  }

  message() {
    const [msg] = this.extensions('wf:Message');
    const set = (prop) => (value) => this.run(this.setExtension('wf:Message', { [prop]: value }));
    const event = this.catalogue.events.find((e) => e.type === msg?.eventType);
    return h('fieldset', {}, h('legend', { text: 'Message' }),
      this.select('Événement / event type', 'eventType', msg?.eventType,
        this.catalogue.events.map((e) => ({ value: e.type, label: e.type })), set('eventType')),
      event ? h('p', { class: 'hint', text: `event: ${event.fields.map((f) => f.name).join(', ')}` }) : null,
      this.text('Condition', 'condition', msg?.condition, set('condition'), { placeholder: "event.kind === 'expertise'" }),
      this.text('Corrélation / correlation', 'correlation', msg?.correlation, set('correlation'), { placeholder: 'dossierId' }),
      this.text('Variable résultat / result variable', 'resultVariable', msg?.resultVariable, set('resultVariable')));
  }

  timer(definition) {
    const kinds = [['timeDate', 'Date'], ['timeDuration', 'Durée / duration'], ['timeCycle', 'Cycle']];
    const current = kinds.find(([k]) => definition[k])?.[0] ?? 'timeDuration';
    const value = definition[current]?.body;
    const write = (kind, body) => this.run([this.updateModdle(definition, Object.fromEntries(kinds.map(([k]) =>
      [k, k === kind && body !== undefined ? this.factory.create('bpmn:FormalExpression', { body }) : undefined])))]);
    return h('fieldset', {}, h('legend', { text: 'Minuterie / timer' }),
      this.select('Type', 'timerKind', current, kinds.map(([k, l]) => ({ value: k, label: l })), (kind) => write(kind ?? 'timeDuration', value ?? '')),
      this.text('Valeur / value (ISO 8601 or =expression)', 'timerValue', value, (body) => write(current, body),
        { placeholder: current === 'timeCycle' ? 'R/2026-12-01T08:00:00Z/P1D' : current === 'timeDate' ? '2026-12-01T08:00:00Z' : 'PT1H' }));
  }

  /**
   * The error's code: the bpmn:Error of the diagram with that code (made when none has it) becomes the
   * definition's errorRef. Empty: a boundary event catches any error.
   */
  error(definition, catches) {
    const write = (errorCode) => {
      if (!errorCode) { this.run([this.updateModdle(definition, { errorRef: undefined })]); return; }
      const definitions = this.modeler.getDefinitions();
      const commands = [];
      let error = definitions.rootElements.find((e) => is(e, 'bpmn:Error') && e.errorCode === errorCode);
      if (!error) {
        error = this.factory.create('bpmn:Error', { name: errorCode, errorCode });
        error.$parent = definitions;
        commands.push(this.updateModdle(definitions, { rootElements: [...definitions.rootElements, error] }));
      }
      commands.push(this.updateModdle(definition, { errorRef: error }));
      this.run(commands);
    };
    return h('fieldset', {}, h('legend', { text: 'Erreur / error' }),
      this.text("Code d'erreur / error code", 'errorCode', definition.errorRef?.errorCode, write,
        { placeholder: catches ? 'overlap (empty: any error)' : 'BROKEN' }),
      catches ? h('p', { class: 'hint', text: "A service task's refusal reason, e.g. overlap, outside-availability, busy-elsewhere, not-an-expert." }) : null);
  }

  flow(element) {
    const bo = element.businessObject;
    const source = element.source;
    const out = [this.text('Condition', 'condition', bo.conditionExpression?.body, (body) =>
      this.run([this.update({ conditionExpression: body ? this.factory.create('bpmn:FormalExpression', { body }) : undefined })]),
    { placeholder: 'approved === true' })];
    if (is(source?.businessObject, 'bpmn:ExclusiveGateway') || is(source?.businessObject, 'bpmn:InclusiveGateway')) {
      out.push(h('label', { class: 'check' }, h('input', {
        type: 'checkbox', name: 'default', checked: source.businessObject.default === bo,
        onchange: (e) => this.run([{ cmd: 'element.updateProperties', context: { element: source, properties: { default: e.target.checked ? bo : undefined } } }]),
      }), h('span', { text: 'Flux par défaut / default flow' })));
    }
    return h('fieldset', {}, h('legend', { text: 'Flux / sequence flow' }), out);
  }
}
