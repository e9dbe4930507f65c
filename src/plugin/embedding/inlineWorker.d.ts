/**
 * `import source from 'inline-worker:./someWorker'` yields the bundled JavaScript of `./someWorker.ts`
 * as a string (an iife for a classic worker). Resolved at build time by `scripts/inline-worker-plugin.mjs`.
 */
declare module 'inline-worker:*' {
  const source: string;
  export default source;
}
