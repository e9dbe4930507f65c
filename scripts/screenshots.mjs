#!/usr/bin/env node
/**
 * `npm run screenshots`: pictures of the "Visiecheck" sidebar for a reviewer, light and dark.
 *
 * 1. Checks a real lesson plan of examples/vault with the real core (extractive, keyword-only), in Node.
 * 2. Bundles the sidebar's own drawing code (src/plugin/lessonCheck/checkPanel.ts) for the browser, with a
 *    tiny stand-in for the Obsidian DOM helpers it uses (createEl, createDiv, createSpan, setText,
 *    setIcon, setCssProps, …) on real DOM elements, and never innerHTML.
 * 3. Draws it in Debian's headless Chromium (playwright-core, /usr/bin/chromium, an empty profile, every
 *    request that is not to 127.0.0.1 or a file blocked) inside an Obsidian-like sidebar, with Obsidian's
 *    CSS variables for the light and the dark theme plus our styles.css, and saves
 *    docs/screenshots/lesson-check-light.png and lesson-check-dark.png.
 *
 *   node scripts/screenshots.mjs [--plan "Lessen/…md"] [--lang nl|en]
 *
 * Needs /usr/bin/chromium (or CHROMIUM_PATH); never downloads a browser.
 */
import esbuild from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT_DIR = join(ROOT, 'docs', 'screenshots');
const WORK_DIR = join(ROOT, '.tmp', 'screenshots');
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const SIDEBAR_WIDTH = 340;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const PLAN = option('plan', 'Lessen/Groep 8 Burgerschap - Een voorstel voor het schoolplein.md');
const LANG = option('lang', 'nl');

/** The report, computed in Node by the real core: the analysis the sidebar would show. */
async function computeReport() {
  const entry = `
    import { LessonChecker, loadLessonCheckVault } from './src/core/lessonCheck';
    import { parseNote } from './src/core/notes/parseNote';
    import { FolderNoteSource } from './src/cli/folderNoteSource';
    export async function report(root, plan, lang) {
      const source = new FolderNoteSource(root);
      const vault = await loadLessonCheckVault(source);
      const checker = await LessonChecker.prepare(vault, null, { lang });
      return checker.check(parseNote(plan, await source.read(plan)), { lang });
    }`;
  const outfile = join(WORK_DIR, 'report.mjs');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const { report } = await import(pathToFileURL(outfile).href);
  return report(join(ROOT, 'examples', 'vault'), PLAN, LANG);
}

/** Lucide-like icons drawn with a few shapes (the real set ships with Obsidian, not with this repository). */
const ICONS = {
  compass: [['circle', { cx: 12, cy: 12, r: 10 }], ['polygon', { points: '16.2 7.8 14.1 14.1 7.8 16.2 9.9 9.9 16.2 7.8' }]],
  sparkles: [['path', { d: 'M12 3l1.8 5.4L19 10l-5.2 1.6L12 17l-1.8-5.4L5 10l5.2-1.6z' }], ['path', { d: 'M19 3v4M21 5h-4' }]],
  lightbulb: [['path', { d: 'M15 14c.2-1 .7-1.7 1.5-2.5 1-.9 1.5-2.2 1.5-3.5A6 6 0 0 0 6 8c0 1 .2 2.2 1.5 3.5.7.7 1.3 1.5 1.5 2.5' }], ['path', { d: 'M9 18h6M10 22h4' }]],
  quote: [['path', { d: 'M4 6h6v6c0 3-2 5-5 6M14 6h6v6c0 3-2 5-5 6' }]],
  'file-plus': [['path', { d: 'M15 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7z' }], ['path', { d: 'M14 2v5h6M9 15h6M12 12v6' }]],
};

/** The browser bundle: the sidebar's drawing code, the DOM helpers Obsidian adds, and an `obsidian` stand-in. */
async function buildPage() {
  const shim = `
    const ICONS = ${JSON.stringify(ICONS)};
    const SVG = 'http://www.w3.org/2000/svg';
    export function setIcon(parent, id) {
      parent.empty();
      const svg = document.createElementNS(SVG, 'svg');
      for (const [k, v] of Object.entries({ viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', class: 'svg-icon lucide-' + id })) svg.setAttribute(k, String(v));
      for (const [tag, attrs] of ICONS[id] ?? []) {
        const shape = document.createElementNS(SVG, tag);
        for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, String(v));
        svg.appendChild(shape);
      }
      parent.appendChild(svg);
    }
    export function getLanguage() { return ${JSON.stringify(LANG)}; }`;
  const entry = `
    import { renderPanel } from './src/plugin/lessonCheck/checkPanel';
    import { checkHints } from './src/plugin/lessonCheck/checkHints';
    import { setLanguage } from './src/plugin/i18n/i18n';
    import { setIcon } from 'obsidian';
    // Obsidian's helpers on every element (only what the panel uses), as the app defines them.
    const proto = HTMLElement.prototype;
    function make(parent, tag, info, callback) {
      const el = document.createElement(tag);
      const o = typeof info === 'string' ? { cls: info } : info ?? {};
      if (o.cls) el.classList.add(...(Array.isArray(o.cls) ? o.cls : o.cls.split(/\\s+/)).filter(Boolean));
      if (o.text !== undefined) el.textContent = String(o.text);
      for (const [k, v] of Object.entries(o.attr ?? {})) if (v !== null && v !== false) el.setAttribute(k, String(v));
      for (const k of ['title', 'type', 'placeholder', 'href']) if (o[k] !== undefined) el.setAttribute(k, o[k]);
      parent.appendChild(el);
      callback?.(el);
      return el;
    }
    proto.createEl = function (tag, info, cb) { return make(this, tag, info, cb); };
    proto.createDiv = function (info, cb) { return make(this, 'div', info, cb); };
    proto.createSpan = function (info, cb) { return make(this, 'span', info, cb); };
    proto.setText = function (text) { this.textContent = String(text); };
    proto.empty = function () { while (this.firstChild) this.removeChild(this.firstChild); };
    proto.addClass = function (...c) { this.classList.add(...c); };
    proto.removeClass = function (...c) { this.classList.remove(...c); };
    proto.toggleClass = function (c, on) { for (const x of [].concat(c)) this.classList.toggle(x, on); };
    proto.hasClass = function (c) { return this.classList.contains(c); };
    proto.setAttr = function (k, v) { if (v === null) this.removeAttribute(k); else this.setAttribute(k, String(v)); };
    proto.setCssProps = function (props) { for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v); };
    setLanguage(${JSON.stringify(LANG)});
    const none = () => undefined;
    window.drawCheck = (report, model) => {
      setIcon(document.getElementById('header-icon'), 'compass');
      renderPanel(document.getElementById('content'), { kind: 'report', report, hints: checkHints(report, 'les', 'Lessen'), busy: false, model, collapsed: new Set() },
        { openEvidence: none, openLink: none, runModel: none, stopModel: none, insertCallout: none, writeReport: none, toggle: none });
    };`;
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'error',
    plugins: [{
      name: 'obsidian-shim',
      setup(build) {
        build.onResolve({ filter: /^obsidian$/ }, () => ({ path: 'obsidian', namespace: 'obsidian-shim' }));
        build.onLoad({ filter: /.*/, namespace: 'obsidian-shim' }, () => ({ contents: shim, loader: 'js' }));
      },
    }],
  });
  return result.outputFiles[0].text;
}

/** Obsidian's theme variables that styles.css and the panel use, with the default theme's values. */
const THEME_VARS = {
  shared: `
    --font-interface: Inter, "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif;
    --font-ui-smaller: 12px; --font-ui-small: 13px; --font-ui-medium: 15px;
    --font-medium: 500; --font-semibold: 600; --font-bold: 700;
    --line-height-tight: 1.3; --line-height-normal: 1.5;
    --size-2-1: 2px; --size-2-2: 4px; --size-2-3: 6px; --size-4-1: 4px; --size-4-2: 8px; --size-4-3: 12px; --size-4-4: 16px; --size-4-8: 32px;
    --radius-s: 4px; --radius-m: 8px; --icon-xs: 14px; --icon-s: 16px; --input-height: 30px;`,
  light: `
    --background-primary: #ffffff; --background-secondary: #f6f6f6;
    --background-modifier-border: #e0e0e0; --background-modifier-hover: rgba(0, 0, 0, 0.075);
    --text-normal: #222222; --text-muted: #5c5c5c; --text-faint: #ababab; --text-on-accent: #ffffff;
    --text-accent: #8a5cf5; --link-color: #8a5cf5; --interactive-accent: #8a5cf5; --interactive-normal: #ffffff; --interactive-hover: #f2f3f5;
    --text-warning: #ec7500; --color-red: #e93147; --color-orange: #ec7500; --color-yellow: #e0ac00; --color-green: #08b94e;
    --color-blue: #086ddd; --color-purple: #7852ee; --color-purple-rgb: 120, 82, 238;
    --input-shadow: 0 0 0 1px rgba(0, 0, 0, 0.12), 0 2px 3px 0 rgba(0, 0, 0, 0.05), 0 1px 1.5px 0 rgba(0, 0, 0, 0.03), 0 1px 2px 0 rgba(0, 0, 0, 0.04);`,
  dark: `
    --background-primary: #1e1e1e; --background-secondary: #262626;
    --background-modifier-border: #363636; --background-modifier-hover: rgba(255, 255, 255, 0.075);
    --text-normal: #dadada; --text-muted: #b3b3b3; --text-faint: #666666; --text-on-accent: #ffffff;
    --text-accent: #a68af9; --link-color: #a68af9; --interactive-accent: #8a5cf5; --interactive-normal: #363636; --interactive-hover: #3f3f3f;
    --text-warning: #e9973f; --color-red: #fb464c; --color-orange: #e9973f; --color-yellow: #e0de71; --color-green: #44cf6e;
    --color-blue: #027aff; --color-purple: #a882ff; --color-purple-rgb: 168, 130, 255;
    --input-shadow: inset 0 0.5px 0.5px 0.5px rgba(255, 255, 255, 0.09), 0 2px 4px 0 rgba(0, 0, 0, 0.15), 0 1px 1.5px 0 rgba(0, 0, 0, 0.1);`,
};

/** What Obsidian's own stylesheet gives the sidebar, buttons and links (a small part of app.css). */
const BASE_CSS = `
  * { box-sizing: border-box; }
  body { margin: 0; font-family: var(--font-interface); color: var(--text-normal); background: var(--background-secondary); -webkit-font-smoothing: antialiased; }
  .workspace-leaf-content { width: ${SIDEBAR_WIDTH}px; background: var(--background-secondary); border-left: 1px solid var(--background-modifier-border); }
  .view-header { display: flex; align-items: center; gap: var(--size-4-2); height: 40px; padding: 0 var(--size-4-3); border-bottom: 1px solid var(--background-modifier-border); font-size: var(--font-ui-small); font-weight: var(--font-semibold); color: var(--text-normal); }
  .view-header-icon { display: inline-flex; color: var(--text-muted); }
  .view-header-icon svg { width: var(--icon-s); height: var(--icon-s); }
  .view-content { padding: var(--size-4-3) var(--size-4-3) var(--size-4-8); }
  button { font-family: inherit; font-size: var(--font-ui-small); font-weight: var(--font-medium); color: var(--text-normal); background-color: var(--interactive-normal); box-shadow: var(--input-shadow); border: 0; border-radius: var(--radius-s); padding: var(--size-4-1) var(--size-4-3); min-height: var(--input-height); cursor: pointer; }
  button.mod-cta { background-color: var(--interactive-accent); color: var(--text-on-accent); }
  a.internal-link { color: var(--link-color); text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 2px; cursor: pointer; }
  ul { margin: 0; }`;

function pageHtml(theme, script, styles) {
  return `<!doctype html>
<html lang="${LANG}"><head><meta charset="utf-8"><title>Visiecheck ${theme}</title>
<style>body.theme-${theme} {${THEME_VARS.shared}${THEME_VARS[theme]}}</style>
<style>${BASE_CSS}</style>
<style>${styles}</style>
</head><body class="theme-${theme}">
<div class="workspace-leaf-content" id="leaf">
  <div class="view-header"><span class="view-header-icon" id="header-icon"></span><span>${LANG === 'nl' ? 'Visiecheck' : 'Vision check'}</span></div>
  <div class="view-content" id="content"></div>
</div>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
</body></html>`;
}

async function main() {
  const started = performance.now();
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install chromium, or set CHROMIUM_PATH)`);
  mkdirSync(WORK_DIR, { recursive: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const [report, script] = await Promise.all([computeReport(), buildPage()]);
  const styles = readFileSync(join(ROOT, 'styles.css'), 'utf8');
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'visiewijzer-screenshots-'));
  const blocked = [];
  const problems = [];
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS,
      viewport: { width: SIDEBAR_WIDTH + 20, height: 800 }, deviceScaleFactor: 1.5,
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('http://127.0.0.1') || url.startsWith('file:') || url.startsWith('data:') || url === 'about:blank') return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    const tab = context.pages()[0] ?? (await context.newPage());
    tab.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
    tab.on('pageerror', (error) => problems.push(String(error)));
    const written = [];
    for (const theme of ['light', 'dark']) {
      const file = join(WORK_DIR, `lesson-check-${theme}.html`);
      writeFileSync(file, pageHtml(theme, script, styles));
      await tab.goto(pathToFileURL(file).href);
      await tab.evaluate(({ report, model }) => window.drawCheck(report, model), { report, model: { kind: 'ready', model: 'llama3.1' } });
      const png = join(OUT_DIR, `lesson-check-${theme}.png`);
      await tab.locator('#leaf').screenshot({ path: png, animations: 'disabled' });
      written.push(png);
    }
    if (problems.length > 0) throw new Error(`the page reported errors: ${problems.join('; ')}`);
    const counts = report.elements.reduce((n, e) => ({ ...n, [e.status]: (n[e.status] ?? 0) + 1 }), {});
    console.log(`Checked ${PLAN}: ${report.elements.length} elements (${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}), ${report.matching}.`);
    for (const png of written) console.log(`Wrote ${png.slice(ROOT.length + 1)}`);
    console.log(`Blocked requests: ${blocked.length}. Took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await context?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
