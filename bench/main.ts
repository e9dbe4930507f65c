import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { formatStoreBench, runStoreBench } from './storeBench';
import { formatIndexBench, runIndexBench } from './indexBench';
import { formatRetrievalEval, runRetrievalEval } from './retrievalEval';
import { formatGeneratorsEval, runGeneratorsEval } from './generatorsEval';
import { formatPracticesEval, runPracticesEval } from './practicesEval';
import { formatLessonCheckEval, runLessonCheckEval } from './lessonCheckEval';
import { coldLoadChild, COLD_LOAD_FLAG } from './coldLoad';

/**
 * `npm run bench`: every speed, size and quality figure in BENCHMARKS.md, measured in one run on this
 * machine. `--quick` runs the small sizes only.
 */
async function main(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  // `--only index,lesson` runs just those parts (names: store, index, retrieval, lesson, generators, practices).
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : null;
  const runs = (part: string): boolean => only === null || only.has(part);
  const root = resolve(__dirname, '..');
  const modelDir = join(root, '.test-model');
  if (!existsSync(join(modelDir, 'visiewijzer-tiny', 'onnx', 'model_quantized.onnx'))) {
    execFileSync(process.execPath, [join(root, 'scripts/make-test-model.mjs'), join(modelDir, 'visiewijzer-tiny')], { stdio: 'inherit' });
  }
  // Retrieval and lesson-check quality with a real model, where one is on this machine (the hub layout,
  // e.g. DIR/Xenova/multilingual-e5-small); otherwise with the tiny test model, which shows the pipeline only.
  const quality = process.env.VISIEWIJZER_MODEL_DIR
    ? { dir: process.env.VISIEWIJZER_MODEL_DIR, id: process.env.VISIEWIJZER_MODEL ?? 'Xenova/multilingual-e5-small' }
    : { dir: modelDir, id: 'visiewijzer-tiny' };
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`# Visiewijzer benchmark\n\nMachine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);

  if (runs('store')) {
    console.log('## Vector store (random unit vectors, 384 dims) against vectra 0.15 LocalIndex\n');
    console.log(formatStoreBench(await runStoreBench(quick ? [2000] : [2000, 20000])));
  }

  if (runs('index')) {
    console.log('\n## Indexing a synthetic vault on disk with the tiny test model\n');
    console.log(formatIndexBench(await runIndexBench(quick ? [200] : [200, 2000], modelDir, 'visiewijzer-tiny')));
  }

  if (runs('retrieval')) {
    console.log('\n## Retrieval on the example vault (labelled queries, recall@5)\n');
    console.log(formatRetrievalEval(await runRetrievalEval(join(root, 'examples/vault'), join(root, 'tests/fixtures/labels/example-vault-queries.json'), quality.dir, quality.id)));
  }

  if (runs('lesson')) {
    console.log('\n## Lesson-plan check: present versus absent on labelled plans of both example vaults, and speed\n');
    console.log(formatLessonCheckEval(await runLessonCheckEval(root, quality.dir, quality.id)));
  }

  if (runs('generators')) {
    console.log('\n## Generators: lint pass rate, link resolution, time per generator\n');
    console.log(formatGeneratorsEval(await runGeneratorsEval(root)));
  }

  if (runs('practices')) {
    console.log('\n## Good practices: element suggestions (top-3 hit rate on labelled texts)\n');
    console.log(formatPracticesEval(await runPracticesEval(root)));
  }
}

const args = process.argv.slice(2);
(args[0] === COLD_LOAD_FLAG ? coldLoadChild(args.slice(1)) : main(args)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
