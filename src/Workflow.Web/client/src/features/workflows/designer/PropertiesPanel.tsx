// The designer's properties panel: what our engine reads from the selected element (docs/engine.md),
// edited through bpmn-js's modeling so that every change is one step of undo/redo. The wf extension
// elements live in bpmn:extensionElements and are created with bpmnFactory from the moddle descriptor.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagram, DiagramElement, ModdleElement } from '../bpmn/diagram';
import type { Catalogue } from '../api';
import { SelectField, TextField, TextInput } from './fields';

/* eslint-disable @typescript-eslint/no-explicit-any */
const is = (bo: ModdleElement, type: string): boolean => !!bo?.$instanceOf?.(type);

interface Command { cmd: string; context: unknown }

/** The writing side: modeling commands on one element, run as one undo step. */
class Writer {
  constructor(readonly diagram: Diagram, readonly element: DiagramElement) {}

  get factory() { return this.diagram.get('bpmnFactory'); }

  run(commands: Command[]) {
    if (commands.length) this.diagram.get('commandStack').execute('wf.multi', { commands });
  }

  update(properties: Record<string, unknown>, element: DiagramElement = this.element): Command {
    return { cmd: 'element.updateProperties', context: { element, properties } };
  }

  updateModdle(moddleElement: ModdleElement, properties: Record<string, unknown>): Command {
    return { cmd: 'element.updateModdleProperties', context: { element: this.element, moddleElement, properties } };
  }

  /** The wf extension elements of a type on the element. */
  extensions(type: string): ModdleElement[] {
    return (this.element.businessObject.extensionElements?.values ?? []).filter((v: ModdleElement) => v.$type === type);
  }

  private container(commands: Command[]) {
    let container = this.element.businessObject.extensionElements;
    if (!container) {
      container = this.factory.create('bpmn:ExtensionElements', { values: [] });
      commands.push(this.update({ extensionElements: container }));
    }
    return container;
  }

  /** Makes sure extensionElements holds a `type` element (created when missing) with `properties`. */
  setExtension(type: string, properties: Record<string, unknown>): Command[] {
    const commands: Command[] = [];
    const container = this.container(commands);
    let ext = container.values.find((v: ModdleElement) => v.$type === type);
    if (!ext) {
      ext = this.factory.create(type, {});
      ext.$parent = container;
      commands.push(this.updateModdle(container, { values: [...container.values, ext] }));
    }
    commands.push(this.updateModdle(ext, properties));
    return commands;
  }

  addExtension(type: string, properties: Record<string, unknown>): Command[] {
    const commands: Command[] = [];
    const container = this.container(commands);
    const ext = this.factory.create(type, properties);
    ext.$parent = container;
    commands.push(this.updateModdle(container, { values: [...container.values, ext] }));
    return commands;
  }

  removeExtension(ext: ModdleElement): Command[] {
    const container = this.element.businessObject.extensionElements;
    return [this.updateModdle(container, { values: container.values.filter((v: ModdleElement) => v !== ext) })];
  }
}

/** Follows the selection and the command stack: shows the selected element (the process when none) as it now is. */
export function PropertiesPanel({ diagram, catalogue }: { diagram: Diagram; catalogue: Catalogue }) {
  const { t } = useTranslation('workflows');
  const [element, setElement] = useState<DiagramElement | null>(null);
  const [, setRevision] = useState(0);
  useEffect(() => {
    const selected = ({ newSelection }: { newSelection: DiagramElement[] }) => setElement(newSelection.length === 1 ? newSelection[0] : null);
    const changed = () => {
      setElement((e: DiagramElement | null) => (e && diagram.get('elementRegistry').get(e.id) ? e : null));
      setRevision((r) => r + 1);
    };
    const imported = () => { setElement(null); setRevision((r) => r + 1); };
    diagram.on('selection.changed', selected);
    diagram.on('commandStack.changed', changed);
    diagram.on('import.done', imported);
    return () => {
      diagram.off('selection.changed', selected);
      diagram.off('commandStack.changed', changed);
      diagram.off('import.done', imported);
    };
  }, [diagram]);

  const shown = element ?? diagram.get('canvas').getRootElement();
  return (
    <aside id="properties" className="designer-properties" aria-label={t('panel.label')}>
      {/* Before the first diagram is imported the canvas has an empty root. */}
      {shown?.businessObject && <Sections key={shown.id} writer={new Writer(diagram, shown)} catalogue={catalogue} />}
    </aside>
  );
}

function Sections({ writer, catalogue }: { writer: Writer; catalogue: Catalogue }) {
  const { t } = useTranslation('workflows');
  const bo = writer.element.businessObject;
  const type = String(bo.$type).replace('bpmn:', '');
  const root = is(bo, 'bpmn:Process');
  // The engine runs message and timer events that catch (start, intermediate, boundary), not throw ones.
  const definition = is(bo, 'bpmn:CatchEvent') ? bo.eventDefinitions?.[0] : undefined;
  // Error boundary events catch a refusal by its code; error end events throw one.
  const error = is(bo, 'bpmn:Event') ? bo.eventDefinitions?.find((d: ModdleElement) => is(d, 'bpmn:ErrorEventDefinition')) : undefined;
  return (
    <>
      <h2 className="h6 mt-2">{t(`panel.types.${type}`, { defaultValue: type.replace(/([a-z])([A-Z])/g, '$1 $2') })}</h2>
      <TextField label={root ? t('panel.processKey') : t('panel.id')} name="id" value={bo.id} required
                 onCommit={(id) => { if (id && id !== bo.id) writer.run([writer.update({ id })]); }} />
      <TextField label={t('panel.name')} name="name" value={bo.name} onCommit={(name) => writer.run([writer.update({ name })])} />
      {is(bo, 'bpmn:UserTask') && <UserTask writer={writer} catalogue={catalogue} />}
      {is(bo, 'bpmn:ServiceTask') && <ServiceTask writer={writer} catalogue={catalogue} />}
      {is(definition, 'bpmn:MessageEventDefinition') && <Message writer={writer} catalogue={catalogue} />}
      {is(definition, 'bpmn:TimerEventDefinition') && <Timer writer={writer} definition={definition} />}
      {error && <ErrorCode writer={writer} definition={error} catches={is(bo, 'bpmn:CatchEvent')} />}
      {is(bo, 'bpmn:SequenceFlow') && <Flow writer={writer} />}
    </>
  );
}

function Group({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="border rounded p-2 my-2">
      <legend className="fs-6 fw-semibold float-none w-auto px-1 mb-1">{legend}</legend>
      {children}
    </fieldset>
  );
}

function UserTask({ writer, catalogue }: { writer: Writer; catalogue: Catalogue }) {
  const { t } = useTranslation('workflows');
  const [def] = writer.extensions('wf:TaskDefinition');
  const set = (prop: string) => (value: string | undefined) => writer.run(writer.setExtension('wf:TaskDefinition', { [prop]: value }));
  return (
    <Group legend={t('panel.userTask')}>
      <SelectField label={t('panel.form')} name="formKey" value={def?.formKey}
                   options={catalogue.forms.map((f) => ({ value: f.key, label: `${f.title} (${f.key})` }))} onCommit={set('formKey')} />
      <TextField label={t('panel.assignee')} name="assignee" value={def?.assignee} onCommit={set('assignee')} placeholder="=referentId" />
      <SelectField label={t('panel.candidateRole')} name="candidateRole" value={def?.candidateRole}
                   options={catalogue.roles.map((r) => ({ value: r, label: t(`common:roles.${r}`, { defaultValue: r }) }))} onCommit={set('candidateRole')} />
      <TextField label={t('panel.dueDate')} name="dueDate" value={def?.dueDate} onCommit={set('dueDate')} placeholder={t('panel.dueDateHint')} />
    </Group>
  );
}

function ServiceTask({ writer, catalogue }: { writer: Writer; catalogue: Catalogue }) {
  const { t } = useTranslation('workflows');
  const [command] = writer.extensions('wf:Command');
  const set = (prop: string) => (value: string | undefined) => writer.run(writer.setExtension('wf:Command', { [prop]: value }));
  const known = catalogue.commands.find((c) => c.name === command?.name);
  return (
    <Group legend={t('panel.serviceTask')}>
      <SelectField label={t('panel.command')} name="command" value={command?.name}
                   options={catalogue.commands.map((c) => ({ value: c.name, label: c.name }))} onCommit={set('name')} />
      <TextField label={t('panel.retries')} name="retries" value={command?.retries} onCommit={set('retries')} placeholder="3" inputMode="numeric" />
      <TextField label={t('panel.retryBackoff')} name="retryBackoff" value={command?.retryBackoff} onCommit={set('retryBackoff')} placeholder="PT30S" />
      <Mappings writer={writer} type="wf:Input" legend={t('panel.inputs')} fields={known?.fields ?? []} />
      <Mappings writer={writer} type="wf:Output" legend={t('panel.outputs')} fields={[]} />
    </Group>
  );
}

/**
 * Rows target ← expression. The command's fields not mapped yet are offered as empty rows (required
 * ones marked *): typing an expression there adds the mapping; clearing an expression removes it.
 */
function Mappings({ writer, type, legend, fields }: { writer: Writer; type: 'wf:Input' | 'wf:Output'; legend: string; fields: Catalogue['commands'][number]['fields'] }) {
  const { t } = useTranslation('workflows');
  const kind = type === 'wf:Input' ? 'input' : 'output';
  const kindName = t(`panel.kind.${kind}`);
  const rows: ModdleElement[] = writer.extensions(type);
  const mapped = new Set(rows.map((m) => m.target));
  const field = (name: string | undefined) => fields.find((f) => f.name === name);
  const required = (target: string | undefined) => field(target)?.required
    ? <abbr title={t('panel.required')} className="ms-1 text-danger">*</abbr> : null;
  return (
    <div className="mappings">
      <h3 className="h6 mt-2 mb-1">{legend}</h3>
      <table className="table table-sm mb-1">
        <tbody>
          {rows.map((m, i) => (
            <tr key={`m-${i}`}>
              <td>
                <TextInput name={`${kind}-target-${i}`} value={m.target} ariaLabel={t('panel.target', { kind: kindName, n: i + 1 })}
                           onCommit={(target) => writer.run([writer.updateModdle(m, { target })])} />
                {required(m.target)}
              </td>
              <td aria-hidden="true">←</td>
              <td>
                <TextInput name={`${kind}-expression-${m.target ?? i}`} value={m.expression} ariaLabel={t('panel.expression', { kind: kindName, name: m.target ?? i + 1 })}
                           onCommit={(expression) => writer.run(expression ? [writer.updateModdle(m, { expression })] : writer.removeExtension(m))} />
              </td>
            </tr>
          ))}
          {fields.filter((f) => !mapped.has(f.name)).map((f, j) => (
            <tr key={`o-${f.name}`} className="suggested">
              <td>
                <TextInput name={`${kind}-target-${rows.length + j}`} value={f.name} ariaLabel={t('panel.target', { kind: kindName, n: rows.length + j + 1 })}
                           onCommit={() => {}} />
                {required(f.name)}
              </td>
              <td aria-hidden="true">←</td>
              <td>
                <TextInput name={`${kind}-expression-${f.name}`} value="" ariaLabel={t('panel.expression', { kind: kindName, name: f.name })}
                           placeholder={t('panel.typedExpression', { type: f.type })}
                           onCommit={(expression) => { if (expression) writer.run(writer.addExtension(type, { target: f.name, expression })); }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-sm btn-outline-secondary"
              onClick={() => writer.run(writer.addExtension(type, { target: `new${kind}${rows.length + 1}`, expression: 'null' }))}>
        {kind === 'input' ? t('panel.addInput') : t('panel.addOutput')}
      </button>
    </div>
  );
}

function Message({ writer, catalogue }: { writer: Writer; catalogue: Catalogue }) {
  const { t } = useTranslation('workflows');
  const [msg] = writer.extensions('wf:Message');
  const set = (prop: string) => (value: string | undefined) => writer.run(writer.setExtension('wf:Message', { [prop]: value }));
  const event = catalogue.events.find((e) => e.type === msg?.eventType);
  return (
    <Group legend={t('panel.message')}>
      <SelectField label={t('panel.eventType')} name="eventType" value={msg?.eventType}
                   options={catalogue.events.map((e) => ({ value: e.type, label: e.type }))} onCommit={set('eventType')} />
      {event && <p className="form-text mt-0">{t('panel.eventFields', { fields: event.fields.map((f) => f.name).join(', ') })}</p>}
      <TextField label={t('panel.condition')} name="condition" value={msg?.condition} onCommit={set('condition')} placeholder="event.kind === 'expertise'" />
      <TextField label={t('panel.correlation')} name="correlation" value={msg?.correlation} onCommit={set('correlation')} placeholder="dossierId" />
      <TextField label={t('panel.resultVariable')} name="resultVariable" value={msg?.resultVariable} onCommit={set('resultVariable')} />
    </Group>
  );
}

const timerKinds = ['timeDate', 'timeDuration', 'timeCycle'] as const;

function Timer({ writer, definition }: { writer: Writer; definition: ModdleElement }) {
  const { t } = useTranslation('workflows');
  const current = timerKinds.find((k) => definition[k]) ?? 'timeDuration';
  const value: string | undefined = definition[current]?.body;
  const write = (kind: string, body: string | undefined) => writer.run([writer.updateModdle(definition, Object.fromEntries(timerKinds.map((k) =>
    [k, k === kind && body !== undefined ? writer.factory.create('bpmn:FormalExpression', { body }) : undefined])))]);
  const placeholder = current === 'timeCycle' ? 'R/2026-12-01T08:00:00Z/P1D' : current === 'timeDate' ? '2026-12-01T08:00:00Z' : 'PT1H';
  return (
    <Group legend={t('panel.timer')}>
      <SelectField label={t('panel.timerType')} name="timerKind" value={current}
                   options={timerKinds.map((k) => ({ value: k, label: t(`panel.${k}`) }))} onCommit={(kind) => write(kind ?? 'timeDuration', value ?? '')} />
      <TextField label={t('panel.timerValue')} name="timerValue" value={value} onCommit={(body) => write(current, body)} placeholder={placeholder} />
    </Group>
  );
}

/**
 * The error's code: the bpmn:Error of the diagram with that code (made when none has it) becomes the
 * definition's errorRef. Empty: a boundary event catches any error.
 */
function ErrorCode({ writer, definition, catches }: { writer: Writer; definition: ModdleElement; catches: boolean }) {
  const { t } = useTranslation('workflows');
  const write = (errorCode: string | undefined) => {
    if (!errorCode) { writer.run([writer.updateModdle(definition, { errorRef: undefined })]); return; }
    const definitions = writer.diagram.getDefinitions();
    const commands: Command[] = [];
    let error = definitions.rootElements.find((e: ModdleElement) => is(e, 'bpmn:Error') && e.errorCode === errorCode);
    if (!error) {
      error = writer.factory.create('bpmn:Error', { name: errorCode, errorCode });
      error.$parent = definitions;
      commands.push(writer.updateModdle(definitions, { rootElements: [...definitions.rootElements, error] }));
    }
    commands.push(writer.updateModdle(definition, { errorRef: error }));
    writer.run(commands);
  };
  return (
    <Group legend={t('panel.error')}>
      <TextField label={t('panel.errorCode')} name="errorCode" value={definition.errorRef?.errorCode} onCommit={write}
                 placeholder={catches ? t('panel.anyError') : 'BROKEN'} />
      {catches && <p className="form-text mt-0">{t('panel.errorHint')}</p>}
    </Group>
  );
}

function Flow({ writer }: { writer: Writer }) {
  const { t } = useTranslation('workflows');
  const element = writer.element;
  const bo = element.businessObject;
  const source = element.source;
  const gateway = is(source?.businessObject, 'bpmn:ExclusiveGateway') || is(source?.businessObject, 'bpmn:InclusiveGateway');
  return (
    <Group legend={t('panel.flow')}>
      <TextField label={t('panel.condition')} name="condition" value={bo.conditionExpression?.body} placeholder="approved === true"
                 onCommit={(body) => writer.run([writer.update({ conditionExpression: body ? writer.factory.create('bpmn:FormalExpression', { body }) : undefined })])} />
      {gateway && (
        <div className="form-check">
          <input className="form-check-input" type="checkbox" id="flow-default" name="default" checked={source.businessObject.default === bo}
                 onChange={(e) => writer.run([writer.update({ default: e.target.checked ? bo : undefined }, source)])} />
          <label className="form-check-label" htmlFor="flow-default">{t('panel.defaultFlow')}</label>
        </div>
      )}
    </Group>
  );
}
