import { dutchTerm, tokenize } from '../index/dutchText';

/**
 * A short, readable piece of a passage: the lines of the chunk with Markdown markers removed, starting at
 * the line that shares most terms with the query.
 */
export function makeSnippet(noteText: string, startLine: number, endLine: number, query = '', maxChars = 240): string {
  const raw = noteText.replace(/\r\n?/g, '\n').split('\n').slice(startLine - 1, endLine);
  // The heading is already in the citation; the snippet shows the passage itself.
  const body = raw.filter((line) => !/^#{1,6}\s/.test(line));
  const lines = (body.some((line) => line.trim() !== '') ? body : raw)
    .map(stripMarkdown)
    .filter((line) => line !== '');
  if (lines.length === 0) return '';
  const wanted = new Set(tokenize(query).map(dutchTerm).filter((t): t is string => t !== null));
  let best = 0;
  let bestScore = 0;
  lines.forEach((line, i) => {
    const score = tokenize(line).filter((t) => wanted.has(dutchTerm(t) ?? '')).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  const text = lines.slice(best).join(' ').replace(/\s+/g, ' ').trim();
  return text.length > maxChars ? `${text.slice(0, maxChars - 1).replace(/\s+\S*$/, '')}…` : text;
}

function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*(#{1,6}\s+|>\s*(\[![\w-]+\][+-]?\s*)?|[-*+]\s+(\[.\]\s+)?|\d+[.)]\s+)/, '')
    .replace(/!?\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2')
    .replace(/!?\[\[([^\]]*)\]\]/g, (_m, t: string) => t.replace('#', ' '))
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/^\|?\s*:?-{3,}.*$/, '')
    .replace(/\|/g, ' ')
    .trim();
}
