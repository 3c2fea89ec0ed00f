const { ROLES, is, properties, label } = require('../lib/model');

const DEPARTMENT = /^([a-z0-9]+-[a-z]+|\$\{[A-Za-z_][A-Za-z0-9_]*\})$/;

/** A user task goes to a role of the procedure's unit (`role`) or to a department group (`department`). */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const { role, department } = properties(node);
    if (department !== undefined) {
      if (!DEPARTMENT.test(department)) {
        reporter.report(node.id, `Bước ${label(node)}: department "${department}" phải là một nhóm (donvi-vaitro) `
          + 'hoặc ${biến} — department must be a group like unit-role or ${variable}');
      }
    } else if (role === undefined) {
      reporter.report(node.id, `Bước ${label(node)} chưa có vai trò: thêm thuộc tính role (${ROLES.join(', ')}) `
        + 'hoặc department — a user task needs the property role or department');
    } else if (!ROLES.includes(role)) {
      reporter.report(node.id, `Bước ${label(node)}: role "${role}" không phải một trong ${ROLES.join(', ')} `
        + '— unknown role');
    }
  }
  return { check };
};
