const { is, properties, label } = require('../lib/model');

/** `agency` makes a wait a step of another agency in the timeline: only a receive task waits so. */
module.exports = function() {
  function check(node, reporter) {
    if (properties(node).agency !== undefined && !is(node, 'bpmn:ReceiveTask')) {
      reporter.report(node.id, `${label(node)}: thuộc tính agency chỉ dùng cho nhiệm vụ nhận (receive task) `
        + '— agency belongs on a receive task');
    }
  }
  return { check };
};
