import type { ParsedNote } from '../notes/types';
import type { Embedder } from '../index/types';
import { SynonymTable } from './schoolSynonyms';
import { buildProfiles, type ElementProfile } from './elementProfiles';
import { planUnits, FIELD_WEIGHT, type PlanUnit } from './planUnits';
import { TermMatcher, TermStats, termKeys, type UnitMatches } from './terms';
import { backgroundStats, vectorStrength, type BackgroundStats } from './calibration';
import { combine, coverage, elementScore, EVIDENCE_AT, keywordStrength, namesElement, statusOf, TITLE_MENTION } from './scoring';
import { suggestionsFor, type IndicatorFit } from './suggestions';
import { VectorCache, cosine } from './vectorCache';
import { policyPassagesFor } from './policyPassages';
import type { PolicyPassage } from './modelPrompt';
import type { CheckEvidence, ElementCheck, LessonCheckOptions, LessonCheckReport, LessonCheckSources } from './types';

/** A block of another note, used as ordinary lesson text when calibrating (see `calibration.ts`). */
interface BackgroundBlock {
  path: string;
  text: string;
}

/** Background units need some content to say anything about a model's similarity scale. */
const MIN_BACKGROUND_KEYS = 3;

/** How one unit relates to one element. */
interface UnitMatch {
  strength: number;
  /** The probe that matched best (index into the profile's probes), or -1 for a title mention. */
  probe: number;
}

/**
 * Checks lesson plans against a vision, offline and deterministically (extractive mode). Prepare it once
 * per vault (and model): that computes idf weights, the element profiles and, with an embedder, the
 * calibration background. Then `check` a plan as often as it changes: only new plan sentences are
 * embedded. How the status is decided: `scoring.ts` and README.md beside this file.
 */
export class LessonChecker {
  private readonly matcher: TermMatcher;

  private constructor(
    private readonly sources: LessonCheckSources,
    private readonly embedder: Embedder | null,
    readonly profiles: readonly ElementProfile[],
    private readonly background: readonly BackgroundBlock[],
    /** Per element, per background block: the block's best cosine with the element's probes. */
    private readonly backgroundScores: readonly number[][],
    private readonly vectors: VectorCache | null,
    private readonly options: LessonCheckOptions,
    /**
     * Fingerprint of the embedder the calibration was computed for (null: keyword-only). When the
     * model changes, prepare a new checker: the background statistics belong to one model.
     */
    readonly fingerprint: string | null,
  ) {
    // Titles are in the vocabulary too: a unit that names an element is recognised through it.
    this.matcher = new TermMatcher(profiles.flatMap((p) => [...p.titleKeys, ...p.probes.flatMap((q) => q.groups.flatMap((g) => g.keys))]), new SynonymTable());
  }

  /** Prepares a checker for a vault. With an embedder, embeds the probes and the background once. */
  static async prepare(sources: LessonCheckSources, embedder: Embedder | null, options: LessonCheckOptions = {}): Promise<LessonChecker> {
    const stats = new TermStats();
    const notes = [...(sources.corpus ?? []), ...(sources.policy ?? []), ...(sources.practices ?? []), ...(sources.visionNotes ?? [])];
    for (const note of notes) for (const section of note.sections) for (const block of section.blocks) stats.add(termKeys(block.text));
    if (!sources.visionNotes?.length) {
      for (const e of sources.elements) for (const text of [...e.indicators, ...e.description.split('\n')]) stats.add(termKeys(text));
    }
    const profiles = buildProfiles(sources.elements, stats, sources.visionNotes, sources.practices);
    const background = backgroundBlocks([...(sources.corpus ?? []), ...(sources.practices ?? [])], options.backgroundSize ?? 400);

    let vectors: VectorCache | null = null;
    let backgroundScores: number[][] = profiles.map(() => []);
    let fingerprint: string | null = null;
    if (embedder) {
      fingerprint = (await embedder.load()).fingerprint;
      vectors = new VectorCache(embedder);
      await vectors.ensure(profiles.flatMap((p) => p.probes.map((q) => q.text)), 'query', options.signal, true);
      await vectors.ensure(background.map((b) => b.text), 'passage', options.signal, true);
      backgroundScores = profiles.map((profile) => background.map((b) => bestCosine(vectors!, b.text, profile)));
    }
    return new LessonChecker(sources, embedder, profiles, background, backgroundScores, vectors, options, fingerprint);
  }

  /** The policy passages most about element `index` (in the order of `profiles`), best first. */
  policyPassages(index: number, k: number): PolicyPassage[] {
    const profile = this.profiles[index];
    return profile ? policyPassagesFor(profile, this.sources.policy ?? [], this.matcher, k) : [];
  }

  /** `hybrid` when an embedder takes part, else `keyword-only`. */
  get matching(): 'hybrid' | 'keyword-only' {
    return this.embedder ? 'hybrid' : 'keyword-only';
  }

  /** Checks one lesson plan against every element. */
  async check(plan: ParsedNote, options: LessonCheckOptions = {}): Promise<LessonCheckReport> {
    const lang = options.lang ?? this.options.lang ?? 'nl';
    const maxEvidence = options.maxEvidence ?? this.options.maxEvidence ?? 3;
    const units = planUnits(plan);
    if (this.vectors) await this.vectors.ensure(units.map((u) => u.text), 'passage', options.signal);
    const warnings: string[] = [];
    if (units.length === 0) warnings.push(`${plan.path}: the note has no text to check`);
    if (this.profiles.length === 0) warnings.push('No vision elements found: mark a vision note (visiewijzer: visie, #visie, or the Visie folder)');

    const matches = units.map((u) => this.matcher.matches(u.keys));
    const elements = this.profiles.map((profile, e) => this.checkElement(plan, units, matches, profile, e, lang, maxEvidence));
    return { note: plan.path, mode: 'extractive', matching: this.matching, elements, warnings };
  }

  private checkElement(plan: ParsedNote, units: readonly PlanUnit[], matches: readonly UnitMatches[], profile: ElementProfile, e: number, lang: 'nl' | 'en', maxEvidence: number): ElementCheck {
    const stats = this.vectors ? backgroundStats(this.backgroundScores[e] ?? [], (i) => this.background[i]?.path === plan.path) : null;
    const perBlock = new Map<number, { unit: PlanUnit; match: UnitMatch }>();
    const fits = new Map<number, IndicatorFit>();
    profile.probes.forEach((p, i) => {
      if (p.kind === 'indicator') fits.set(i, { probe: i, fit: 0, unit: null, shown: false });
    });

    for (const [u, unit] of units.entries()) {
      const match = this.matchUnit(unit, matches[u]!, profile, stats, fits);
      const current = perBlock.get(unit.block);
      if (!current || match.strength > current.match.strength) perBlock.set(unit.block, { unit, match });
    }
    const score = round(elementScore([...perBlock.values()].map((b) => b.match.strength)));
    const status = statusOf(score);
    const evidence = [...perBlock.values()]
      .filter((b) => b.match.strength >= EVIDENCE_AT)
      .sort((a, b) => b.match.strength - a.match.strength || a.unit.startLine - b.unit.startLine)
      .slice(0, status === 'absent' ? 0 : maxEvidence)
      .map((b) => {
        const fit = fits.get(b.match.probe);
        if (fit) fit.shown = true;
        return this.evidence(b.unit, b.match, profile);
      });
    const suggestions = status === 'strong' ? [] : suggestionsFor(profile, [...fits.values()], this.sources.practices ?? [], this.matcher, lang);
    const { id, title, path, heading } = profile.element;
    return { id, title, path, heading, status, score, evidence, suggestions, verified: true };
  }

  /** The unit's best match with the element; also records how near each indicator came (for suggestions). */
  private matchUnit(unit: PlanUnit, matches: UnitMatches, profile: ElementProfile, stats: BackgroundStats | null, fits: ReadonlyMap<number, IndicatorFit>): UnitMatch {
    const unitVector = this.vectors?.get(unit.text, 'passage') ?? null;
    let best: UnitMatch = { strength: 0, probe: -1 };
    profile.probes.forEach((probe, i) => {
      const keyword = keywordStrength(coverage(matches, probe));
      const probeVector = this.vectors?.get(probe.text, 'query');
      const meaning = unitVector && probeVector ? vectorStrength(cosine(unitVector, probeVector), stats) : 0;
      const strength = combine(keyword, meaning) * probe.weight;
      if (strength > best.strength) best = { strength, probe: i };
      const fit = fits.get(i);
      if (fit && unit.field === 'activity' && strength > fit.fit) {
        fit.fit = strength;
        fit.unit = unit;
      }
    });
    if (best.strength < TITLE_MENTION && namesElement(matches, profile)) best = { strength: TITLE_MENTION, probe: -1 };
    return { strength: best.strength * FIELD_WEIGHT[unit.field], probe: best.probe };
  }

  private evidence(unit: PlanUnit, match: UnitMatch, profile: ElementProfile): CheckEvidence {
    const probe = match.probe >= 0 ? profile.probes[match.probe] : undefined;
    const { element } = profile;
    return {
      startLine: unit.startLine,
      endLine: unit.endLine,
      text: unit.text,
      visionPath: probe?.source?.path ?? element.path,
      visionHeading: probe?.source ? probe.source.heading : element.heading,
      visionText: probe?.text ?? element.title,
      visionLine: probe ? probe.line : element.startLine,
      strength: round(match.strength),
    };
  }
}

/** Input of {@link checkLessonPlan}: the plan, the vault's sources, and the embedder (null: keyword-only). */
export interface CheckLessonPlanInput extends LessonCheckSources {
  plan: ParsedNote;
  embedder: Embedder | null;
  options?: LessonCheckOptions;
}

/** One-off check: prepares a checker and checks the plan. For repeated checks keep a {@link LessonChecker}. */
export async function checkLessonPlan(input: CheckLessonPlanInput): Promise<LessonCheckReport> {
  const { plan, embedder, options, ...sources } = input;
  const checker = await LessonChecker.prepare(sources, embedder, options);
  return checker.check(plan, options);
}

function bestCosine(vectors: VectorCache, text: string, profile: ElementProfile): number {
  const v = vectors.get(text, 'passage');
  if (!v) return 0;
  let best = -1;
  for (const probe of profile.probes) {
    const p = vectors.get(probe.text, 'query');
    if (p) best = Math.max(best, cosine(v, p));
  }
  return best;
}

/**
 * Up to `size` units (sentences, table cells: the same grain as a checked plan) with some content,
 * taken evenly across the notes so no single note dominates.
 */
function backgroundBlocks(notes: readonly ParsedNote[], size: number): BackgroundBlock[] {
  const all: BackgroundBlock[] = [];
  for (const note of notes) {
    for (const unit of planUnits(note)) {
      if (unit.keys.length >= MIN_BACKGROUND_KEYS) all.push({ path: note.path, text: unit.text });
    }
  }
  if (all.length <= size) return all;
  const step = all.length / size;
  return Array.from({ length: size }, (_, i) => all[Math.floor(i * step)]!);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
