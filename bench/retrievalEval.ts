import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VisionIndex } from '../src/core/visionIndex';
import { TransformersEmbedder } from '../src/core/embedding/transformersEmbedder';
import { FolderNoteSource } from '../src/cli/folderNoteSource';
import { NodeIndexStorage } from '../src/cli/nodeIndexStorage';

interface LabelledQuery {
  query: string;
  kind: 'keyword' | 'paraphrase';
  expected: string[];
}

export interface RetrievalEvalRow {
  mode: 'keyword-only' | `hybrid (${string})`;
  kind: 'keyword' | 'paraphrase';
  queries: number;
  recallAt5: number;
  mrr: number;
}

/**
 * Recall@5 and MRR of keyword-only and hybrid search on the example vault's labelled queries. A hit counts
 * when its note and its heading path contain an expected `path#heading`.
 */
export async function runRetrievalEval(vaultDir: string, labelsFile: string, modelDir: string, modelId: string): Promise<RetrievalEvalRow[]> {
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as LabelledQuery[];
  const rows: RetrievalEvalRow[] = [];
  for (const embedder of [null, new TransformersEmbedder({ modelId, localModelDir: modelDir })]) {
    const indexDir = mkdtempSync(join(tmpdir(), 'vw-eval-'));
    try {
      const index = await VisionIndex.open({ storage: new NodeIndexStorage(indexDir), source: new FolderNoteSource(vaultDir), embedder });
      await index.update();
      for (const kind of ['keyword', 'paraphrase'] as const) {
        const set = labels.filter((l) => l.kind === kind);
        let found = 0;
        let reciprocal = 0;
        for (const label of set) {
          const { hits } = await index.search(label.query, { k: 5 });
          const rank = hits.findIndex((h) => label.expected.some((e) => matches(e, h.path, h.headingPath)));
          if (rank >= 0) {
            found++;
            reciprocal += 1 / (rank + 1);
          }
        }
        rows.push({ mode: embedder ? (`hybrid (${modelId})` as const) : 'keyword-only', kind, queries: set.length, recallAt5: found / set.length, mrr: reciprocal / set.length });
      }
    } finally {
      rmSync(indexDir, { recursive: true, force: true });
    }
  }
  return rows;
}

function matches(expected: string, path: string, headingPath: string[]): boolean {
  const [notePath, heading] = expected.split('#');
  return notePath === path && (!heading || headingPath.includes(heading));
}

export function formatRetrievalEval(rows: RetrievalEvalRow[]): string {
  return ['| mode | queries | n | recall@5 | MRR |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.mode} | ${r.kind} | ${r.queries} | ${r.recallAt5.toFixed(2)} | ${r.mrr.toFixed(2)} |`)].join('\n');
}
