const { is, camunda, label } = require('../lib/model');

/** The platform sets the candidate group from `role`/`department`; a group typed in by hand would bypass it. */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:UserTask') && camunda(node, 'candidateGroups')) {
      reporter.report(node.id, `Bước ${label(node)}: bỏ candidateGroups, dùng thuộc tính role hoặc department `
        + '— the platform assigns the group from role/department');
    }
  }
  return { check };
};
