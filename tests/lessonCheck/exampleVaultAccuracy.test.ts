/**
 * Present-versus-absent accuracy of the extractive, keyword-only check on the example vault's labelled
 * lesson plans. These are the plans the rules were developed on (see bench/lessonCheckEval.ts for the
 * held-out figure, which is lower): this test guards against regressions, it does not prove quality.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderNoteSource } from '../../src/cli/folderNoteSource';
import { LessonChecker, loadLessonCheckVault } from '../../src/core/lessonCheck';

interface Label {
  path: string;
  strong: string[];
  partial: string[];
  absent: string[];
}

describe('lesson check on the example vault', () => {
  it('tells present from absent for at least 85% of the labelled pairs, keyword-only', async () => {
    const vault = await loadLessonCheckVault(new FolderNoteSource(join(__dirname, '../../examples/vault')));
    const labels = JSON.parse(readFileSync(join(__dirname, '../fixtures/labels/example-vault-lessons.json'), 'utf8')) as Label[];
    const checker = await LessonChecker.prepare(vault, null);
    let pairs = 0;
    let right = 0;
    for (const label of labels) {
      const plan = vault.corpus.find((n) => n.path === label.path);
      expect(plan, label.path).toBeDefined();
      const report = await checker.check(plan!);
      for (const element of report.elements) {
        const present = label.strong.includes(element.title) || label.partial.includes(element.title);
        if (!present && !label.absent.includes(element.title)) continue;
        pairs++;
        if (present === (element.status !== 'absent')) right++;
      }
    }
    expect(pairs).toBe(46);
    expect(right / pairs).toBeGreaterThanOrEqual(0.85);
  });
});
