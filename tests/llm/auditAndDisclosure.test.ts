import { describe, expect, it } from 'vitest';
import { appendAuditEntry, createAuditEntry, parseAuditLog, type AuditEntry } from '../../src/core/llm/auditLog';
import { renderDisclosure } from '../../src/core/llm/disclosure';

const config = { preset: 'openai' as const, baseUrl: 'https://user:pw@api.openai.com/v1?key=abc', model: 'gpt-4o-mini', apiKey: 'sk-proj-SECRET1234567890' };

function entry(answer: string): AuditEntry {
  return createAuditEntry({
    config,
    sources: ['[[Kernwaarden#Eigenaarschap]]'],
    redactedPrompt: '[user]\nHoe gaat het met [LEERLING-1]?',
    answer,
    redactionCount: 1,
    time: new Date('2026-11-23T10:00:00Z'),
  });
}

describe('audit log', () => {
  it('appends JSON lines and reads them back in order', () => {
    let log = '';
    log = appendAuditEntry(log, entry('Eerste.'));
    log = appendAuditEntry(log, entry('Tweede.'));
    expect(log.split('\n')).toHaveLength(3);
    const back = parseAuditLog(log);
    expect(back.map((e) => e.answer)).toEqual(['Eerste.', 'Tweede.']);
    expect(back[0]).toEqual({
      time: '2026-11-23T10:00:00.000Z',
      provider: 'openai',
      model: 'gpt-4o-mini',
      baseUrlHost: 'api.openai.com',
      sources: ['[[Kernwaarden#Eigenaarschap]]'],
      redactedPrompt: '[user]\nHoe gaat het met [LEERLING-1]?',
      answer: 'Eerste.',
      redactionCount: 1,
    });
  });

  it('survives a damaged line and a file without a final newline', () => {
    const log = appendAuditEntry('{"time": "2026-01-01", "provid', entry('Na de breuk.'));
    expect(parseAuditLog(log).map((e) => e.answer)).toEqual(['Na de breuk.']);
  });

  it('never stores a key: not from the URL, not from a stray field, not echoed in the answer', () => {
    const leaky = { ...entry(`Je sleutel is ${config.apiKey}`), apiKey: config.apiKey } as AuditEntry;
    const log = appendAuditEntry('', leaky, [config.apiKey]);
    expect(log).not.toContain('SECRET1234567890');
    expect(log).not.toContain('pw@');
    expect(log).not.toContain('key=abc');
    expect(log).not.toContain('apiKey');
  });
});

describe('renderDisclosure', () => {
  it('gives ai frontmatter with reviewed: false and a Dutch line', () => {
    const d = renderDisclosure({
      provider: 'ollama',
      model: 'llama3.1',
      date: '2026-11-23',
      sources: ['Kernwaarden#Eigenaarschap', '[[Toetsbeleid#Afspraken]]', 'Kernwaarden#Eigenaarschap'],
      lang: 'nl',
    });
    expect(d.frontmatter).toEqual({
      ai: {
        provider: 'ollama',
        model: 'llama3.1',
        date: '2026-11-23',
        sources: ['[[Kernwaarden#Eigenaarschap]]', '[[Toetsbeleid#Afspraken]]'],
        reviewed: false,
      },
    });
    expect(d.line).toBe(
      '> [!info] Concept, gemaakt met hulp van AI (ollama, llama3.1, 2026-11-23). Bronnen: [[Kernwaarden#Eigenaarschap]], [[Toetsbeleid#Afspraken]]. Controleer en bewerk voor gebruik.',
    );
  });

  it('has an English line and says when there were no sources', () => {
    const d = renderDisclosure({ provider: 'azure', model: 'gpt-4o', date: new Date(2026, 0, 5, 23, 30), sources: [], lang: 'en' });
    expect(d.line).toBe('> [!info] Draft, made with help from AI (azure, gpt-4o, 2026-01-05). Sources: none. Check and edit before use.');
    expect(d.frontmatter.ai.date).toBe('2026-01-05');
  });

  it('keeps everything on one line', () => {
    const d = renderDisclosure({ provider: 'custom\n# kop', model: 'm]]x', date: '2026-11-23', sources: ['A\nB'], lang: 'nl' });
    expect(d.line.split('\n')).toHaveLength(1);
  });
});
