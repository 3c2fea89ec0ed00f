const { is, camunda, extensions, label } = require('../lib/model');

/** Scripts and Java classes run any code: a model calls the platform's documented beans instead. */
module.exports = function() {
  function hasScript(element) {
    if (!element || typeof element !== 'object') {
      return false;
    }
    if ((element.$type || '').toLowerCase() === 'camunda:script') {
      return true;
    }
    return [ 'values', '$children', 'inputParameters', 'outputParameters', 'definition', 'script' ]
      .some(key => [].concat(element[key] || []).some(hasScript));
  }

  function check(node, reporter) {
    if (is(node, 'bpmn:ScriptTask')) {
      reporter.report(node.id, `${label(node)}: không dùng script trong mô hình — scripts are not allowed`);
    } else if (extensions(node).some(hasScript)) {
      reporter.report(node.id, `${label(node)}: không dùng script (camunda:script) — scripts are not allowed`);
    }
    const javaClass = camunda(node, 'class');
    if (javaClass) {
      reporter.report(node.id, `${label(node)}: không dùng lớp Java ${javaClass}; dùng một bean được công bố `
        + '— Java classes are not allowed, use a documented bean');
    }
  }
  return { check };
};
