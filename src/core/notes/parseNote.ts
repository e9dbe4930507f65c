import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseYaml } from 'yaml';
import type { RootContent, Nodes, List } from 'mdast';
import type { ListItem, ParsedNote, Section, TextBlock } from './types';
import { findTags, findWikilinks, frontmatterTags, renderWikilinks } from './obsidianSyntax';
import { noteTitle } from '../util/slug';

const gfmProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const plainProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/**
 * GFM parsing doubles the cost of a note (its autolink scan runs over every character), so it is used
 * only when the note has syntax only GFM understands: a table row, a task box, a footnote or ~~strike~~.
 * Everything else parses the same with plain CommonMark.
 */
const GFM_SYNTAX = /^\s*\|.*\||\|\s*:?-{3,}|^\s*[-*+]\s+\[[ xX]\]|\[\^[^\]]+\]|~~/m;

/**
 * Parses a Markdown note into sections with heading paths and line ranges.
 * Never throws on odd input: problems end up in `warnings` or `frontmatterError`.
 */
export function parseNote(path: string, markdown: string): ParsedNote {
  const source = markdown.replace(/\r\n?/g, '\n');
  const tree = (GFM_SYNTAX.test(source) ? gfmProcessor : plainProcessor).parse(source);
  const note: ParsedNote = {
    path,
    title: noteTitle(path),
    frontmatter: {},
    tags: [],
    links: [],
    sections: [],
    lineCount: source === '' ? 0 : source.split('\n').length,
    warnings: [],
  };

  const builder = new SectionBuilder(note);
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      readFrontmatter(note, node.value);
    } else if (node.type === 'heading') {
      const text = inlineText(node);
      builder.startHeading(text, node.depth, lineOf(node), endLineOf(node));
    } else {
      builder.addBlocks(blocksOf(node, 0));
    }
  }
  builder.finish();

  const tags = new Set(frontmatterTags(note.frontmatter));
  const links = new Set<string>();
  for (const section of note.sections) {
    for (const block of section.blocks) for (const tag of findTags(block.text)) tags.add(tag);
  }
  for (const node of walk(tree)) {
    if (node.type === 'text') for (const link of findWikilinks(node.value)) links.add(link);
  }
  note.tags = [...tags];
  note.links = [...links];
  reportDuplicateHeadings(note);
  return note;
}

function readFrontmatter(note: ParsedNote, yaml: string): void {
  try {
    const value: unknown = parseYaml(yaml);
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value)) {
      note.frontmatterError = 'Frontmatter is not a list of properties';
      return;
    }
    note.frontmatter = value as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    note.frontmatterError = `Frontmatter is not valid YAML: ${reason}`;
  }
}

/** Collects blocks under the current heading and closes sections as headings arrive. */
class SectionBuilder {
  private stack: { text: string; depth: number }[] = [];
  private current: Section;

  constructor(private readonly note: ParsedNote) {
    this.current = this.open(null, 0, 1);
  }

  startHeading(text: string, depth: number, line: number, endLine: number): void {
    this.close();
    if (text === '') this.note.warnings.push(`Empty heading on line ${line}`);
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1]?.depth ?? 0) >= depth) this.stack.pop();
    this.stack.push({ text, depth });
    this.current = this.open(text, depth, line);
    this.current.endLine = endLine;
  }

  addBlocks(blocks: TextBlock[]): void {
    for (const block of blocks) {
      this.current.blocks.push(block);
      if (block.kind === 'listItem') {
        this.current.listItems.push({ text: block.text, line: block.startLine, depth: depthOf(block) });
      }
    }
  }

  finish(): void {
    this.close();
  }

  private open(heading: string | null, level: number, line: number): Section {
    return {
      headingPath: this.stack.map((h) => h.text),
      heading,
      level,
      startLine: line,
      endLine: line,
      text: '',
      listItems: [],
      blocks: [],
    };
  }

  // A section ends at its last block, not at the blank lines before the next heading.
  private close(): void {
    const section = this.current;
    const lastBlock = section.blocks[section.blocks.length - 1];
    section.endLine = Math.max(section.endLine, lastBlock?.endLine ?? section.startLine);
    if (section.heading === null && section.blocks.length > 0) section.startLine = section.blocks[0]?.startLine ?? 1;
    section.text = section.blocks.map((b) => b.text).join('\n');
    if (section.heading !== null || section.blocks.length > 0) this.note.sections.push(section);
  }
}

const listDepth = new WeakMap<TextBlock, number>();
function depthOf(block: TextBlock): number {
  return listDepth.get(block) ?? 0;
}

function blocksOf(node: RootContent, depth: number): TextBlock[] {
  switch (node.type) {
    case 'paragraph': {
      const text = clean(renderWikilinks(inlineText(node)));
      return text ? [block(text, node, 'paragraph')] : [];
    }
    case 'list':
      return listBlocks(node, depth);
    case 'table':
      return node.children.flatMap((row) => {
        const text = clean(row.children.map((cell) => renderWikilinks(inlineText(cell))).join(' | '));
        return text.replace(/[|\s]/g, '') ? [block(text, row, 'tableRow')] : [];
      });
    case 'blockquote':
      return node.children.flatMap((child) => blocksOf(child, depth)).map(stripCalloutMarker);
    case 'footnoteDefinition':
      return node.children.flatMap((child) => blocksOf(child, depth));
    default:
      // Code, HTML, thematic breaks and definitions are not prose.
      return [];
  }
}

function listBlocks(list: List, depth: number): TextBlock[] {
  const out: TextBlock[] = [];
  for (const item of list.children) {
    const own = item.children.filter((c) => c.type === 'paragraph' || c.type === 'heading');
    const text = clean(renderWikilinks(own.map((c) => inlineText(c)).join(' ')));
    if (text) {
      const b = block(text, own[0] ?? item, 'listItem');
      b.endLine = endLineOf(own[own.length - 1] ?? item);
      listDepth.set(b, depth);
      out.push(b);
    }
    for (const child of item.children) {
      if (child.type === 'list') out.push(...listBlocks(child, depth + 1));
      else if (child.type !== 'paragraph' && child.type !== 'heading') out.push(...blocksOf(child, depth + 1));
    }
  }
  return out;
}

function stripCalloutMarker(b: TextBlock): TextBlock {
  const text = b.text.replace(/^\[![\w-]+\][+-]?\s*/, '');
  return text === b.text ? b : { ...b, text };
}

function block(text: string, node: Nodes, kind: TextBlock['kind']): TextBlock {
  return { text, startLine: lineOf(node), endLine: endLineOf(node), kind };
}

/** Plain text of inline content: what a reader sees, without Markdown syntax. */
function inlineText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'html') return '';
  if ('children' in node) return (node.children as Nodes[]).map(inlineText).join('');
  return '';
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

function endLineOf(node: Nodes): number {
  return node.position?.end.line ?? lineOf(node);
}

function* walk(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children as Nodes[]) yield* walk(child);
}

function reportDuplicateHeadings(note: ParsedNote): void {
  const seen = new Map<string, number[]>();
  for (const section of note.sections) {
    if (!section.heading) continue;
    const key = section.heading.toLowerCase();
    seen.set(key, [...(seen.get(key) ?? []), section.startLine]);
  }
  for (const section of note.sections) {
    const lines = section.heading ? seen.get(section.heading.toLowerCase()) : undefined;
    if (lines && lines.length > 1 && lines[0] === section.startLine) {
      note.warnings.push(`Heading "${section.heading}" appears ${lines.length} times (lines ${lines.join(', ')}); links go to the first`);
    }
  }
}

export type { ListItem };
