// Reads what the platform reads from a model element, whether the model was parsed with the Camunda extension
// (Camunda Modeler: camunda:Properties, node.formRef) or without it (the bpmnlint command line: generic elements,
// node.$attrs['camunda:formRef']).

const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';

const ROLES = [ 'reception', 'head', 'specialist', 'leader', 'clerk' ];
const BUDGET = /^\d+(h|d)$/;

function is(node, type) {
  return !!node && typeof node.$instanceOf === 'function' && node.$instanceOf(type);
}

function isAny(node, types) {
  return types.some(type => is(node, type));
}

function extensions(node) {
  return (node.extensionElements && node.extensionElements.values) || [];
}

/** The camunda:property values of the element, by name; a blank value is no value. */
function properties(node) {
  const values = {};
  for (const extension of extensions(node)) {
    const type = (extension.$type || '').toLowerCase();
    if (type !== 'camunda:properties') {
      continue;
    }
    const entries = extension.values || extension.$children || [];
    for (const entry of entries) {
      // a template field the designer left empty writes value="": the property is not set (as the platform reads it)
      if ((entry.$type || '').toLowerCase() === 'camunda:property' && entry.name
          && typeof entry.value === 'string' && entry.value.trim() !== '') {
        values[entry.name] = entry.value;
      }
    }
  }
  return values;
}

/** A camunda:* attribute of the element (formRef, delegateExpression, historyTimeToLive, …). */
function camunda(node, name) {
  if (!node) {
    return undefined;
  }
  if (node[name] !== undefined && node[name] !== null && node.$descriptor
      && node.$descriptor.propertiesByName && node.$descriptor.propertiesByName[name]) {
    return node[name];
  }
  const attrs = node.$attrs || {};
  for (const key of Object.keys(attrs)) {
    const [ prefix, local ] = key.includes(':') ? key.split(':') : [ null, key ];
    if (local === name && prefix && namespaceOf(node, prefix) === CAMUNDA_NS) {
      return attrs[key];
    }
  }
  return undefined;
}

function namespaceOf(node, prefix) {
  for (let element = node; element; element = element.$parent) {
    const declared = element.$attrs && element.$attrs['xmlns:' + prefix];
    if (declared) {
      return declared;
    }
  }
  // a fragment parsed on its own: the usual prefix
  return prefix === 'camunda' ? CAMUNDA_NS : undefined;
}

function eventDefinitions(node, type) {
  return (node.eventDefinitions || []).filter(definition => is(definition, type));
}

/** The boundary events attached to the activity, from the flow elements around it. */
function boundaryEvents(activity) {
  const around = (activity.$parent && activity.$parent.flowElements) || [];
  return around.filter(element => is(element, 'bpmn:BoundaryEvent') && element.attachedToRef === activity);
}

function label(node) {
  return node.name ? `"${node.name}"` : node.id;
}

module.exports = {
  ROLES, BUDGET, is, isAny, properties, camunda, eventDefinitions, boundaryEvents, extensions, label
};
