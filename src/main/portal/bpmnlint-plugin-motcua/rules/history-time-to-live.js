const { is, camunda, label } = require('../lib/model');

/** The engine refuses an executable process without history time to live. */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:Process') && node.isExecutable && !camunda(node, 'historyTimeToLive')) {
      reporter.report(node.id, `Quy trình ${label(node)} chưa có History time to live `
        + '(camunda:historyTimeToLive, ví dụ P1825D) — set the history time to live');
    }
  }
  return { check };
};
