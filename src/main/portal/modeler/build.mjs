// Builds what a designer uses in Camunda Modeler, outside the application's static resources:
//   <out>/plugins/motcua-lint/  the Modeler client plugin showing the house rules while drawing (copy it into the
//                               Modeler's resources/plugins);
//   <out>/test-page/            a page with the Modeler's own packages for Camunda 7 and our element templates, for
//                               ElementTemplatesBrowserTests.
// Usage, from src/main/portal: node modeler/build.mjs [<out>] (Maven passes target/modeler).
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const portal = resolve(here, '..');
const project = resolve(portal, '../../..');
const out = resolve(process.argv[2] ?? resolve(project, 'target/modeler'));
const require = createRequire(resolve(portal, 'package.json'));
const compileConfig = require('bpmnlint/lib/support/compile-config');

/** `import lintRules from 'bpmnlintrc'` gives { config, resolver } with every rule of .bpmnlintrc in the bundle. */
const bundledLintRules = {
  name: 'bpmnlintrc',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^bpmnlintrc$/ }, () => ({ path: resolve(portal, '.bpmnlintrc'), namespace: 'bpmnlintrc' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'bpmnlintrc' }, async args => ({
      contents: await compileConfig(JSON.parse(readFileSync(args.path, 'utf8'))),
      resolveDir: portal,
      loader: 'js'
    }));
  }
};

const common = { bundle: true, format: 'iife', target: 'es2020', logLevel: 'warning', plugins: [ bundledLintRules ] };

const plugin = `${out}/plugins/motcua-lint`;
await build({ ...common, entryPoints: [ `${here}/plugin/client.js` ], outfile: `${plugin}/dist/client.js` });
cpSync(`${here}/plugin/index.js`, `${plugin}/index.js`);
cpSync(`${here}/plugin/README.md`, `${plugin}/README.md`);

const page = `${out}/test-page`;
await build({
  ...common,
  entryPoints: [ `${here}/test-page/modeler.js` ],
  outfile: `${page}/modeler.js`,
  minify: true,
  loader: { '.json': 'json' }
});
cpSync(`${here}/test-page/index.html`, `${page}/index.html`);
mkdirSync(`${page}/vendor`, { recursive: true });
const modules = resolve(portal, 'node_modules');
cpSync(`${modules}/bpmn-js/dist/assets`, `${page}/vendor/bpmn-js`, { recursive: true });
cpSync(`${modules}/@bpmn-io/properties-panel/dist/assets/properties-panel.css`, `${page}/vendor/properties-panel.css`);
cpSync(`${modules}/bpmn-js-element-templates/dist/assets/element-templates.css`, `${page}/vendor/element-templates.css`);
cpSync(`${modules}/@bpmn-io/element-template-chooser/dist/element-template-chooser.css`,
  `${page}/vendor/element-template-chooser.css`);
cpSync(`${modules}/bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css`, `${page}/vendor/bpmn-js-bpmnlint.css`);
mkdirSync(`${page}/element-templates`, { recursive: true });
writeFileSync(`${page}/element-templates/motcua.json`,
  readFileSync(resolve(project, 'bpmn/.camunda/element-templates/motcua.json')));
console.log(`modeler plugin and test page built into ${out}`);
