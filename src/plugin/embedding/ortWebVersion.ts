/**
 * The onnxruntime-web version bundled into the embedding worker, filled in by esbuild.config.mjs from
 * node_modules. The `.wasm` the plugin downloads or expects must be from exactly this version.
 */
declare const __VISIEWIJZER_ORT_WEB_VERSION__: string | undefined;

/** Null outside a build (tests, tsc), where no version was injected. */
export const ORT_WEB_VERSION: string | null =
  typeof __VISIEWIJZER_ORT_WEB_VERSION__ === 'string' ? __VISIEWIJZER_ORT_WEB_VERSION__ : null;
