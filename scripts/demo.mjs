// `npm run demo`: builds the CLI, indexes the example vault and shows what a search finds and the vision
// elements. Uses a real model when one is on this machine (VISIEWIJZER_MODEL_DIR or the plugin folder);
// otherwise keyword-only, and the CLI says so.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const vault = 'examples/vault';
const modelArgs = process.env.VISIEWIJZER_MODEL_DIR ? ['--model-dir', process.env.VISIEWIJZER_MODEL_DIR] : [];
const run = (...args) => execFileSync(process.execPath, ['dist/cli.cjs', ...args], { stdio: 'inherit' });
const say = (text) => console.log(`\n=== ${text}\n`);

if (!existsSync('dist/cli.cjs') || process.env.CI) execFileSync(process.execPath, ['esbuild.config.mjs', 'production'], { stdio: 'inherit' });

say(`Index ${vault}`);
run('index', vault, ...modelArgs);
for (const query of ['samenwerking tussen leerlingen', 'hoe gaan we om met pesten', 'leerlingen kiezen zelf hun planning']) {
  say(`Search: "${query}"`);
  run('search', vault, query, '--k', '3', ...modelArgs);
}
say('Vision elements (kernwaarden and pijlers)');
run('elements', vault);
