// The house rules in Camunda Modeler's problems panel while drawing: .bpmnlintrc (bpmnlint's recommended rules and
// bpmnlint-plugin-motcua), compiled with every rule into this bundle, as Camunda's custom linter rules plugin does.
import { registerClientPlugin } from 'camunda-modeler-plugin-helpers';
import lintRules from 'bpmnlintrc';

registerClientPlugin(lintRules, 'lintRules.bpmn');
