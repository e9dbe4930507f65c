/**
 * `[[note#heading]]` as Obsidian writes it: the path without `.md`, and the heading with the characters
 * Obsidian cannot keep in a link (`: # | ^ \` and brackets) turned into spaces, as its own autocomplete does.
 */
export function citation(path: string, heading: string | null): string {
  const target = path.replace(/\.md$/i, '');
  if (!heading) return `[[${target}]]`;
  const safe = heading.replace(/\[\[|\]\]|%%|[:#|^\\]/g, ' ').replace(/\s+/g, ' ').trim();
  return safe ? `[[${target}#${safe}]]` : `[[${target}]]`;
}
