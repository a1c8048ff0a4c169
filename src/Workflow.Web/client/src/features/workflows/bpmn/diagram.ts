// Our thin wrapper around bpmn-js: the modeler (with our wf moddle extension and a command that
// makes several modeling steps one undo step) and the navigated viewer, plus the few canvas things
// the screens do (fit, markers, overlays, selection). Only this folder and the properties panel
// know bpmn-js; the lazy route chunks are the only ones that load it.
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A bpmn-js diagram element (shape or connection) with its business object. */
export type DiagramElement = any;
/** A bpmn-js moddle element (business object, extension element, definition...). */
export type ModdleElement = any;

export interface Diagram {
  /** A service of the diagram (canvas, modeling, elementRegistry...), for the panel. */
  get<T = any>(name: string): T;
  importXML(xml: string): Promise<unknown>;
  saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
  getDefinitions(): ModdleElement;
  on(event: string, callback: (event: any) => void): void;
  off(event: string, callback: (event: any) => void): void;
  destroy(): void;
}

/** One command stack entry made of several modeling commands (one undo step for one edit). */
class MultiCommandHandler {
  static $inject = ['commandStack'];
  constructor(private readonly commandStack: any) {}
  preExecute({ commands }: { commands: { cmd: string; context: unknown }[] }) {
    for (const c of commands) this.commandStack.execute(c.cmd, c.context);
  }
}

function registerMultiCommand(commandStack: any) { commandStack.registerHandler('wf.multi', MultiCommandHandler); }
registerMultiCommand.$inject = ['commandStack'];
const multiCommandModule = { __init__: ['wfMultiCommand'], wfMultiCommand: ['type', registerMultiCommand] };

export function createModeler(container: HTMLElement, moddle: unknown): Diagram {
  return new Modeler({ container, moddleExtensions: { wf: moddle }, additionalModules: [multiCommandModule] } as any) as unknown as Diagram;
}

export function createViewer(container: HTMLElement): Diagram {
  return new NavigatedViewer({ container }) as unknown as Diagram;
}

/** The whole diagram in view, clear of the palette on the left, never enlarged. */
export function fitModeler(diagram: Diagram) {
  const canvas = diagram.get('canvas');
  const { inner, outer } = canvas.viewbox();
  if (!inner.width || !inner.height) return;
  const [left, top] = [110, 30];
  const scale = Math.min((outer.width - left - 20) / inner.width, (outer.height - top - 20) / inner.height, 1);
  canvas.viewbox({ x: inner.x - left / scale, y: inner.y - top / scale, width: outer.width / scale, height: outer.height / scale });
}

/** The whole diagram in view with room around it for the badges above and texts below the elements. */
export function fitViewer(diagram: Diagram) {
  const canvas = diagram.get('canvas');
  canvas.zoom('fit-viewport');
  const box = canvas.viewbox();
  canvas.viewbox({ x: box.x - 40, y: box.y - 40, width: box.width + 80, height: box.height + 100 });
}

export const has = (diagram: Diagram, id: string) => !!diagram.get('elementRegistry').get(id);

export const elementType = (diagram: Diagram, id: string): string | undefined => diagram.get('elementRegistry').get(id)?.type;

export const isRoot = (diagram: Diagram, id: string) => diagram.get('elementRegistry').get(id) === diagram.get('canvas').getRootElement();

export function addMarker(diagram: Diagram, id: string, marker: string) {
  if (has(diagram, id)) diagram.get('canvas').addMarker(id, marker);
}

export function removeMarker(diagram: Diagram, id: string, marker: string) {
  if (has(diagram, id)) diagram.get('canvas').removeMarker(id, marker);
}

/** A small label on an element: a class and a text (never HTML from data). */
export function addBadge(diagram: Diagram, id: string, type: string, position: Record<string, number>, className: string, text: string, title?: string) {
  if (!has(diagram, id)) return;
  const html = document.createElement('div');
  html.className = className;
  html.textContent = text;
  if (title) html.title = title;
  diagram.get('overlays').add(id, type, { position, html });
}

export function removeBadges(diagram: Diagram, type: string) {
  diagram.get('overlays').remove({ type });
}

/** Selects an element and brings it into view. */
export function selectElement(diagram: Diagram, id: string) {
  const element = diagram.get('elementRegistry').get(id);
  if (!element) return;
  diagram.get('selection').select(element);
  diagram.get('canvas').scrollToElement(element);
}

export function commandState(diagram: Diagram) {
  const stack = diagram.get('commandStack');
  return { canUndo: stack.canUndo() as boolean, canRedo: stack.canRedo() as boolean };
}

/** A new diagram: a process with its start event, ready to draw on. */
export function blankDiagram(name: string) {
  const id = `Process_${Math.random().toString(36).slice(2, 9)}`;
  const escaped = name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:wf="http://workflow.example/schema/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" name="${escaped}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="Start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${id}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
