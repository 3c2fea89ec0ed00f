// The Camunda Modeler client plugin as the Modeler loads it: the descriptor names the bundle, the bundle registers
// { config, resolver } as 'lintRules.bpmn', the resolver has every house rule, and the bundled config reports a
// breaking model's element. Run after the build: npm run test:modeler (node --test), MOTCUA_MODELER=<target/modeler>.
const { describe, it, before } = require('node:test');
const assert = require('node:assert');
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const vm = require('node:vm');
const Linter = require('bpmnlint/lib/linter');
const { readModdle } = require('bpmnlint/lib/testers/helper');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');
const houseRules = require('bpmnlint-plugin-motcua');

const PLUGIN = resolve(process.env.MOTCUA_MODELER || join(__dirname, '../../../../../target/modeler'),
  'plugins/motcua-lint');
const FIXTURES = join(__dirname, '../../bpmnlint-plugin-motcua/test/fixtures');

describe('the Camunda Modeler plugin motcua-lint', () => {
  let registered;

  before(() => {
    const window = {};
    vm.runInNewContext(readFileSync(join(PLUGIN, require(PLUGIN).script), 'utf8'), { window, console });
    registered = window.plugins;
  });

  it('is described to the Modeler by name and script', () => {
    const descriptor = require(PLUGIN);
    assert.match(descriptor.name, /Một Cửa/);
    assert.strictEqual(descriptor.script, './dist/client.js');
  });

  it("registers one plugin as 'lintRules.bpmn' with a config and a resolver", () => {
    assert.strictEqual(registered.length, 1);
    assert.strictEqual(registered[0].type, 'lintRules.bpmn');
    assert.ok(registered[0].plugin.config.rules);
    assert.strictEqual(typeof registered[0].plugin.resolver.resolveRule, 'function');
  });

  it('configures and resolves every house rule as an error, and the recommended rules of bpmnlint', () => {
    const { config, resolver } = registered[0].plugin;
    for (const rule of Object.keys(houseRules.rules)) {
      assert.strictEqual(config.rules['motcua/' + rule], 'error', rule);
      assert.strictEqual(typeof resolver.resolveRule('bpmnlint-plugin-motcua', rule), 'function', rule);
    }
    assert.ok(config.rules['label-required']);
  });

  for (const rule of Object.keys(houseRules.rules)) {
    it(`reports ${rule} on its breaking model and not on its passing model, with the bundled config`, async () => {
      const { config, resolver } = registered[0].plugin;
      const reports = async fixture => {
        const { root } = await readModdle(join(FIXTURES, rule, fixture + '.bpmn'), { camunda });
        const results = await new Linter({ resolver }).lint(root, config);
        return results['motcua/' + rule] || [];
      };
      assert.notDeepStrictEqual(await reports('breaking'), []);
      assert.deepStrictEqual(await reports('passing'), []);
    });
  }
});
