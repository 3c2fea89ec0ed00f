// A bpmn-js Modeler wired as Camunda Modeler 5 wires it for Camunda 7: the properties panel with the Camunda 7
// properties, Camunda's modeling behaviours, element templates with their chooser, and linting with the project's
// .bpmnlintrc. It loads bpmn/.camunda/element-templates/motcua.json and exposes window.motcua for the browser test.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaPlatformBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import LintingModule from 'bpmn-js-bpmnlint';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import lintRules from 'bpmnlintrc';

const modeler = new BpmnModeler({
  container: '#canvas',
  propertiesPanel: { parent: '#properties' },
  linting: { bpmnlint: lintRules, active: true },
  additionalModules: [
    BpmnPropertiesPanelModule,
    BpmnPropertiesProviderModule,
    CamundaPlatformPropertiesProviderModule,
    CamundaPlatformBehaviorsModule,
    ElementTemplatesPropertiesProviderModule,
    ElementTemplateChooserModule,
    LintingModule
  ],
  moddleExtensions: { camunda: camundaModdle }
});

/** A new diagram as Camunda Modeler 5 creates one for Camunda 7, with the platform's history time to live. */
const NEW_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_Modeler" name="Thủ tục thử" isExecutable="true" camunda:historyTimeToLive="P1825D">
    <bpmn:startEvent id="Event_Received" name="Tiếp nhận hồ sơ" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_Modeler">
      <bpmndi:BPMNShape id="Event_Received_di" bpmnElement="Event_Received">
        <dc:Bounds x="152" y="102" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

const registry = () => modeler.get('elementRegistry');
const element = id => {
  const found = registry().get(id);
  if (!found) {
    throw new Error(`no element ${id}`);
  }
  return found;
};

/** What a designer does with the mouse, through the services the palette, context pad and panel call. */
window.modeler = modeler;
window.motcua = {
  ready: fetch('element-templates/motcua.json')
    .then(response => response.json())
    .then(templates => modeler.get('elementTemplates').set(templates))
    .then(() => modeler.importXML(NEW_DIAGRAM)),

  templates: () => modeler.get('elementTemplates').getAll().map(template => template.id),

  /** Appends an element after another, as the context pad's "append" does, and gives it an id and a name. */
  append(afterId, type, id, name, eventDefinitionType, down) {
    const shape = modeler.get('elementFactory')
      .createShape(eventDefinitionType ? { type, eventDefinitionType } : { type });
    const source = element(afterId);
    const appended = modeler.get('modeling').appendShape(source, shape,
      { x: source.x + source.width + 120, y: source.y + source.height / 2 + (down || 0) },
      source.host ? source.host.parent : source.parent);
    modeler.get('modeling').updateProperties(appended, { id, name });
    return appended.id;
  },

  /** Attaches a boundary timer to an activity, as dropping a timer on its border does, with its date expression. */
  attachTimer(hostId, id, name, timeDate) {
    const host = element(hostId);
    const shape = modeler.get('elementFactory')
      .createShape({ type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' });
    const timer = modeler.get('modeling').createShape(shape, { x: host.x + host.width / 2, y: host.y + host.height },
      host, { attach: true });
    modeler.get('modeling').updateProperties(timer, { id, name });
    window.motcua.timeDate(id, timeDate);
    return timer.id;
  },

  /** Sets an event's timer date, as the Timer group of the properties panel does. */
  timeDate(id, expression) {
    const timer = element(id).businessObject.eventDefinitions[0];
    const bpmnFactory = modeler.get('bpmnFactory');
    const timeDate = bpmnFactory.create('bpmn:FormalExpression', { body: expression });
    modeler.get('modeling').updateModdleProperties(element(id), timer, { timeDate });
  },

  /** Gives the element a new message of this name, as the Message group's "Create new …" does. */
  message(id, messageId, name) {
    const target = element(id);
    const holder = target.businessObject.eventDefinitions ? target.businessObject.eventDefinitions[0]
      : target.businessObject;
    const definitions = modeler.getDefinitions();
    const message = modeler.get('bpmnFactory').create('bpmn:Message', { id: messageId, name });
    modeler.get('modeling').updateModdleProperties(target, definitions,
      { rootElements: [ ...definitions.rootElements, message ] });
    modeler.get('modeling').updateModdleProperties(target, holder, { messageRef: message });
  },

  /** The template applied to the element, as the properties panel's template header reads it. */
  appliedTemplate: id => {
    const template = modeler.get('elementTemplates').get(element(id));
    return template ? template.id : null;
  },

  /** The camunda:property values of the element, by name (null where a property has no value). */
  properties(id) {
    const values = {};
    for (const extension of (element(id).businessObject.extensionElements || { values: [] }).values) {
      if (extension.$type === 'camunda:Properties') {
        for (const property of extension.values || []) {
          values[property.name] = property.value === undefined ? null : property.value;
        }
      }
    }
    return values;
  },

  /** A camunda:property of the element by its name, or an attribute such as camunda:formRef; null when unset. */
  value(id, name) {
    const value = name.includes(':') ? element(id).businessObject.get(name) : window.motcua.properties(id)[name];
    return value === undefined ? null : value;
  },

  saveXML: () => modeler.saveXML({ format: true }).then(result => result.xml),

  /** What the Modeler's problems panel would list: bpmnlint with .bpmnlintrc, rule → "element id: message". */
  lint: () => modeler.get('linting').lint().then(results => Object.fromEntries(Object.entries(results)
    .filter(([ , reports ]) => reports.length)
    .map(([ rule, reports ]) => [ rule, reports.map(report => `${report.id}: ${report.message}`) ])))
};
