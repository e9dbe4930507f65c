import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const GENERATOR = fileURLToPath(new URL('../../scripts/make-test-model.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'vw-make-model-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function generate(dir: string): void {
  execFileSync(process.execPath, [GENERATOR, dir], { stdio: 'pipe' });
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  ).sort();
}

describe('make-test-model script', () => {
  it('writes the hub layout with the same bytes on every run', () => {
    const first = join(scratch, 'a');
    const second = join(scratch, 'b');
    generate(first);
    generate(second);
    const files = listFiles(first);
    expect(files).toEqual(['config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json'].map((f) => join(...f.split('/'))));
    expect(listFiles(second)).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
    }
  });

  it('writes a BERT config and a WordPiece vocabulary of Dutch school words', () => {
    const dir = join(scratch, 'a');
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'bert', architectures: ['BertModel'], hidden_size: 384 });
    const tokenizer = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8'));
    expect(tokenizer.model.type).toBe('WordPiece');
    expect(tokenizer.normalizer).toMatchObject({ type: 'BertNormalizer', lowercase: true, strip_accents: true });
    const vocab = Object.keys(tokenizer.model.vocab);
    expect(vocab.length).toBeGreaterThan(300);
    expect(vocab).toEqual(expect.arrayContaining(['[CLS]', '[SEP]', '[UNK]', 'leerling', 'leerlingen', 'eigenaarschap', '##en']));
    expect(config.vocab_size).toBe(vocab.length);
  });
});
