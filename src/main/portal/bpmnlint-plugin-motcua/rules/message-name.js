const { is, label } = require('../lib/model');

const NAME = /^Msg_[A-Z][A-Za-z]+$/;

/** Message names are global in the engine: Msg_ and the procedure or handoff they belong to. */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:Message') && !NAME.test(node.name || '')) {
      reporter.report(node.id, `Thông điệp ${label(node)}: tên phải có dạng Msg_TenLienThong, ví dụ `
        + 'Msg_BirthResidenceRequest — message names look like Msg_Name');
    }
  }
  return { check };
};
