import { describe, expect, it } from 'vitest';
import { displayUrl, isLocalEndpoint, resolveProviderConfig } from '../../src/core/llm/presets';
import { ProviderError } from '../../src/core/llm/providerError';
import { parseRetryAfter, withRetries, type RetryPolicy } from '../../src/core/llm/retry';

describe('isLocalEndpoint', () => {
  it('accepts loopback only', () => {
    for (const url of ['http://localhost:11434/v1', 'http://127.0.0.1:1234/v1', 'http://127.8.9.10/v1', 'http://[::1]:8080/v1', 'http://127.1/v1', 'http://LOCALHOST/v1']) {
      expect(isLocalEndpoint(url), url).toBe(true);
    }
    for (const url of ['https://api.openai.com/v1', 'http://192.168.1.20:11434/v1', 'http://0.0.0.0:11434', 'http://10.0.0.1', 'http://localhost.example.com/v1', 'http://128.0.0.1', 'http://[::2]/', 'not a url', '']) {
      expect(isLocalEndpoint(url), url).toBe(false);
    }
  });
});

describe('resolveProviderConfig', () => {
  it('fills in the preset base URLs and drops trailing slashes', () => {
    expect(resolveProviderConfig({ preset: 'ollama', model: 'llama3.1' }).baseUrl).toBe('http://localhost:11434/v1');
    expect(resolveProviderConfig({ preset: 'lmstudio', model: 'x' }).baseUrl).toBe('http://localhost:1234/v1');
    expect(resolveProviderConfig({ preset: 'openai', model: 'x' }).baseUrl).toBe('https://api.openai.com/v1');
    expect(resolveProviderConfig({ preset: 'custom', model: 'x', baseUrl: 'http://h:1/v1/' }).baseUrl).toBe('http://h:1/v1');
  });

  it('hides credentials in the displayed URL', () => {
    expect(displayUrl('https://u:p@host.nl/v1?key=abc#x')).toBe('https://host.nl/v1');
  });
});

describe('parseRetryAfter', () => {
  const h = (init: Record<string, string>): Headers => new Headers(init);
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(h({ 'retry-after': '3' }))).toBe(3_000);
    expect(parseRetryAfter(h({ 'retry-after-ms': '250', 'retry-after': '3' }))).toBe(250);
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter(h({ 'retry-after': 'Mon, 23 Nov 2026 10:00:05 GMT' }), now)).toBe(5_000);
    expect(parseRetryAfter(h({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(h({}))).toBeUndefined();
  });
});

describe('withRetries', () => {
  const base = { preset: 'custom' as const, baseUrl: 'http://h/v1', model: 'm' };
  function policy(waits: number[]): RetryPolicy {
    return { maxAttempts: 3, baseDelayMs: 100, maxRetryAfterMs: 30_000, random: () => 0, sleep: async (ms) => void waits.push(ms) };
  }

  it('backs off exponentially on 5xx and stops after three tries', async () => {
    const waits: number[] = [];
    let calls = 0;
    const error = await withRetries(async () => {
      calls++;
      throw new ProviderError('server', { ...base, status: 502 });
    }, policy(waits)).catch((e: unknown) => e as ProviderError);
    expect(calls).toBe(3);
    expect(waits).toEqual([100, 200]);
    expect(error.context.attempts).toBe(3);
  });

  it('does not retry other kinds', async () => {
    for (const kind of ['auth', 'bad-request', 'model-not-found', 'timeout', 'malformed', 'connection-refused'] as const) {
      let calls = 0;
      await withRetries(async () => {
        calls++;
        throw new ProviderError(kind, base);
      }, policy([])).catch(() => undefined);
      expect(calls, kind).toBe(1);
    }
  });
});
