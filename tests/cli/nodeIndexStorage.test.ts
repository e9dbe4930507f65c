import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeIndexStorage } from '../../src/cli/nodeIndexStorage';
import { decodeVectorFiles, encodeVectorFiles, IndexFormatError } from '../../src/core/index/vectorFile';
import { VectorStore } from '../../src/core/index/vectorStore';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const bytes = (text: string) => new TextEncoder().encode(text);
const asText = (data: Uint8Array | null) => (data === null ? null : new TextDecoder().decode(data));

let scratch: string;
beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'visiewijzer-storage-'));
});
afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

async function freshFolder(name: string): Promise<string> {
  return path.join(await fs.mkdtemp(path.join(scratch, `${name}-`)), 'index');
}

/** Generation `g` of the index the writer child saves: 3,000 vectors whose values encode `g`. */
const GENERATION_ROWS = 3000;
/** The child cycles through generations 1..GENERATIONS, prepared in advance so its loop is only I/O. */
const GENERATIONS = 4;
const GENERATION_DIM = 384;
function generationStore(g: number): VectorStore {
  const store = new VectorStore(GENERATION_DIM);
  const vector = new Float32Array(GENERATION_DIM).fill(1);
  for (let i = 0; i < GENERATION_ROWS; i++) {
    vector[0] = g;
    vector[1] = i + 1;
    store.set(`c${i}`, vector);
  }
  return store;
}

describe('NodeIndexStorage', () => {
  it('reads what was written, null for a missing file, and creates the folder on first write', async () => {
    const folder = await freshFolder('basic');
    const storage = new NodeIndexStorage(folder);
    expect(storage.describe()).toBe(folder);
    expect(await storage.read('vectors.json')).toBeNull();
    expect(existsSync(folder)).toBe(false);

    await storage.write('vectors.json', bytes('first'));
    expect(asText(await storage.read('vectors.json'))).toBe('first');
    await storage.write('vectors.json', bytes('second'));
    expect(asText(await storage.read('vectors.json'))).toBe('second');
    expect(await fs.readdir(folder)).toEqual(['vectors.json']);

    await storage.write('empty.json', new Uint8Array(0));
    expect(await storage.read('empty.json')).toEqual(new Uint8Array(0));

    await storage.remove('vectors.json');
    await storage.remove('vectors.json');
    expect(await storage.read('vectors.json')).toBeNull();
  });

  it('refuses names that would leave the index folder', async () => {
    const storage = new NodeIndexStorage(await freshFolder('names'));
    for (const name of ['../escape', 'sub/file', 'sub\\file', '..', '']) {
      await expect(storage.write(name, bytes('x'))).rejects.toThrow(/Not a valid index file name/);
    }
  });

  it('leaves no temp file behind when a write fails', async () => {
    const folder = await freshFolder('failing');
    const storage = new NodeIndexStorage(folder);
    await fs.mkdir(path.join(folder, 'vectors.bin'), { recursive: true });
    await expect(storage.write('vectors.bin', bytes('data'))).rejects.toThrow();
    expect(await fs.readdir(folder)).toEqual(['vectors.bin']);
  });

  it('keeps the previous version when a write stopped halfway through its temp file', async () => {
    const folder = await freshFolder('partial');
    const storage = new NodeIndexStorage(folder);
    const { vectors, meta } = encodeVectorFiles(generationStore(1), 'gen-1');
    await storage.write('vectors.bin', vectors);
    await storage.write('vectors.json', meta);

    // What a crash leaves: half of the next version in a temp file of a process that is gone.
    const next = encodeVectorFiles(generationStore(2), 'gen-2');
    const deadPid = await exitedProcessId();
    await fs.writeFile(path.join(folder, `vectors.bin.tmp-${deadPid}-0badf00d`), next.vectors.subarray(0, 5000));
    const ownTemp = path.join(folder, `vectors.json.tmp-${process.pid}-00c0ffee`);
    await fs.writeFile(ownTemp, next.meta.subarray(0, 10));

    const loaded = decodeVectorFiles((await storage.read('vectors.bin'))!, (await storage.read('vectors.json'))!);
    expect(loaded.size).toBe(GENERATION_ROWS);

    expect(await storage.removeLeftoverTempFiles()).toBe(1);
    expect((await fs.readdir(folder)).sort()).toEqual(['vectors.bin', 'vectors.json', path.basename(ownTemp)]);
  });

  it('leaves a readable, unmixed index when the writing process is killed', async () => {
    const child = await bundleWriterChild();
    const outcomes: string[] = [];
    const delays = [0, 3, 7, 12, 19, 31];
    for (const delayMs of delays) {
      const folder = await freshFolder(`killed-${delayMs}`);
      await runAndKill(child, folder, delayMs);
      const storage = new NodeIndexStorage(folder);
      const vectorBytes = (await storage.read('vectors.bin'))!;
      const metaBytes = (await storage.read('vectors.json'))!;
      expect(vectorBytes).not.toBeNull();
      expect(metaBytes).not.toBeNull();
      const metaGeneration = Number(/"fingerprint":"gen-(\d+)"/.exec(new TextDecoder().decode(metaBytes))![1]);

      try {
        const store = decodeVectorFiles(vectorBytes, metaBytes);
        expectGeneration(store, metaGeneration);
        outcomes.push('whole pair');
      } catch (error) {
        // Killed between the two renames: the binary file is already the next version, whole.
        expect(error).toBeInstanceOf(IndexFormatError);
        expect((error as IndexFormatError).reason).toBe('corrupt');
        const next = (metaGeneration % GENERATIONS) + 1;
        const nextMeta = encodeVectorFiles(generationStore(next), `gen-${next}`).meta;
        expectGeneration(decodeVectorFiles(vectorBytes, nextMeta), next);
        outcomes.push('torn pair detected');
      }
      if ((await fs.readdir(folder)).length > 2) outcomes.push('temp file left');
      await storage.removeLeftoverTempFiles();
      expect((await fs.readdir(folder)).sort()).toEqual(['vectors.bin', 'vectors.json']);
    }
    // Where each kill lands is up to the scheduler; the assertions above hold wherever it does.
    expect(outcomes.filter((outcome) => outcome !== 'temp file left')).toHaveLength(delays.length);
  });
});

/** Every row holds generation `g`'s values; nothing from another save slipped in. */
function expectGeneration(store: VectorStore, g: number): void {
  expect(store.size).toBe(GENERATION_ROWS);
  for (const i of [0, 1, 1234, GENERATION_ROWS - 1]) {
    const vector = store.get(`c${i}`)!;
    expect(vector[0]! / vector[2]!).toBeCloseTo(g, 3);
    expect(vector[1]! / vector[2]!).toBeCloseTo(i + 1, 3);
  }
}

/** The id of a process that has already exited. */
async function exitedProcessId(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** Bundles a small writer program from the real sources, so a separate Node process can run it. */
async function bundleWriterChild(): Promise<string> {
  const outfile = path.join(scratch, 'writer-child.cjs');
  const source = `
    import { NodeIndexStorage } from './src/cli/nodeIndexStorage';
    import { encodeVectorFiles } from './src/core/index/vectorFile';
    import { VectorStore } from './src/core/index/vectorStore';
    const storage = new NodeIndexStorage(process.argv[2]);
    const generations = [];
    for (let g = 1; g <= ${GENERATIONS}; g++) {
      const store = new VectorStore(${GENERATION_DIM});
      const vector = new Float32Array(${GENERATION_DIM}).fill(1);
      for (let i = 0; i < ${GENERATION_ROWS}; i++) { vector[0] = g; vector[1] = i + 1; store.set('c' + i, vector); }
      generations.push(encodeVectorFiles(store, 'gen-' + g));
    }
    async function main() {
      for (let saves = 1; ; saves++) {
        const { vectors, meta } = generations[(saves - 1) % ${GENERATIONS}];
        await storage.write('vectors.bin', vectors);
        await storage.write('vectors.json', meta);
        process.stdout.write(saves + '\\n');
      }
    }
    void main();
  `;
  await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Runs the writer until it has saved twice, lets it go on for `delayMs`, then SIGKILLs it mid-loop. */
async function runAndKill(script: string, folder: string, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, [script, folder], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString().trim().split('\n');
      if (Number(lines[lines.length - 1]) >= 2) resolve();
    });
    child.on('exit', (code) => reject(new Error(`writer exited early with code ${String(code)}`)));
  });
  await delay(delayMs);
  process.kill(child.pid!, 'SIGKILL');
  await exited;
}
