/** Types for inline-worker-plugin.mjs, so TypeScript tests can import it. */
import type { Message, Plugin } from 'esbuild';

export const forbidNodeOnlyPackages: Plugin;
export function workerBuildOptions(entry: string, options: { production: boolean }): import('esbuild').BuildOptions;
export function buildWorker(entry: string, options: { production: boolean }): Promise<{ code: string; inputs: string[]; warnings: Message[] }>;
export function inlineWorkerPlugin(options?: { production: boolean; onBuilt?: (built: { entry: string; bytes: number }) => void }): Plugin;
export function bundledOrtWebVersion(projectRoot: string): string;
export function bundledOrtWebDir(projectRoot: string): string;
