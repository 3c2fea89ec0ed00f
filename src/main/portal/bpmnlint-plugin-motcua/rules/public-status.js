const { is, properties, label } = require('../lib/model');

/** The tracking page shows the citizen where the dossier is: each user task says it (publicStatus or dossierStatus). */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const values = properties(node);
    if (!values.publicStatus && !values.dossierStatus) {
      reporter.report(node.id, `Bước ${label(node)} chưa có trạng thái cho công dân: thêm publicStatus `
        + '(hoặc dossierStatus) — the tracking page needs publicStatus');
    }
  }
  return { check };
};
