/**
 * The generated part of the overview note lives between two HTML comments (invisible in reading view).
 * Only that part is ever rewritten: whatever the leader writes above or below stays byte for byte.
 */
export const OVERVIEW_START = '<!-- visiewijzer:overzicht:start -->';
export const OVERVIEW_END = '<!-- visiewijzer:overzicht:end -->';

/** The markers are damaged (one missing, doubled or in the wrong order): nothing is rewritten until a person fixes them. */
export class OverviewMarkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverviewMarkerError';
  }
}

/**
 * `existing` with the block between the markers replaced by `block` (which carries its own markers;
 * they are added when it does not). Every byte outside the markers is kept. Without markers the block
 * is appended after a blank line. With damaged markers it throws {@link OverviewMarkerError} rather than
 * guess which text is the leader's. A note with Windows line ends gets the block with Windows line ends.
 */
export function replaceOverviewBlock(existing: string, block: string): string {
  let wrapped = block.startsWith(OVERVIEW_START) && block.trimEnd().endsWith(OVERVIEW_END) ? block.trimEnd() : `${OVERVIEW_START}\n${block.trim()}\n${OVERVIEW_END}`;
  if (existing.includes('\r\n')) wrapped = wrapped.replace(/\r?\n/g, '\r\n');
  const starts = occurrences(existing, OVERVIEW_START);
  const ends = occurrences(existing, OVERVIEW_END);
  if (starts.length === 0 && ends.length === 0) {
    const newline = existing.includes('\r\n') ? '\r\n' : '\n';
    if (existing === '') return `${wrapped}${newline}`;
    const separator = existing.endsWith(newline) ? newline : `${newline}${newline}`;
    return `${existing}${separator}${wrapped}${newline}`;
  }
  const [start] = starts;
  const [end] = ends;
  if (starts.length !== 1 || ends.length !== 1 || start === undefined || end === undefined || end < start) {
    throw new OverviewMarkerError(`The overview markers are damaged (${starts.length} start and ${ends.length} end marker(s)); restore one "${OVERVIEW_START}" followed by one "${OVERVIEW_END}", or remove both`);
  }
  return existing.slice(0, start) + wrapped + existing.slice(end + OVERVIEW_END.length);
}

/** The text between the markers (markers included), or null when there is none. */
export function overviewBlockOf(text: string): string | null {
  const start = text.indexOf(OVERVIEW_START);
  const end = text.indexOf(OVERVIEW_END, start);
  return start < 0 || end < 0 ? null : text.slice(start, end + OVERVIEW_END.length);
}

function occurrences(text: string, marker: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length)) found.push(i);
  return found;
}
