// Bundles the public pages: our scripts with form-js and bpmn-js from npm, plus their stylesheets and fonts.
// Usage: node build.mjs <output folder> (Maven passes target/classes/static/portal).
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] ?? '../../../target/classes/static/portal');
mkdirSync(out, { recursive: true });

await build({
  entryPoints: ['src/portal.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outfile: `${out}/portal.js`,
  logLevel: 'warning'
});

cpSync('pages', out, { recursive: true });
// Parts every page shares (header, applicant fields) are written once in partials/ and put in at build time.
for (const page of readdirSync('pages').filter(name => name.endsWith('.html'))) {
  const html = readFileSync(`pages/${page}`, 'utf8').replace(
    /^[ \t]*<!-- include: ([a-z-]+) -->\n/gm,
    (_, part) => readFileSync(`partials/${part}.html`, 'utf8'));
  writeFileSync(`${out}/${page}`, html);
}
cpSync('node_modules/@bpmn-io/form-js-viewer/dist/assets/form-js.css', `${out}/vendor/form-js.css`);
cpSync('node_modules/bpmn-js/dist/assets', `${out}/vendor/bpmn-js`, { recursive: true });
console.log(`portal built into ${out}`);
