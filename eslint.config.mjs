import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';

export default defineConfig([
  globalIgnores(['node_modules/', 'main.js', 'dist/', '.test-model/', 'coverage/', 'examples/', 'bench/out/', 'bench/_tmp/', '.tmp/', '**/*.mjs', '**/*.cjs', '**/*.js', 'vitest.config.ts']),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // The CLI, benchmarks, scripts and tests run in Node, not in Obsidian: Node built-ins and console are theirs.
    files: ['src/cli/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts', 'src/core/embedding/transformersEmbedder.ts'],
    rules: {
      'import/no-nodejs-modules': 'off',
      'no-console': 'off',
      'obsidianmd/no-nodejs-modules': 'off',
      // Outside Obsidian there is no Vault#configDir; the CLI defaults to `.obsidian` and takes --index-dir.
      'obsidianmd/hardcoded-config-path': 'off',
      // The plugin guideline against console logging is about Obsidian's console; a CLI or bench prints by design.
      'obsidianmd/rule-custom-message': 'off',
    },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any` by design.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // Core code also runs in Node and in a Web Worker, where there is no `window`: plain timers are right there.
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts', 'src/plugin/embedding/embeddingWorker.ts'],
    rules: { 'obsidianmd/prefer-window-timers': 'off' },
  },
]);
