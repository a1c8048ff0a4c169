// Reads {xml, descriptor} on stdin, imports the XML with bpmn-moddle and the wf descriptor as bpmn-js
// does, exports it again, and prints {xml, warnings, extensions}: the exported text, what the import
// could not read, and the type and attributes of every extension element as the model holds it.
import { BpmnModdle } from 'bpmn-moddle';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { xml, descriptor } = JSON.parse(input);

const moddle = new BpmnModdle({ wf: descriptor });
const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');

const extensions = [];
const visit = (element, seen = new Set()) => {
  if (!element || typeof element !== 'object' || seen.has(element)) return;
  seen.add(element);
  if (element.$type === 'bpmn:ExtensionElements') {
    for (const value of element.values ?? []) {
      const attributes = Object.fromEntries(value.$descriptor.properties.filter((p) => p.isAttr && value[p.name] !== undefined).map((p) => [p.name, value[p.name]]));
      extensions.push({ element: element.$parent.id, type: value.$type, attributes });
    }
  }
  for (const [key, child] of Object.entries(element)) {
    if (key.startsWith('$') || key === 'di') continue;
    if (Array.isArray(child)) child.forEach((c) => visit(c, seen));
    else if (child && typeof child === 'object' && child.$type) visit(child, seen);
  }
};
visit(rootElement);

const { xml: exported } = await moddle.toXML(rootElement, { format: true });
console.log(JSON.stringify({ xml: exported, warnings: warnings.map((w) => w.message), extensions }));
