const { is, isAny, properties, camunda, eventDefinitions, label } = require('../lib/model');

/** Whatever sends a message is a handoff to another agency: ${handoffs}, with the receiver in `to`. */
module.exports = function() {
  function check(node, reporter) {
    let delegate;
    if (is(node, 'bpmn:SendTask')) {
      delegate = camunda(node, 'delegateExpression');
    } else if (isAny(node, [ 'bpmn:IntermediateThrowEvent', 'bpmn:EndEvent' ])) {
      const [ message ] = eventDefinitions(node, 'bpmn:MessageEventDefinition');
      if (!message) {
        return;
      }
      delegate = camunda(message, 'delegateExpression');
    } else {
      return;
    }
    if (delegate !== '${handoffs}') {
      reporter.report(node.id, `Bước gửi ${label(node)}: delegateExpression phải là \${handoffs} `
        + '— a send step is a handoff through ${handoffs}');
    }
    if (!properties(node).to) {
      reporter.report(node.id, `Bước gửi ${label(node)} chưa có cơ quan nhận: thêm thuộc tính to `
        + '— a handoff needs the receiver in to');
    }
  }
  return { check };
};
