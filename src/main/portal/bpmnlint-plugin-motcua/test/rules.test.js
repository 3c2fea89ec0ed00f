// One passing and one breaking model per rule (test/fixtures/<rule>/), linted as the build lints (bpmn-moddle alone)
// and as Camunda Modeler lints (with the Camunda extension). Run: npm run test:bpmnlint (node --test).
const { describe, it } = require('node:test');
const assert = require('node:assert');
const { join } = require('node:path');
const Linter = require('bpmnlint/lib/linter');
const { readModdle } = require('bpmnlint/lib/testers/helper');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');
const plugin = require('..');

/** The elements each breaking model must be reported for, and a part of the message a designer reads. */
const BREAKING = {
  'department-step': {
    Task_NoRole: 'chưa có vai trò', Task_UnknownRole: 'role "director"', Task_BadDepartment: 'department "Phòng Tư pháp"',
    // what a template leaves when the designer fills nothing: value="" is not set
    Task_BlankRole: 'chưa có vai trò'
  },
  'step-budget': {
    Task_NoBudget: 'chưa có thời hạn', Task_BadBudget: 'budget "2 ngày"', Task_AgencyNoBudget: 'chưa có thời hạn',
    Task_BlankBudget: 'chưa có thời hạn'
  },
  'public-status': { Task_NoStatus: 'publicStatus' },
  'task-form': { Task_NoForm: 'chưa có biểu mẫu', Task_LatestForm: 'binding "deployment"' },
  'no-candidate-groups': { Task_Groups: 'bỏ candidateGroups' },
  'handoff-send': { Task_NoReceiver: 'chưa có cơ quan nhận', Task_OtherBean: '${handoffs}' },
  'agency-wait': { Task_WithAgency: 'receive task' },
  'message-wait-timeout': { Task_AwaitForever: 'boundary timer', Event_SupplementReceived: 'event-based gateway' },
  'message-name': { Message_Lower: 'Msg_', Message_NoName: 'Msg_' },
  'dossier-status': { Event_Returned: '"11"' },
  'signing-step': { Task_SignedNowhere: 'Task_Missing', Task_SealNoNumber: 'number', Task_Unknown: 'person hoặc seal' },
  'history-time-to-live': { p: 'History time to live' },
  'no-code-in-models': { Task_Script: 'script', Task_Class: 'java.lang.Runtime', Task_InlineScript: 'camunda:script' },
  'documented-beans': { Task_Bean: 'runtimeService', Flow_Escape: 'execution' },
  'lanes-by-role': { Lane_Reception: 'reception, clerk' }
};

const FLAVOURS = { 'the build (bpmn-moddle)': undefined, 'Camunda Modeler (camunda-bpmn-moddle)': { camunda } };

async function lint(rule, fixture, extensions) {
  const { root, warnings } = await readModdle(join(__dirname, 'fixtures', rule, fixture + '.bpmn'), extensions);
  assert.deepStrictEqual(warnings.map(warning => warning.message), [], `${rule}/${fixture}.bpmn parses cleanly`);
  const linter = new Linter({
    resolver: { resolveRule: () => require('../rules/' + rule), resolveConfig: () => { throw new Error('none'); } }
  });
  const results = await linter.lint(root, { rules: { ['motcua/' + rule]: 'error' } });
  return results['motcua/' + rule] || [];
}

describe('bpmnlint-plugin-motcua', () => {
  it('recommends every rule it has, and has a test for each', () => {
    assert.deepStrictEqual(Object.keys(plugin.configs.recommended.rules).sort(), Object.keys(BREAKING).sort());
    assert.deepStrictEqual(Object.keys(plugin.rules).sort(), Object.keys(BREAKING).sort());
  });

  for (const [ rule, expected ] of Object.entries(BREAKING)) {
    describe(rule, () => {
      for (const [ flavour, extensions ] of Object.entries(FLAVOURS)) {
        it(`passes its passing model, as ${flavour}`, async () => {
          assert.deepStrictEqual(await lint(rule, 'passing', extensions), []);
        });

        it(`reports each element of its breaking model, as ${flavour}`, async () => {
          const reports = await lint(rule, 'breaking', extensions);
          assert.deepStrictEqual([ ...new Set(reports.map(report => report.id)) ].sort(), Object.keys(expected).sort());
          for (const report of reports) {
            assert.ok(report.message.includes(expected[report.id]),
              `${report.id}: "${report.message}" should say ${expected[report.id]}`);
          }
        });
      }
    });
  }
});
