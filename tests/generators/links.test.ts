/**
 * Every wikilink in every generated note resolves to a note and heading of the vault, in both modes and
 * on both example vaults: each kind for every element, extractive, and with a model that cites every
 * passage it was given (so every passage the model mode can cite is checked too).
 */
import { describe, expect, it } from 'vitest';
import { checkWikilinks, GENERATOR_KINDS, generate, renderGeneratedNote, wikilinksIn, type GeneratorContext } from '../../src/core/generators';
import { parseNote } from '../../src/core/notes/parseNote';
import { answerCiting, contextFor, EXAMPLE_VAULT, HAS_VO_VAULT, ScriptedChatModel, sourceIds, VO_VAULT } from './generatorHarness';

async function notesFor(ctx: GeneratorContext, subjects: string[]): Promise<{ name: string; markdown: string }[]> {
  const out: { name: string; markdown: string }[] = [];
  for (const kind of GENERATOR_KINDS) {
    const request = { kind, elements: [], subjects, icalt: true, levels: true };
    const extractive = await generate(request, ctx);
    out.push({ name: `${kind} extractive`, markdown: renderGeneratedNote(extractive, { elements: ctx.vault.elements }) });
    const model = new ScriptedChatModel((r) => answerCiting(kind, sourceIds(r), subjects));
    const assisted = await generate(request, ctx, { chatModel: model });
    expect(model.requests.length).toBeGreaterThan(0);
    out.push({ name: `${kind} model`, markdown: renderGeneratedNote(assisted, { elements: ctx.vault.elements, date: '2026-11-23' }) });
  }
  return out;
}

describe('wikilinks in generated notes', () => {
  const vaults = [{ name: 'example vault', root: EXAMPLE_VAULT, subjects: ['rekenen', 'taal', 'wereldoriëntatie', 'bewegingsonderwijs', 'muziek'] }];
  if (HAS_VO_VAULT) vaults.push({ name: 'secondary-school vault', root: VO_VAULT, subjects: ['wiskunde', 'biologie', 'lichamelijke opvoeding'] });

  for (const vault of vaults) {
    it(`all resolve on the ${vault.name}, in both modes`, async () => {
      const { context } = await contextFor(vault.root);
      let total = 0;
      for (const note of await notesFor(context, vault.subjects)) {
        const check = checkWikilinks(note.markdown, context.vault.notes.values());
        expect(check.broken, note.name).toEqual([]);
        expect(check.total, note.name).toBeGreaterThan(0);
        total += check.total;
      }
      expect(total).toBeGreaterThan(100);
    });
  }

  it('the checker itself catches a missing note and a missing heading, and matches headings as Obsidian does', () => {
    const notes = [parseNote('Schoolplan/Pijlers 2024-2028.md', '# Pijlers\n\n## Pijler 2: Leren zichtbaar maken\n\nTekst.\n')];
    const check = checkWikilinks(
      '[[Schoolplan/Pijlers 2024-2028#Pijler 2 Leren zichtbaar maken]] [[Pijlers 2024-2028#pijler 2: leren zichtbaar maken]] [[Schoolplan/Pijlers 2024-2028#Pijler 3]] [[Visie/Elders]] [[Pijlers 2024-2028|alias]]',
      notes,
    );
    expect(check).toEqual({
      total: 5,
      resolved: 3,
      broken: [
        { link: 'Schoolplan/Pijlers 2024-2028#Pijler 3', reason: 'no-heading' },
        { link: 'Visie/Elders', reason: 'no-note' },
      ],
    });
    expect(wikilinksIn('---\nai:\n  sources:\n    - "[[A#B]]"\n---\n[[C]]')).toEqual(['A#B', 'C']);
  });
});
