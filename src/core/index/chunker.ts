import type { NoteRole, ParsedNote, Section, TextBlock } from '../notes/types';
import type { Chunk } from './types';
import { hashText } from '../util/hash';

/** Size limits in estimated tokens. TSDoc'd because they are tuning knobs, not facts. */
export interface ChunkOptions {
  /** A chunk is closed before it grows past this many tokens (default 400). */
  maxTokens: number;
  /** Sections smaller than this are folded into their parent's chunk when it fits (default 80). */
  minTokens: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxTokens: 400, minTokens: 80 };

/** Rough token count: multilingual sentence-piece models see about one token per four characters of Dutch. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

interface Draft {
  headingPath: string[];
  startLine: number;
  endLine: number;
  lines: string[];
  tokens: number;
}

/**
 * Splits a parsed note into chunks by heading. Long sections are split at block boundaries (or, for one
 * giant paragraph, at sentences); small sub-sections join their parent's chunk so a chunk is worth
 * embedding. Every chunk keeps its heading path and line range so it can be cited and shown.
 */
export function chunkNote(note: ParsedNote, role: NoteRole | null, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const drafts: Draft[] = [];
  for (const section of note.sections) {
    if (section.blocks.length === 0) continue;
    const pieces = splitBlocks(section.blocks, options.maxTokens);
    const previous = drafts[drafts.length - 1];
    const size = pieces.reduce((sum, p) => sum + p.reduce((s, b) => s + estimateTokens(b.text), 0), 0);
    if (previous && pieces.length === 1 && size < options.minTokens && isAncestor(previous.headingPath, section.headingPath) && previous.tokens + size <= options.maxTokens) {
      appendSection(previous, section, pieces[0] ?? []);
      continue;
    }
    // The first piece starts at the heading line, so a hit opens at its heading and shows it.
    pieces.forEach((piece, i) => drafts.push(newDraft(section.headingPath, piece, i === 0 && section.heading !== null ? section.startLine : undefined)));
  }
  return drafts.map((draft, ordinal) => toChunk(note, role, draft, ordinal));
}

function toChunk(note: ParsedNote, role: NoteRole | null, draft: Draft, ordinal: number): Chunk {
  const breadcrumb = [note.title, ...draft.headingPath.filter(Boolean)].join(' > ');
  const text = `${breadcrumb}\n${draft.lines.join('\n')}`;
  return {
    id: `${note.path}#${ordinal}`,
    path: note.path,
    headingPath: draft.headingPath,
    startLine: draft.startLine,
    endLine: draft.endLine,
    role,
    hash: hashText(text),
    text,
  };
}

function newDraft(headingPath: string[], blocks: TextBlock[], headingLine?: number): Draft {
  return {
    headingPath,
    startLine: headingLine ?? blocks[0]?.startLine ?? 1,
    endLine: blocks[blocks.length - 1]?.endLine ?? 1,
    lines: blocks.map((b) => b.text),
    tokens: blocks.reduce((sum, b) => sum + estimateTokens(b.text), 0),
  };
}

function appendSection(draft: Draft, section: Section, blocks: TextBlock[]): void {
  if (section.heading) draft.lines.push(section.heading);
  draft.lines.push(...blocks.map((b) => b.text));
  draft.endLine = Math.max(draft.endLine, blocks[blocks.length - 1]?.endLine ?? section.endLine);
  draft.tokens += blocks.reduce((sum, b) => sum + estimateTokens(b.text), 0);
}

function isAncestor(parent: string[], child: string[]): boolean {
  return parent.length < child.length && parent.every((h, i) => child[i] === h);
}

/** Groups blocks into pieces of at most `max` tokens, splitting single oversized blocks by sentence. */
function splitBlocks(blocks: TextBlock[], max: number): TextBlock[][] {
  const pieces: TextBlock[][] = [];
  let current: TextBlock[] = [];
  let tokens = 0;
  for (const block of blocks.flatMap((b) => splitOversized(b, max))) {
    const size = estimateTokens(block.text);
    if (current.length > 0 && tokens + size > max) {
      pieces.push(current);
      current = [];
      tokens = 0;
    }
    current.push(block);
    tokens += size;
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

function splitOversized(block: TextBlock, max: number): TextBlock[] {
  if (estimateTokens(block.text) <= max) return [block];
  const target = Math.floor(max * 0.75) * 4;
  const sentences = block.text.match(/[^.!?]+[.!?]*\s*/g) ?? [block.text];
  const parts: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    for (const piece of sentence.length > target ? hardSplit(sentence, target) : [sentence]) {
      if (current && current.length + piece.length > target) {
        parts.push(current.trim());
        current = '';
      }
      current += piece;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts.map((text) => ({ ...block, text }));
}

function hardSplit(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
