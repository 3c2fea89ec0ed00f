const { properties, label } = require('../lib/model');

const STATUSES = [ '1', '2', '3', '4', '5', '6', '7', '8', '9', '10' ];

/** dossierStatus is a national status code of the Cổng Dịch vụ công quốc gia, 1 to 10. */
module.exports = function() {
  function check(node, reporter) {
    const { dossierStatus } = properties(node);
    if (dossierStatus !== undefined && !STATUSES.includes(dossierStatus)) {
      reporter.report(node.id, `${label(node)}: dossierStatus "${dossierStatus}" phải là mã trạng thái quốc gia `
        + 'từ 1 đến 10 — dossierStatus is 1 to 10');
    }
  }
  return { check };
};
