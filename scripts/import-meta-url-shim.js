// Injected into the Node bundles (dist/*.cjs): the sources are ESM and may read import.meta.url,
// which a cjs bundle does not have; esbuild.config.mjs maps it to this value.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
