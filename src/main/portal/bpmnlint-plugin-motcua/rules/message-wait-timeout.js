const { is, eventDefinitions, boundaryEvents, label } = require('../lib/model');

/** A wait for a message without a timeout path would hang the dossier. */
module.exports = function() {
  function isTimer(node) {
    return eventDefinitions(node, 'bpmn:TimerEventDefinition').length > 0;
  }

  function check(node, reporter) {
    if (is(node, 'bpmn:ReceiveTask')) {
      if (!boundaryEvents(node).some(isTimer)) {
        reporter.report(node.id, `${label(node)} chờ thông điệp mà không có hạn: gắn một sự kiện hẹn giờ biên `
          + '(boundary timer), ví dụ ${stepDue.after(execution, \'5d\')} — a receive task needs a boundary timer');
      }
    } else if (is(node, 'bpmn:IntermediateCatchEvent')
        && eventDefinitions(node, 'bpmn:MessageEventDefinition').length) {
      const timed = (node.incoming || [])
        .map(flow => flow.sourceRef)
        .filter(source => is(source, 'bpmn:EventBasedGateway'))
        .some(gateway => (gateway.outgoing || []).some(flow => isTimer(flow.targetRef)));
      if (!timed) {
        reporter.report(node.id, `${label(node)} chờ thông điệp mà không có hạn: đặt nó sau một cổng theo sự kiện `
          + '(event-based gateway) cạnh một sự kiện hẹn giờ — a message catch needs a timer beside it');
      }
    }
  }
  return { check };
};
