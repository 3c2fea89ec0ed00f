const { is, properties, label } = require('../lib/model');

/** Where a process has lanes, a reader sees who does what: each role's steps in one lane, no lane with two roles. */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:Lane')) {
      return;
    }
    const roles = new Set((node.flowNodeRef || [])
      .filter(element => is(element, 'bpmn:UserTask'))
      .map(element => properties(element).role)
      .filter(Boolean));
    if (roles.size > 1) {
      reporter.report(node.id, `Làn ${label(node)} có bước của nhiều vai trò (${[ ...roles ].join(', ')}): `
        + 'mỗi vai trò một làn — one role per lane');
    }
  }
  return { check };
};
