const { is, properties, camunda, label } = require('../lib/model');

/** ${resultSignature} signs as a person (after the approval task in signedAt) or seals (with the number). */
module.exports = function() {
  function userTaskIds(node) {
    let root = node;
    while (root.$parent) {
      root = root.$parent;
    }
    const ids = new Set();
    (function collect(element) {
      for (const child of element.rootElements || element.flowElements || []) {
        if (is(child, 'bpmn:UserTask')) {
          ids.add(child.id);
        }
        collect(child);
      }
    })(root);
    return ids;
  }

  function check(node, reporter) {
    if (camunda(node, 'delegateExpression') !== '${resultSignature}') {
      return;
    }
    const { signature, signedAt, number } = properties(node);
    if (signature === 'person') {
      if (!signedAt || !userTaskIds(node).has(signedAt)) {
        reporter.report(node.id, `Ký số ${label(node)}: signedAt phải là id của bước duyệt mà người ký hoàn thành `
          + `(ví dụ Task_SignResult)${signedAt ? `, không có bước ${signedAt}` : ''} — signedAt names the approval task`);
      }
    } else if (signature === 'seal') {
      if (!number) {
        reporter.report(node.id, `Đóng dấu ${label(node)}: thêm thuộc tính number = biến số văn bản `
          + '(ví dụ resultNumber) — a seal needs the number');
      }
    } else {
      reporter.report(node.id, `Ký số ${label(node)}: thuộc tính signature phải là person hoặc seal `
        + '— signature is person or seal');
    }
  }
  return { check };
};
