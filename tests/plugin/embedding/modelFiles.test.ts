import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hubFileUrl,
  isValidModelId,
  joinModelPath,
  modelFilePaths,
  modelFolderContents,
  ORT_WASM_FILE_NAME,
  ortWasmPath,
  ortWasmUrl,
} from '../../../src/core/embedding/modelFiles';

/** The onnxruntime-web the worker bundles: the copy @huggingface/transformers resolves. */
function installedOrtWeb(): { version: string; dir: string } {
  const fromTransformers = createRequire(createRequire(import.meta.url).resolve('@huggingface/transformers'));
  const dir = dirname(dirname(fromTransformers.resolve('onnxruntime-web')));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { dir, version: pkg.version };
}

describe('modelFilePaths', () => {
  it('asks for the quantized weights for q8 and the full ones for fp32, plus config and tokenizer', () => {
    expect(modelFilePaths('q8')).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'onnx/model_quantized.onnx']);
    expect(modelFilePaths('fp32')).toContain('onnx/model.onnx');
    expect(modelFilePaths('fp32')).not.toContain('onnx/model_quantized.onnx');
  });
});

describe('download URLs', () => {
  it('points model files at the hub main revision', () => {
    expect(hubFileUrl('Xenova/multilingual-e5-small', 'onnx/model_quantized.onnx')).toBe(
      'https://huggingface.co/Xenova/multilingual-e5-small/resolve/main/onnx/model_quantized.onnx',
    );
  });

  it('points the wasm at jsDelivr for exactly the installed onnxruntime-web version', () => {
    const { version } = installedOrtWeb();
    expect(ortWasmUrl(version)).toBe(`https://cdn.jsdelivr.net/npm/onnxruntime-web@${version}/dist/ort-wasm-simd-threaded.wasm`);
  });

  it('names a wasm file the installed onnxruntime-web actually ships', () => {
    const { dir } = installedOrtWeb();
    expect(readFileSync(join(dir, 'dist', ORT_WASM_FILE_NAME)).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
  });

  it('keeps the wasm of each onnxruntime-web version in its own folder', () => {
    expect(ortWasmPath('1.31.0-dev.20260914-8d85527a0')).toBe('onnxruntime-web-1.31.0-dev.20260914-8d85527a0/ort-wasm-simd-threaded.wasm');
    expect(ortWasmPath('1.30.0')).not.toBe(ortWasmPath('1.31.0'));
  });
});

describe('model ids', () => {
  it('accepts hub ids', () => {
    for (const id of ['Xenova/multilingual-e5-small', 'intfloat/e5-base-v2', 'visiewijzer-tiny', 'a.b/c_d']) {
      expect(isValidModelId(id), id).toBe(true);
    }
  });

  it('refuses ids that could escape the model folder or are not hub ids', () => {
    for (const id of ['../secrets', 'a/../../b', '/etc/passwd', 'a/b/c', 'a//b', '', 'x--y/z', 'https://evil.example/m']) {
      expect(isValidModelId(id), id).toBe(false);
      expect(() => hubFileUrl(id, 'config.json'), id).toThrow(/model-id/);
    }
  });

  it('refuses a version that is not a plain npm version', () => {
    expect(() => ortWasmUrl('latest')).toThrow();
    expect(() => ortWasmPath('../1.0.0')).toThrow();
  });
});

describe('modelFolderContents', () => {
  it('lists the model files from the hub and the runtime from jsDelivr', () => {
    const entries = modelFolderContents('Xenova/multilingual-e5-small', 'q8', '1.31.0');
    expect(entries.filter((e) => e.kind === 'model').map((e) => e.path)).toEqual(modelFilePaths('q8'));
    expect(entries.filter((e) => e.kind === 'model').every((e) => e.url.startsWith('https://huggingface.co/Xenova/multilingual-e5-small/resolve/main/'))).toBe(true);
    expect(entries.filter((e) => e.kind === 'runtime')).toEqual([
      { path: ortWasmPath('1.31.0'), url: ortWasmUrl('1.31.0'), kind: 'runtime' },
    ]);
  });
});

describe('joinModelPath', () => {
  it('joins with exactly one slash', () => {
    expect(joinModelPath('a/b/', 'c.json')).toBe('a/b/c.json');
    expect(joinModelPath('a/b', 'onnx/m.onnx')).toBe('a/b/onnx/m.onnx');
    expect(joinModelPath('', 'c.json')).toBe('c.json');
  });
});
