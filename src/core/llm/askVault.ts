/**
 * "Ask the vision and policy": finds the passages of the vault that are about a question, gives them to
 * a language model as delimited sources, and returns the answer with its `[[note#heading]]` sources.
 * When the vault has nothing on the question, it says so and never calls the model.
 */
import type { NoteRole } from '../notes/types';
import type { SearchOptions } from '../retrieval/hybridSearch';
import type { SearchHit, SearchResult } from '../retrieval/searchHit';
import { buildGroundedPrompt, citationFor, type PromptSource } from './prompt';
import { renderPromptText, type GuardedChatResponse } from './redactingChatModel';
import type { ChatModel, ChatRequest } from './types';

/** What askVault needs of the index: `VisionIndex.search`, or the plugin's service (null while loading). */
export interface PassageSearch {
  search(query: string, options: SearchOptions): Promise<SearchResult | null>;
}

export interface AskVaultInput {
  index: PassageSearch;
  /** Reads a note's text, to quote the passages (the index keeps no text). */
  readNote(path: string): Promise<string>;
  /** Normally a `RedactingChatModel`, so nothing leaves unredacted. */
  chatModel: ChatModel;
  question: string;
  /** Language of the messages askVault writes itself; the model answers in the question's language. */
  lang: 'nl' | 'en';
  /** Passages to give the model (default 6). */
  k?: number;
  /**
   * A passage found only by meaning counts when its cosine similarity reaches this (default 0.82,
   * for e5-style models whose unrelated texts score around 0.75). Keyword hits always count.
   */
  minVectorScore?: number;
  /**
   * Look in notes of these roles first (the vision and policy); only when they have nothing relevant,
   * in every note. All notes at once when omitted.
   */
  roles?: readonly NoteRole[];
  /** Notes never quoted, such as the roster. */
  excludePaths?: readonly string[];
  signal?: AbortSignal;
  /** Sees the request before it is sent (the preview); false sends nothing. */
  beforeSend?(request: ChatRequest): Promise<boolean> | boolean;
  /** Puts the originals back into the answer (`PrivacyGuard.restore`). */
  restore?(text: string): string;
  onToken?: (token: string) => void;
}

/** One passage the answer was grounded in. Lines are 1-based and inclusive. */
export interface AskSource {
  /** `[[Kernwaarden#Eigenaarschap]]`, as the model was told to cite it. */
  citation: string;
  path: string;
  heading: string | null;
  startLine: number;
  endLine: number;
}

export interface AskVaultResult {
  /** `nothing-found` and `cancelled` sent nothing. */
  status: 'answered' | 'nothing-found' | 'cancelled';
  /** The answer with the originals restored, or a sentence saying why there is none. */
  answer: string;
  /** The answer as the model wrote it (placeholders intact): what the audit log keeps. */
  rawAnswer: string;
  sources: AskSource[];
  /** Exactly what left the machine; empty when nothing did. */
  sentPrompt: string;
  redactionCount: number;
  /** False when the text went out unredacted (a loopback server with the exemption on) or not at all. */
  redacted: boolean;
  /** The model the server says answered; empty when none was called. */
  model: string;
}

/** What "Ask the vision and policy" looks in first. */
export const VISION_AND_POLICY_ROLES: readonly NoteRole[] = ['visie', 'beleid'];

const DEFAULT_K = 6;
const DEFAULT_MIN_VECTOR_SCORE = 0.82;
/** Per passage and in all, so a long note cannot crowd out the question or blow the context. */
const MAX_PASSAGE_CHARS = 2_000;
const MAX_TOTAL_CHARS = 12_000;

/** Written by the program, never taken from a note. */
const TASK =
  'Beantwoord de vraag van de schoolleider met alleen wat in de bronnen staat. Verwijs na elke bewering ' +
  'naar de bron met de waarde van haar citeer-attribuut, bijvoorbeeld [[Kernwaarden#Eigenaarschap]]. ' +
  'Houd het antwoord kort en concreet.';

const NOTHING_FOUND = {
  nl: 'Je kluis zegt hier niets over: Visiewijzer vond in je notities geen passages over deze vraag. Er is niets naar het taalmodel gestuurd.',
  en: 'Your vault has nothing on this: Visiewijzer found no passages about this question in your notes. Nothing was sent to the language model.',
};

const CANCELLED = {
  nl: 'Niet verstuurd: er is niets naar het taalmodel gegaan.',
  en: 'Not sent: nothing went to the language model.',
};

/** The passage's own lines, without a frontmatter block, cut at a sentence-ish boundary when long. */
export function passageText(noteText: string, startLine: number, endLine: number): string {
  const lines = noteText.replace(/\r\n?/g, '\n').split('\n');
  let from = Math.max(0, startLine - 1);
  if (from === 0 && lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
    if (close > 0) from = Math.max(from, close + 1);
  }
  const text = lines.slice(from, Math.max(from, endLine)).join('\n').trim();
  if (text.length <= MAX_PASSAGE_CHARS) return text;
  const cut = text.slice(0, MAX_PASSAGE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('. ') + 1, MAX_PASSAGE_CHARS / 2)).trimEnd()} …`;
}

function isRelevant(hit: SearchHit, minVectorScore: number): boolean {
  return hit.keywordScore !== null || (hit.vectorScore !== null && hit.vectorScore >= minVectorScore);
}

function isGuarded(response: object): response is GuardedChatResponse {
  return 'sentPrompt' in response && typeof response.sentPrompt === 'string';
}

/** Answers `question` from the vault through `chatModel`; see the module comment. */
export async function askVault(input: AskVaultInput): Promise<AskVaultResult> {
  const k = input.k ?? DEFAULT_K;
  const excluded = new Set(input.excludePaths ?? []);
  const relevant = async (roles?: NoteRole[]): Promise<SearchHit[]> => {
    const found = await input.index.search(input.question, { k: k * 2, ...(roles ? { roles } : {}) });
    return (found?.hits ?? [])
      .filter((hit) => !excluded.has(hit.path) && isRelevant(hit, input.minVectorScore ?? DEFAULT_MIN_VECTOR_SCORE))
      .slice(0, k);
  };
  let hits = input.roles?.length ? await relevant([...input.roles]) : [];
  if (hits.length === 0) hits = await relevant();

  const sources: AskSource[] = [];
  const promptSources: PromptSource[] = [];
  let total = 0;
  for (const hit of hits) {
    const text = passageText(await input.readNote(hit.path).catch(() => ''), hit.startLine, hit.endLine);
    if (text === '' || total + text.length > MAX_TOTAL_CHARS) continue;
    total += text.length;
    promptSources.push({ id: `S${promptSources.length + 1}`, path: hit.path, heading: hit.heading, text });
    sources.push({ citation: citationFor(hit), path: hit.path, heading: hit.heading, startLine: hit.startLine, endLine: hit.endLine });
  }
  const unsent = { rawAnswer: '', sentPrompt: '', redactionCount: 0, redacted: false, model: '' };
  if (promptSources.length === 0) return { status: 'nothing-found', answer: NOTHING_FOUND[input.lang], sources: [], ...unsent };

  const prompt = buildGroundedPrompt({ task: TASK, sources: promptSources, question: input.question });
  const request: ChatRequest = {
    system: prompt.system,
    messages: [{ role: 'user', content: prompt.user }],
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onToken ? { onToken: input.onToken } : {}),
  };
  if (input.beforeSend && !(await input.beforeSend(request))) {
    return { status: 'cancelled', answer: CANCELLED[input.lang], sources, ...unsent };
  }
  const response = await input.chatModel.complete(request);
  const guarded = isGuarded(response);
  return {
    status: 'answered',
    answer: input.restore ? input.restore(response.text) : response.text,
    rawAnswer: response.text,
    sources,
    sentPrompt: guarded ? response.sentPrompt : renderPromptText(request.system, request.messages),
    redactionCount: guarded ? response.redactionCount : 0,
    redacted: guarded ? response.redacted : false,
    model: response.model,
  };
}
