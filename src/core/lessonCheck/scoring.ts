import type { ElementProfile, Probe } from './elementProfiles';
import type { UnitMatches } from './terms';
import { clamp01 } from './calibration';
import type { ElementStatus } from './types';

/**
 * How a plan is scored against one vision element. The numbers live here, in one place, and
 * `README.md` beside this file explains them for users.
 *
 * 1. Per plan unit (a sentence of an activity, a table cell) and per probe of the element (an
 *    indicator or a description sentence), the keyword COVERAGE: the share of the probe's meaning
 *    (its terms weighted by idf over the vault) that the unit contains. "De leerling kiest zelf in
 *    welke volgorde hij de taken afwerkt" is covered well by "leerlingen kiezen zelf de volgorde",
 *    barely by "de leerlingen maken de taken". Coverage between KEYWORD_START and KEYWORD_FULL maps
 *    linearly to a strength in [0,1]; one shared word alone counts half.
 * 2. With an embedding model, the unit's similarity to the probe, as a z-score against the vault's
 *    ordinary lesson text (see `calibration.ts`), mapped to a strength the same way.
 * 3. The two are combined as independent signals: 1 - (1 - keyword)(1 - meaning). The unit's field
 *    then scales it (`FIELD_WEIGHT`): an activity counts fully, a value named under "Kernwaarden" a third.
 *    A unit that merely names the element's title counts TITLE_MENTION, never more.
 * 4. The element's SCORE combines its three best blocks, each counting less than the one before:
 *    1 - (1 - s1)(1 - s2/2)(1 - s3/4). One clear activity gives a high score; several together more.
 * 5. STATUS: strong from STRONG_AT, partial from PARTIAL_AT, else absent.
 */
export const KEYWORD_START = 0.15;
export const KEYWORD_FULL = 0.5;
/** A unit naming the element (all distinctive words of its title) without showing it. */
export const TITLE_MENTION = 0.35;
/** Below this a unit is not shown as evidence. */
export const EVIDENCE_AT = 0.2;
export const STRONG_AT = 0.6;
export const PARTIAL_AT = 0.25;
/** Weights of the best, second and third block in the element score. */
const BLOCK_WEIGHTS = [1, 0.5, 0.25];

/**
 * The share of a probe's meaning (its weighted term groups) that a unit's keys cover. Of a group of
 * alternatives the best-matching one counts; examples add but are not missed; one matched word alone
 * counts half, as a single shared word is weak evidence.
 */
export function coverage(unit: UnitMatches, probe: Probe): number {
  if (probe.mass <= 0) return 0;
  let covered = 0;
  let matched = 0;
  for (const group of probe.groups) {
    let best = 0;
    let bestMatch = 0;
    group.keys.forEach((key, i) => {
      const m = unit.get(key) ?? 0;
      const value = m * (group.weights[i] ?? 0);
      if (value > best) {
        best = value;
        bestMatch = m;
      }
    });
    covered += best;
    matched += bestMatch;
  }
  const share = Math.min(covered, probe.mass) / probe.mass;
  return matched < 1.5 ? share / 2 : share;
}

/** Strength of keyword evidence from a coverage. */
export function keywordStrength(cover: number): number {
  return clamp01((cover - KEYWORD_START) / (KEYWORD_FULL - KEYWORD_START));
}

/** Whether a unit names the element: every distinctive word of its title occurs in it. */
export function namesElement(unit: UnitMatches, profile: ElementProfile): boolean {
  return profile.titleKeys.length > 0 && profile.titleKeys.every((k) => (unit.get(k) ?? 0) >= 0.9);
}

/** Combines independent evidence in [0,1]: either alone counts, both together more. */
export function combine(a: number, b: number): number {
  return 1 - (1 - a) * (1 - b);
}

/** The element score from the best strength of each block (any order). */
export function elementScore(blockStrengths: readonly number[]): number {
  const best = [...blockStrengths].sort((a, b) => b - a).slice(0, BLOCK_WEIGHTS.length);
  let rest = 1;
  best.forEach((s, i) => {
    rest *= 1 - s * (BLOCK_WEIGHTS[i] ?? 0);
  });
  return 1 - rest;
}

export function statusOf(score: number): ElementStatus {
  if (score >= STRONG_AT) return 'strong';
  if (score >= PARTIAL_AT) return 'partial';
  return 'absent';
}
