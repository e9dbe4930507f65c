/**
 * Shared set-up for the plugin's provider tests: the plugin in the stub host with the example vault,
 * and Obsidian's `requestUrl` answered by the fake OpenAI server on 127.0.0.1, so any base URL (also
 * a "cloud" one such as https://ai.example.nl/v1) reaches it without touching the network.
 */
import { setRequestUrlHandler, type App } from '../../stubs/obsidian';
import type { FakeOpenAiServer } from '../../helpers/fakeOpenAiServer';
import { until } from '../helpers/exampleVault';
import { loadPlugin, PLUGIN_DIR, statusBarText } from '../helpers/pluginHost';

export { PLUGIN_DIR };

/** Every URL `requestUrl` was called with, in order. */
export function forwardRequestUrl(server: FakeOpenAiServer): string[] {
  const urls: string[] = [];
  setRequestUrlHandler(async (param) => {
    urls.push(param.url);
    const target = new URL(param.url);
    const res = await fetch(`${server.origin}${target.pathname}${target.search}`, { method: param.method, headers: param.headers, body: param.body });
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const arrayBuffer = await res.arrayBuffer();
    const text = new TextDecoder().decode(arrayBuffer);
    return { status: res.status, headers, arrayBuffer, text, json: null };
  });
  return urls;
}

/** The plugin loaded with `notes`, `data` as data.json and secrets in the keychain, the index ready. */
export async function loadReady(notes: Map<string, string>, data: unknown, secrets: Record<string, string> = {}): Promise<App> {
  const { app } = await loadPlugin({
    notes,
    data,
    before: async (host) => {
      for (const [name, secret] of Object.entries(secrets)) host.secretStorage.setSecret(name, secret);
    },
  });
  app.workspace.finishLayout();
  await until(() => statusBarText(app).startsWith('Visiewijzer: klaar') || statusBarText(app).startsWith('Visiewijzer: ready'));
  return app;
}

/** The stored data.json as an object (null when it was never written). */
export function savedData(app: App): Record<string, unknown> | null {
  return JSON.parse(app.vault.adapter.text(`${PLUGIN_DIR}/data.json`) ?? 'null') as Record<string, unknown> | null;
}
