import type { NoteRole, ParsedNote } from './types';

/** Top-level folder per role. Users can rename them in settings. */
export type RoleFolders = Record<NoteRole, string>;

export const DEFAULT_ROLE_FOLDERS: RoleFolders = {
  visie: 'Visie',
  beleid: 'Beleid',
  les: 'Lessen',
  praktijk: 'Good practices',
};

/** Frontmatter values per role; English words are accepted for English-speaking users. */
const FRONTMATTER_VALUES: Record<NoteRole, string[]> = {
  visie: ['visie', 'vision'],
  beleid: ['beleid', 'policy'],
  les: ['les', 'lesplan', 'lesson', 'lesson-plan'],
  praktijk: ['praktijk', 'goodpractice', 'good-practice', 'practice'],
};

/**
 * Values Visiewijzer itself writes into generated drafts (observation forms, indicator lists, answers,
 * check reports): they say what a draft is, not a role, so they are not warned about.
 */
const GENERATED_KINDS = new Set(['kijkwijzer', 'flitsbezoek', 'indicatoren', 'lesideeen', 'reflectie', 'vakvoorbeelden', 'antwoord', 'visiecheck', 'overzicht']);

const TAGS: Record<NoteRole, string> = {
  visie: 'visie',
  beleid: 'beleid',
  les: 'lesplan',
  praktijk: 'goodpractice',
};

export interface RoleDecision {
  role: NoteRole | null;
  /** How the role was found, for the user: `frontmatter`, `tag` or `folder`. */
  via: 'frontmatter' | 'tag' | 'folder' | null;
  /** Set when frontmatter names an unknown role (the note falls back to tag and folder). */
  warning?: string;
}

/**
 * Decides a note's role. Frontmatter wins over a tag, a tag over the folder, so a user can always
 * override where a note happens to live.
 */
export function detectRole(note: Pick<ParsedNote, 'path' | 'frontmatter' | 'tags'>, folders: RoleFolders = DEFAULT_ROLE_FOLDERS): RoleDecision {
  let warning: string | undefined;
  const declared = note.frontmatter['visiewijzer'];
  if (typeof declared === 'string' && declared.trim() !== '') {
    const value = declared.trim().toLowerCase();
    const role = roleForFrontmatter(value);
    if (role) return { role, via: 'frontmatter' };
    if (!GENERATED_KINDS.has(value)) warning = `Unknown visiewijzer role "${declared}" in frontmatter (expected visie, beleid, les or praktijk)`;
  }
  for (const role of Object.keys(TAGS) as NoteRole[]) {
    const tag = TAGS[role];
    if (note.tags.some((t) => t === tag || t.startsWith(`${tag}/`))) return withWarning({ role, via: 'tag' }, warning);
  }
  const top = note.path.includes('/') ? note.path.split('/')[0]?.toLowerCase() : undefined;
  if (top) {
    for (const role of Object.keys(folders) as NoteRole[]) {
      if (folders[role].trim().toLowerCase() === top) return withWarning({ role, via: 'folder' }, warning);
    }
  }
  return withWarning({ role: null, via: null }, warning);
}

function roleForFrontmatter(value: string): NoteRole | null {
  for (const role of Object.keys(FRONTMATTER_VALUES) as NoteRole[]) {
    if (FRONTMATTER_VALUES[role].includes(value)) return role;
  }
  return null;
}

function withWarning(decision: RoleDecision, warning: string | undefined): RoleDecision {
  return warning ? { ...decision, warning } : decision;
}
