const { BUDGET, is, properties, label } = require('../lib/model');

/** Every user task, and every wait for another agency, has a working-time budget like 4h or 2d. */
module.exports = function() {
  function check(node, reporter) {
    const { budget, agency } = properties(node);
    const needsBudget = is(node, 'bpmn:UserTask') || (is(node, 'bpmn:ReceiveTask') && agency !== undefined);
    if (budget === undefined) {
      if (needsBudget) {
        reporter.report(node.id, `Bước ${label(node)} chưa có thời hạn: thêm thuộc tính budget, ví dụ 4h hoặc 2d `
          + '— the step needs a budget');
      }
    } else if (!BUDGET.test(budget)) {
      reporter.report(node.id, `Bước ${label(node)}: budget "${budget}" phải có dạng 4h hoặc 2d `
        + '(1 ngày = 8 giờ làm việc) — a budget looks like 4h or 2d');
    }
  }
  return { check };
};
