/** Shared set-up for the provider tests: a fake server per test and a model with instant backoff. */
import { afterEach, beforeEach, expect } from 'vitest';
import { OpenAiChatModel } from '../../src/core/llm/openAiChatModel';
import { resolveProviderConfig } from '../../src/core/llm/presets';
import { ProviderError } from '../../src/core/llm/providerError';
import type { ProviderConfig } from '../../src/core/llm/types';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fakeOpenAiServer';

export interface Harness {
  server: FakeOpenAiServer;
  /** Every backoff the model asked for, in ms (the sleep itself returns at once). */
  sleeps: number[];
  model(over?: Partial<ProviderConfig>): OpenAiChatModel;
}

/** Call at the top of a test file; the returned object is filled in before each test. */
export function useFakeProvider(): Harness {
  const h = { sleeps: [] as number[] } as Harness;
  beforeEach(async () => {
    h.server = await startFakeOpenAiServer();
    h.sleeps = [];
  });
  afterEach(async () => {
    await h.server.close();
  });
  h.model = (over = {}) => {
    const config = resolveProviderConfig({
      preset: 'custom',
      baseUrl: h.server.baseUrl,
      model: 'fake-model',
      stream: false,
      timeoutMs: 2_000,
      ...over,
    });
    return new OpenAiChatModel(config, {
      retry: {
        sleep: async (ms) => {
          h.sleeps.push(ms);
        },
        random: () => 0,
      },
    });
  };
  return h;
}

export const ask = { system: 'Je bent een test.', messages: [{ role: 'user' as const, content: 'Hallo?' }] };

/** The `ProviderError` a promise rejects with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}
