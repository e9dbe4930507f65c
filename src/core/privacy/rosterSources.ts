/**
 * Builds a roster from what a vault holds: a roster note with "Leerlingen" and "Team" sections, and a
 * note's frontmatter (`personen:`, `leerlingen:`, `personeel:`). Pure: the caller reads the files.
 */
import type { Roster } from './types';

const PUPIL_HEADING = /leerling|kinderen|pupil|groep\s*\d|klas\b|klassen/i;
const STAFF_HEADING = /personeel|team|medewerker|collega|leerkracht|staf|staff|directie|ondersteuning|bestuur/i;
const OTHER_HEADING = /ouder|verzorger|contact|extern|personen/i;

/** "[[Sanne de Vries|Sanne]]" → "Sanne de Vries"; "Sanne de Vries (groep 5)" → "Sanne de Vries". */
function cleanName(raw: string): string {
  return raw
    .replace(/\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]/g, '$1')
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s[-–—:]\s|,|;|\t/)[0]!
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function looksLikeName(value: string): boolean {
  return value.length >= 2 && value.length <= 80 && /^\p{Lu}/u.test(value) && !/\d/.test(value);
}

function namesFrom(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;]/) : [];
  return list
    .filter((v): v is string => typeof v === 'string')
    .map(cleanName)
    .filter(looksLikeName);
}

/**
 * The people a note's frontmatter names: `personen` (role unknown), `leerlingen`/`leerling` (pupils),
 * `personeel`/`leerkrachten`/`medewerkers` (staff). Wikilinks are resolved to their target's name.
 */
export function rosterFromFrontmatter(frontmatter: Record<string, unknown>): Roster {
  const pick = (...keys: string[]): string[] => keys.flatMap((k) => namesFrom(frontmatter[k]));
  return {
    pupils: pick('leerlingen', 'leerling'),
    staff: pick('personeel', 'leerkrachten', 'leerkracht', 'medewerkers', 'team'),
    others: pick('personen', 'persoon', 'people'),
  };
}

/** Names from list items and the first cell of table rows, sorted by the heading above them. */
export function parseRosterNote(markdown: string): Roster {
  const roster: Required<Roster> = { pupils: [], staff: [], others: [] };
  let section: keyof Roster = 'others';
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const title = heading[1] ?? '';
      if (PUPIL_HEADING.test(title)) section = 'pupils';
      else if (STAFF_HEADING.test(title)) section = 'staff';
      else if (OTHER_HEADING.test(title)) section = 'others';
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(line);
    const row = /^\s*\|([^|]*)\|/.exec(line);
    const raw = item?.[1] ?? (row && !/^[\s:-]*$/.test(row[1] ?? '') ? row[1] : undefined);
    if (raw === undefined) continue;
    const name = cleanName(raw);
    // Table header cells ("Naam", "Leerling") are no names.
    if (looksLikeName(name) && !/^(naam|namen|leerling|leerkracht|functie|rol)$/i.test(name)) roster[section].push(name);
  }
  return roster;
}

/** One roster from several, without duplicates. */
export function mergeRosters(...rosters: (Roster | undefined)[]): Roster {
  const unique = (key: keyof Roster): string[] => [...new Set(rosters.flatMap((r) => r?.[key] ?? []))];
  return { pupils: unique('pupils'), staff: unique('staff'), others: unique('others') };
}
