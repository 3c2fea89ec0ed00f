const { is, camunda, label } = require('../lib/model');

/** A user task shows a form of forms/: camunda:formRef = form_…, binding deployment (deployed with the model). */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const formRef = camunda(node, 'formRef');
    if (!formRef) {
      reporter.report(node.id, `Bước ${label(node)} chưa có biểu mẫu: đặt Form → Camunda Forms, formRef = id của `
        + 'một tệp trong forms/ — a user task needs camunda:formRef');
    } else if (camunda(node, 'formRefBinding') !== 'deployment') {
      reporter.report(node.id, `Bước ${label(node)}: biểu mẫu ${formRef} phải có binding "deployment" `
        + '— formRefBinding must be deployment');
    }
  }
  return { check };
};
