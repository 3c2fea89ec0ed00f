const rules = [
  'department-step',
  'step-budget',
  'public-status',
  'task-form',
  'no-candidate-groups',
  'handoff-send',
  'agency-wait',
  'message-wait-timeout',
  'message-name',
  'dossier-status',
  'signing-step',
  'history-time-to-live',
  'no-code-in-models',
  'documented-beans',
  'lanes-by-role'
];

module.exports = {
  configs: {
    recommended: {
      rules: Object.fromEntries(rules.map(rule => [ rule, 'error' ]))
    }
  },
  rules: Object.fromEntries(rules.map(rule => [ rule, './rules/' + rule ]))
};
