const { camunda, label } = require('../lib/model');

// The same reading of expressions as DeploymentChecks (src/main/java/vn/motcua/workflow).
const DOCUMENTED_BEANS = [ 'handoffs', 'stepDue', 'resultSignature' ];
const ENGINE_FUNCTIONS = [ 'currentUser', 'currentUserGroups', 'now', 'dateTime', 'true', 'false', 'null', 'empty',
  'not', 'and', 'or', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'div', 'mod', 'instanceof' ];
const ATTRIBUTES = [ 'delegateExpression', 'expression', 'assignee', 'candidateUsers', 'dueDate', 'followUpDate',
  'formRef', 'resultVariable' ];

/** An expression reaches only the documented beans: anything else it calls into could do anything. */
module.exports = function() {
  function calls(text) {
    const found = [];
    for (const expression of String(text || '').matchAll(/[$#]\{([^}]*)}/g)) {
      const code = expression[1].replace(/'[^']*'|"[^"]*"/g, '\'\'');
      for (const identifier of code.matchAll(/(?<![.\w])([A-Za-z_][A-Za-z0-9_]*)\s*([.([])?/g)) {
        const [ , name, reaches ] = identifier;
        if (reaches && !DOCUMENTED_BEANS.includes(name) && !ENGINE_FUNCTIONS.includes(name)) {
          found.push(`\${${expression[1].trim()}} → ${name}`);
        }
      }
    }
    return found;
  }

  function texts(node) {
    const values = ATTRIBUTES.map(name => camunda(node, name));
    for (const key of [ 'conditionExpression', 'timeDate', 'timeDuration', 'timeCycle', 'completionCondition' ]) {
      if (node[key] && node[key].body) {
        values.push(node[key].body);
      }
    }
    return values;
  }

  function check(node, reporter) {
    for (const call of texts(node).flatMap(calls)) {
      reporter.report(node.id, `${label(node)}: biểu thức ${call} gọi vào một đối tượng ngoài các bean được công bố `
        + `(${DOCUMENTED_BEANS.join(', ')}) — only the documented beans may be called`);
    }
  }
  return { check };
};
