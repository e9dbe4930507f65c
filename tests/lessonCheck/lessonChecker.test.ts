import { describe, expect, it } from 'vitest';
import { LessonChecker, checkLessonPlan, STRONG_AT, type ElementCheck } from '../../src/core/lessonCheck';
import type { EmbedKind, Embedder, EmbedderInfo } from '../../src/core/index/types';
import { FakeEmbedder } from '../helpers/fakeEmbedder';
import { smallSchool } from './fixtures';

const byTitle = (elements: ElementCheck[], title: string): ElementCheck => {
  const found = elements.find((e) => e.title === title);
  if (!found) throw new Error(`no element ${title}`);
  return found;
};

describe('checkLessonPlan (extractive)', () => {
  it('finds a value shown in activities without its word, with the plan lines and the indicator they match', async () => {
    const { plan, namingPlan: _naming, ...sources } = smallSchool();
    const report = await checkLessonPlan({ plan, ...sources, embedder: null });
    expect(report).toMatchObject({ note: 'Lessen/Breuken groep 5.md', mode: 'extractive', matching: 'keyword-only' });
    expect(report.elements.map((e) => e.id)).toEqual(['kernwaarden/eigenaarschap', 'kernwaarden/samenwerken']);

    const ownership = byTitle(report.elements, 'Eigenaarschap');
    expect(ownership.status).toBe('strong');
    expect(ownership.score).toBeGreaterThanOrEqual(STRONG_AT);
    expect(ownership.suggestions).toEqual([]);
    expect(ownership.verified).toBe(true);
    const lines = ownership.evidence.map((e) => [e.startLine, e.endLine]);
    expect(lines).toContainEqual([14, 14]);
    expect(lines).toContainEqual([15, 15]);
    const first = ownership.evidence[0]!;
    expect(first).toMatchObject({ visionPath: 'Visie/Kernwaarden.md', visionHeading: 'Eigenaarschap' });
    expect([9, 10]).toContain(first.visionLine);
  });

  it('marks a value the plan does not show as absent, with concrete suggestions from its indicators and a practice', async () => {
    const { plan, namingPlan: _naming, ...sources } = smallSchool();
    const report = await checkLessonPlan({ plan, ...sources, embedder: null });
    const collaboration = byTitle(report.elements, 'Samenwerken');
    expect(collaboration.status).toBe('absent');
    expect(collaboration.evidence).toEqual([]);
    expect(collaboration.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(collaboration.suggestions.length).toBeLessThanOrEqual(2);
    expect(collaboration.suggestions[0]).toMatch(/tweetallen of groepjes|vat samen wat een klasgenoot/);
    expect(collaboration.suggestions[0]).toContain('[[Visie/Kernwaarden#Samenwerken]]');
    expect(collaboration.suggestions.join('\n')).toContain('[[Good practices/Denken-delen-uitwisselen]]');
  });

  it('does not count a value that is only named in a "Kernwaarden:" line as strong evidence', async () => {
    const { namingPlan, plan: _plan, ...sources } = smallSchool();
    const report = await checkLessonPlan({ ...sources, plan: namingPlan, embedder: null });
    for (const element of report.elements) {
      expect(element.status).not.toBe('strong');
      expect(element.score).toBeLessThan(0.25);
    }
  });

  it('is deterministic and reuses one prepared checker for many checks', async () => {
    const { plan, namingPlan, ...sources } = smallSchool();
    const checker = await LessonChecker.prepare(sources, null);
    const a = await checker.check(plan);
    await checker.check(namingPlan);
    const b = await checker.check(plan);
    expect(b).toEqual(a);
  });

  it('writes suggestions in English when asked, keeping the school\'s own words', async () => {
    const { plan, namingPlan: _naming, ...sources } = smallSchool();
    const report = await checkLessonPlan({ plan, ...sources, embedder: null, options: { lang: 'en' } });
    expect(byTitle(report.elements, 'Samenwerken').suggestions[0]).toMatch(/^(In "|Make room)/);
  });

  it('warns instead of failing on an empty note or a vault without vision elements', async () => {
    const { plan, namingPlan: _naming, ...sources } = smallSchool();
    const empty = await checkLessonPlan({ plan: { ...plan, sections: [] }, ...sources, embedder: null });
    expect(empty.warnings.join(' ')).toMatch(/no text/);
    expect(empty.elements.every((e) => e.status === 'absent')).toBe(true);
    const none = await checkLessonPlan({ plan, ...sources, elements: [], embedder: null });
    expect(none.elements).toEqual([]);
    expect(none.warnings.join(' ')).toMatch(/No vision elements/);
  });
});

/**
 * The fake embedder's vectors with extra constant dimensions: every cosine becomes a·cos + b, a model
 * with another similarity scale. Calibration against the vault's background must hide that.
 */
class RescaledEmbedder implements Embedder {
  readonly modelId = 'rescaled';
  constructor(private readonly inner: FakeEmbedder, private readonly share: number) {}
  async load(): Promise<EmbedderInfo> {
    const info = await this.inner.load();
    return { modelId: this.modelId, dim: info.dim + 1, fingerprint: `${info.fingerprint}/rescaled/${this.share}` };
  }
  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const a = Math.sqrt(1 - this.share);
    const b = Math.sqrt(this.share);
    return (await this.inner.embed(texts, kind)).map((v) => Float32Array.from([...v].map((x) => x * a).concat([b])));
  }
  async dispose(): Promise<void> {}
}

describe('checkLessonPlan with an embedding model', () => {
  it('reports hybrid matching and the same report shape', async () => {
    const { plan, namingPlan: _naming, ...sources } = smallSchool();
    const report = await checkLessonPlan({ plan, ...sources, embedder: new FakeEmbedder() });
    expect(report.matching).toBe('hybrid');
    expect(byTitle(report.elements, 'Eigenaarschap').status).toBe('strong');
    for (const e of report.elements) expect(e.score).toBeGreaterThanOrEqual(0);
  });

  it('gives the same statuses with a model whose similarities sit on another scale (calibrated per model)', async () => {
    const { plan, namingPlan, ...sources } = smallSchool();
    const plain = await LessonChecker.prepare(sources, new FakeEmbedder());
    const shifted = await LessonChecker.prepare(sources, new RescaledEmbedder(new FakeEmbedder(), 0.8));
    for (const p of [plan, namingPlan]) {
      const a = await plain.check(p);
      const b = await shifted.check(p);
      expect(b.elements.map((e) => [e.status, e.score])).toEqual(a.elements.map((e) => [e.status, e.score]));
    }
  });

  it('embeds only new plan sentences when a plan is checked again after an edit', async () => {
    const { plan, namingPlan: _naming, ...sources } = smallSchool();
    const embedder = new FakeEmbedder();
    const checker = await LessonChecker.prepare(sources, embedder);
    await checker.check(plan);
    embedder.resetCounts();
    await checker.check(plan);
    expect(embedder.textCount).toBe(0);
  });
});
