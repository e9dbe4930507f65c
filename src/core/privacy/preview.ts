/**
 * Splits a redaction into segments for a preview: the user sees exactly the text that will be sent,
 * with each placeholder marked and its local original at hand.
 */
import type { PreviewSegment, RedactionResult } from './types';

/**
 * The redacted text as plain and redacted segments, in order; joining the segments' `text` gives
 * `result.text` exactly.
 */
export function previewRedaction(result: RedactionResult): PreviewSegment[] {
  const segments: PreviewSegment[] = [];
  // Findings carry input offsets; walk the output alongside, shifting by each placeholder's length change.
  let shift = 0;
  let cursor = 0;
  for (const finding of result.findings) {
    const outStart = finding.start + shift;
    if (outStart > cursor) segments.push({ text: result.text.slice(cursor, outStart), redacted: false });
    segments.push({ text: finding.placeholder, redacted: true, type: finding.type, original: finding.original });
    cursor = outStart + finding.placeholder.length;
    shift += finding.placeholder.length - (finding.end - finding.start);
  }
  if (cursor < result.text.length) segments.push({ text: result.text.slice(cursor), redacted: false });
  return segments;
}
