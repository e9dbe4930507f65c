/**
 * The indicator lint: checks a behaviour indicator (generated or hand-written, also the vault's own)
 * against the rules in `lint/rules.ts` and says what to fix. Pure and synchronous; the messages are in
 * Dutch or English, the indicator itself may be either.
 */
import { analyzeIndicator } from './lint/analyzeIndicator';
import { foldWord, LEXICON } from './lint/lexicon';
import { LINT_RULES, type LintRuleId, type LintSeverity, type Localized } from './lint/rules';

export type { LintRule, LintRuleId, LintSeverity, Localized } from './lint/rules';
export { LINT_RULES, MAX_WORDS } from './lint/rules';
export type { Actor } from './lint/lexicon';

/** One problem with an indicator, in the language asked for. */
export interface LintFinding {
  /** A rule of `LINT_RULES`, or `levels` for a set of levels that differ only in how often. */
  rule: LintRuleId | 'levels';
  severity: LintSeverity;
  /** What is wrong and what to do instead. */
  message: string;
  /** The words that tripped the rule, when there are some. */
  match: string | null;
}

type Lang = 'nl' | 'en';

/** Checks one indicator against every rule; an empty list means it passes. */
export function lintIndicator(text: string, lang: Lang = 'nl'): LintFinding[] {
  const analyzed = analyzeIndicator(text);
  if (analyzed.words.length === 0) return [];
  const findings: LintFinding[] = [];
  for (const rule of LINT_RULES) {
    const match = rule.check(analyzed);
    if (match === null) continue;
    findings.push({ rule: rule.id, severity: rule.severity, message: rule.message[lang].replace('{match}', match), match: match === analyzed.text ? null : match });
  }
  return findings;
}

/** Who an indicator is about (teacher, pupils, room), or null when it names nobody. */
export function actorOf(text: string): ReturnType<typeof analyzeIndicator>['actor'] {
  return analyzeIndicator(text).actor;
}

/** Whether an indicator is observable as written: no error-level finding (warnings may remain). */
export function isObservable(findings: readonly LintFinding[]): boolean {
  return findings.every((f) => f.severity !== 'error');
}

/** How a set of indicators fares: `passed` have no finding at all, `observable` have no error. */
export interface LintSummary {
  total: number;
  passed: number;
  observable: number;
  /** `passed / total` (1 for an empty set). */
  passRate: number;
  observableRate: number;
  /** Every indicator with findings, in the order given. */
  flagged: { text: string; findings: LintFinding[] }[];
}

export function summarizeLint(texts: readonly string[], lang: Lang = 'nl'): LintSummary {
  const flagged: LintSummary['flagged'] = [];
  let passed = 0;
  let observable = 0;
  for (const text of texts) {
    const findings = lintIndicator(text, lang);
    if (findings.length === 0) passed++;
    else flagged.push({ text, findings });
    if (isObservable(findings)) observable++;
  }
  const total = texts.length;
  return { total, passed, observable, passRate: total ? passed / total : 1, observableRate: total ? observable / total : 1, flagged };
}

const LEVELS_MESSAGE: Localized = {
  nl: 'De niveaus verschillen alleen in hoe vaak („{match}”). Laat elk niveau ander gedrag beschrijven, niet „soms” tegenover „vaak”.',
  en: "The levels differ only in how often ('{match}'). Let each level describe different behaviour, not 'sometimes' against 'often'.",
};

/**
 * Levels (beginnend, gevorderd, sterk) should differ in kind. Returns a finding when two levels are the
 * same text once frequency words (soms, vaak, altijd, …) are taken out.
 */
export function lintLevels(levels: readonly string[], lang: Lang = 'nl'): LintFinding[] {
  const extra = ['altijd', 'nooit', 'steeds', 'bijna', 'always', 'never', 'almost', 'mostly'];
  const strip = (text: string): { rest: string; removed: string[] } => {
    const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(foldWord);
    const frequency = new Set([...LEXICON.nl.frequency, ...LEXICON.en.frequency, ...extra].filter((p) => !p.includes(' ')));
    return { rest: words.filter((w) => !frequency.has(w)).join(' '), removed: words.filter((w) => frequency.has(w)) };
  };
  const stripped = levels.map(strip);
  for (let i = 0; i < stripped.length; i++) {
    for (let j = i + 1; j < stripped.length; j++) {
      const a = stripped[i]!;
      const b = stripped[j]!;
      if (a.rest !== '' && a.rest === b.rest) {
        const match = [...a.removed, ...b.removed].join(' / ') || '—';
        return [{ rule: 'levels', severity: 'warning', message: LEVELS_MESSAGE[lang].replace('{match}', match), match }];
      }
    }
  }
  return [];
}

/** The rules as Markdown, with their examples: the lint's user documentation. */
export function describeLintRules(lang: Lang = 'nl'): string {
  const head = lang === 'nl' ? { bad: 'Niet zo', good: 'Wel zo', error: 'fout', warning: 'waarschuwing' } : { bad: 'Not like this', good: 'Like this', error: 'error', warning: 'warning' };
  return LINT_RULES.map((rule) =>
    [
      `### ${rule.title[lang]} (\`${rule.id}\`, ${head[rule.severity]})`,
      '',
      rule.message[lang].replace(/[„“'‘]?\{match\}[”’']?/g, '…'),
      '',
      ...rule.examples.bad.map((e) => `- ${head.bad}: ${e}`),
      ...rule.examples.good.map((e) => `- ${head.good}: ${e}`),
    ].join('\n'),
  ).join('\n\n');
}
