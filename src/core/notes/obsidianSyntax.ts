/**
 * Obsidian-specific inline syntax that remark does not know: wikilinks, embeds and tags.
 * Applied to plain text after remark has parsed the Markdown.
 */

const WIKILINK = /!?\[\[([^\]|#^]*)(#[^\]|]*)?(?:\^[^\]|]*)?(?:\|([^\]]*))?\]\]/g;
// A tag starts after whitespace or line start; must contain a non-digit; may nest with `/`.
const TAG = /(^|[\s(,;])#([\p{L}\p{N}_\-/]*[\p{L}_\-/][\p{L}\p{N}_\-/]*)/gu;

/** Targets of `[[wikilinks]]` in a text, without heading or alias. */
export function findWikilinks(text: string): string[] {
  const targets: string[] = [];
  for (const match of text.matchAll(WIKILINK)) {
    const target = (match[1] ?? '').trim();
    if (target) targets.push(target);
  }
  return targets;
}

/** Replaces wikilinks by what a reader sees: the alias, else the target and heading. */
export function renderWikilinks(text: string): string {
  return text.replace(WIKILINK, (_all, target: string, heading: string | undefined, alias: string | undefined) => {
    if (alias) return alias.trim();
    const parts = [target.trim(), heading ? heading.slice(1).trim() : ''].filter(Boolean);
    return parts.join(' ');
  });
}

/** Tags in a text, lower-cased, without `#`. */
export function findTags(text: string): string[] {
  const tags: string[] = [];
  for (const match of text.matchAll(TAG)) {
    const tag = match[2];
    if (tag) tags.push(tag.toLowerCase());
  }
  return tags;
}

/** Tags from a frontmatter `tags`/`tag` value: a list or a comma/space separated string. */
export function frontmatterTags(frontmatter: Record<string, unknown>): string[] {
  const raw = frontmatter['tags'] ?? frontmatter['tag'];
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,\s]+/) : [];
  return values
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.replace(/^#/, '').trim().toLowerCase())
    .filter(Boolean);
}
