// Checks manifest.json the way the community plugin review does, and that versions agree.
import { readFileSync, statSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const versions = JSON.parse(readFileSync('versions.json', 'utf8'));
const problems = [];
const need = (ok, message) => { if (!ok) problems.push(message); };

need(manifest.id === 'visiewijzer', 'id must be "visiewijzer"');
need(!/obsidian/i.test(manifest.id) && !/plugin/i.test(manifest.id), 'id must not contain "obsidian" or "plugin"');
need(manifest.name === 'Visiewijzer', 'name must be "Visiewijzer"');
need(/^\d+\.\d+\.\d+$/.test(manifest.version), 'version must be x.y.z');
need(manifest.version === pkg.version, `manifest version ${manifest.version} differs from package.json ${pkg.version}`);
need(versions[manifest.version] === manifest.minAppVersion, 'versions.json must map the version to minAppVersion');
need(/^\d+\.\d+\.\d+$/.test(manifest.minAppVersion ?? ''), 'minAppVersion must be x.y.z');
need(typeof manifest.description === 'string' && manifest.description.length <= 250 && !/obsidian/i.test(manifest.description), 'description: short, without "Obsidian"');
need(typeof manifest.author === 'string' && manifest.author.length > 0, 'author is required');
need(typeof manifest.isDesktopOnly === 'boolean', 'isDesktopOnly is required');
let size = 0;
try {
  size = statSync('main.js').size;
  // Obsidian's review rejects innerHTML; a dependency's browser build can bring it in unnoticed.
  need(!readFileSync('main.js', 'utf8').includes('innerHTML'), 'main.js uses innerHTML (check which dependency brings it in)');
} catch { problems.push('main.js is missing: run the build first'); }

if (problems.length > 0) {
  console.error(`manifest check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`manifest ok: ${manifest.id} ${manifest.version} (min app ${manifest.minAppVersion}), main.js ${(size / 1024).toFixed(0)} KiB`);
