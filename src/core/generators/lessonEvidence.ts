/**
 * What the vault's lesson plans and good practices hold for an element, as ideas a leader can hand on:
 * plans the lesson check finds the element strongly in (its extractive, offline mode), and good
 * practices the school itself filed under the element. Each comes with its goal, differentiation, the
 * lines that show the element, and the passage to cite.
 */
import type { ParsedNote } from '../notes/types';
import type { VisionElement } from '../vision/visionElement';
import type { CheckEvidence, ElementCheck, LessonCheckReport } from '../lessonCheck/types';
import { LessonChecker } from '../lessonCheck/lessonChecker';
import { noteIsAbout } from '../lessonCheck/practiceLinks';
import { sectionAt, sectionRef, sourceRef, type GeneratorVault } from './generatorVault';
import { splitSentences } from './lookFors';
import { frontmatterText } from './subjects';

/** A lesson plan or good practice read as an idea. */
export interface VaultIdea {
  note: ParsedNote;
  kind: 'praktijk' | 'les';
  title: string;
  goal: string | null;
  activity: string | null;
  /** The plan's or practice's own words that show the element. */
  visible: string | null;
  differentiation: string | null;
  subject: string;
  group: string;
  /** The passages to cite, `note#heading`. */
  sources: string[];
  /** Lesson plans: how the check rated the element there. */
  status?: ElementCheck['status'];
}

const MAX_CHARS = 220;

/** Cuts a text at a word near `MAX_CHARS`. */
export function shorten(text: string, max = MAX_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()} …`;
}

const reports = new WeakMap<GeneratorVault, Promise<Map<string, LessonCheckReport>>>();

/** The lesson check of every lesson plan in the vault, computed once per vault (keyword-only). */
export function lessonReports(vault: GeneratorVault): Promise<Map<string, LessonCheckReport>> {
  let pending = reports.get(vault);
  if (!pending) {
    pending = (async () => {
      const known = new Set([...vault.visionNotes, ...vault.policy, ...vault.practices].map((n) => n.path));
      const corpus = [...vault.notes.values()].filter((n) => !known.has(n.path));
      const checker = await LessonChecker.prepare({ elements: vault.elements, visionNotes: vault.visionNotes, policy: vault.policy, practices: vault.practices, corpus }, null);
      const out = new Map<string, LessonCheckReport>();
      for (const plan of vault.lessons) out.set(plan.path, await checker.check(plan));
      return out;
    })();
    reports.set(vault, pending);
  }
  return pending;
}

function titleOf(note: ParsedNote): string {
  return note.sections.find((s) => s.level === 1)?.heading ?? note.title;
}

/** The text of the first section whose heading matches, or of the first block that starts with a matching label. */
function field(note: ParsedNote, heading: RegExp, label: RegExp): string | null {
  const section = note.sections.find((s) => s.heading !== null && s.level > 1 && heading.test(s.heading) && s.blocks.length > 0);
  if (section) return shorten(section.blocks.slice(0, 2).map((b) => b.text).join(' '));
  for (const s of note.sections) {
    for (const block of s.blocks) {
      const match = label.exec(block.text);
      if (match) return shorten(block.text.slice(match[0].length));
    }
  }
  return null;
}

function goalOf(note: ParsedNote): string | null {
  const goal = field(note, /doel/i, /^\s*(les)?doel\s*:\s*/i);
  if (goal) return goal;
  for (const s of note.sections) for (const b of s.blocks) for (const sentence of splitSentences(b.text)) if (/^het doel is\b/i.test(sentence)) return shorten(sentence);
  return null;
}

function base(note: ParsedNote, kind: VaultIdea['kind']): Omit<VaultIdea, 'activity' | 'visible' | 'sources'> {
  return {
    note,
    kind,
    title: titleOf(note),
    goal: goalOf(note),
    differentiation: field(note, /differentiatie|differentiation/i, /^\s*differentiatie\s*:\s*/i),
    subject: frontmatterText(note.frontmatter['vak'] ?? note.frontmatter['sectie'] ?? note.frontmatter['subject']),
    group: frontmatterText(note.frontmatter['groep'] ?? note.frontmatter['group'] ?? note.frontmatter['klas']),
  };
}

/** Sentences about the note rather than the practice: where it was shared, what it links to. */
function isMeta(sentence: string, element: VisionElement): boolean {
  return /^(dit voorbeeld|gedeeld|het sluit aan|het past bij|zie |this example|shared)/i.test(sentence) || sentence.toLowerCase().includes(element.title.toLowerCase());
}

/** Good practices the school filed under the element (frontmatter or a link), as ideas. */
export function practiceIdeas(vault: GeneratorVault, element: VisionElement): VaultIdea[] {
  return vault.practices
    .filter((note) => noteIsAbout(note, element))
    .map((note) => {
      const paragraphs = note.sections.flatMap((section) =>
        section.blocks.filter((b) => b.kind === 'paragraph' && !/^(#[\p{L}\p{N}_/-]+\s*)+$/u.test(b.text.trim())).map((block) => ({ section, block })),
      );
      const sentences = paragraphs.flatMap(({ section, block }) => splitSentences(block.text).filter((t) => !isMeta(t, element)).map((text) => ({ section, text })));
      const opening = sentences.slice(0, 2).filter((s) => s.section === sentences[0]?.section);
      const outcome = note.sections.find((s) => s.heading !== null && /wat we (zien|merken)|oplevert|opbrengst|resultaat|effect/i.test(s.heading));
      const visible = outcome?.blocks[0] ? splitSentences(outcome.blocks[0].text)[0] ?? null : null;
      const cited = opening[0]?.section;
      return {
        ...base(note, 'praktijk'),
        activity: opening.length > 0 ? shorten(opening.map((s) => s.text).join(' ')) : null,
        visible: visible ? shorten(visible) : null,
        sources: [cited ? sectionRef(note, cited) : sourceRef(note.path, null)],
      };
    });
}

/** Sections that say what a lesson needs or starts from, not what happens in it. */
const NOT_ACTIVITY = /beginsituatie|materia|benodigd|voorkennis|doel/i;
/** Sections that show the element less well than the lesson itself does. */
const SECOND_CHOICE = /differentiatie|evaluatie|afsluiting/i;

/**
 * The lines that show the element in what happens in the lesson: evidence in the lesson's activities
 * first, then in its differentiation or evaluation; never the starting situation or the materials
 * (a value is visible in what pupils and teacher do, not in how many pupils there are).
 */
function activityEvidence(plan: ParsedNote, evidence: readonly CheckEvidence[]): CheckEvidence | undefined {
  const heading = (e: CheckEvidence): string => sectionAt(plan, e.startLine)?.headingPath.slice(1).join(' ') ?? '';
  const usable = evidence.filter((e) => !NOT_ACTIVITY.test(heading(e)));
  return usable.find((e) => !SECOND_CHOICE.test(heading(e))) ?? usable[0];
}

/** Lesson plans whose check finds the element with at least `minStatus`, best first. */
export async function lessonIdeas(vault: GeneratorVault, element: VisionElement, minStatus: 'strong' | 'partial' = 'strong'): Promise<VaultIdea[]> {
  const all = await lessonReports(vault);
  const ideas: VaultIdea[] = [];
  const scores = new Map<VaultIdea, number>();
  for (const plan of vault.lessons) {
    const check = all.get(plan.path)?.elements.find((e) => e.id === element.id);
    if (!check || check.status === 'absent' || (minStatus === 'strong' && check.status !== 'strong')) continue;
    const evidence = activityEvidence(plan, check.evidence);
    if (!evidence) continue;
    const section = sectionAt(plan, evidence.startLine);
    const idea: VaultIdea = {
      ...base(plan, 'les'),
      activity: null,
      visible: shorten(evidence.text),
      sources: [section ? sectionRef(plan, section) : sourceRef(plan.path, null)],
      status: check.status,
    };
    ideas.push(idea);
    scores.set(idea, check.score);
  }
  return ideas.sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || a.note.path.localeCompare(b.note.path));
}
