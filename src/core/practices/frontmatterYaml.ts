import { parse as parseYaml } from 'yaml';

/** Words that some YAML readers take for a boolean or null, whatever the YAML version. */
const RESERVED = /^(y|yes|n|no|on|off|true|false|null|~)$/i;
/** Plain scalars are kept to ordinary words: letters, digits, spaces and a little punctuation. */
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} .,'’()/&+-]*$/u;

/**
 * One string as a YAML scalar that every reader (Obsidian's Properties, Dataview, the `yaml` package)
 * gives back as exactly this string: plain when that is safe (`rekenen`, `3 en 8`), else a JSON string
 * (valid YAML), e.g. `"4"`, `"Pijler 1: Rijke taal"`, `"[[Lessen/Planbord]]"`.
 */
export function yamlString(value: string): string {
  const plain = value.replace(/\s+/g, ' ').trim();
  if (plain === value && PLAIN.test(value) && !RESERVED.test(value) && safeParse(value) === value) return value;
  return JSON.stringify(value.replace(/\s+/g, ' ').trim());
}

/** `key: value`, or `key:` with one `  - item` line per value (the list style Obsidian writes itself). */
export function yamlLine(key: string, value: string | readonly string[]): string {
  if (typeof value === 'string') return `${key}: ${yamlString(value)}`;
  if (value.length === 0) return `${key}: []`;
  return [`${key}:`, ...value.map((v) => `  - ${yamlString(v)}`)].join('\n');
}

function safeParse(value: string): unknown {
  try {
    return parseYaml(value);
  } catch {
    return undefined;
  }
}
