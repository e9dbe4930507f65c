/** How an element's probes are built and weighted (see elementProfiles.ts). */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/notes/parseNote';
import { extractElements } from '../../src/core/vision/extractElements';
import { buildProfiles, PROBE_WEIGHT, SLOGAN_WEIGHT } from '../../src/core/lessonCheck/elementProfiles';
import { TermStats, termKey, termKeys } from '../../src/core/lessonCheck/terms';

const VISION = [
  '# Kernwaarden',
  '',
  '## Eigenaarschap',
  '',
  'Kinderen leren het meest als ze zelf aan het stuur zitten. Wij geven leerlingen stap voor stap meer ruimte om keuzes te maken over wat en hoe ze werken.',
  '',
  '- De leerling kiest zelf in welke volgorde hij de taken op het planbord afwerkt.',
  '',
  '## Rijke taal',
  '',
  'Taal is de sleutel tot alle andere vakken en daarom leren we woorden bewust aan in elke les.',
  '',
  '- Leerlingen gebruiken de nieuwe woorden in gesprekken in tweetallen.',
].join('\n');

/** A practice filed under Eigenaarschap with one sentence on ownership and one on words (Rijke taal's theme). */
const PRACTICE = [
  '---',
  'kernwaarden: [Eigenaarschap]',
  '---',
  '# Schrijfconferenties',
  '',
  'De leerling kiest zelf welk stuk van zijn tekst hij in het gesprek wil bespreken.',
  '',
  'Ze gebruiken de nieuwe woorden uit de les in hun gesprekken met klasgenoten.',
].join('\n');

function profiles() {
  const vision = parseNote('Visie/Kernwaarden.md', VISION);
  const practice = parseNote('Good practices/Schrijfconferenties.md', PRACTICE);
  const stats = new TermStats();
  for (const note of [vision, practice]) for (const s of note.sections) for (const b of s.blocks) stats.add(termKeys(b.text));
  return buildProfiles(extractElements(vision).elements, stats, [vision], [practice]);
}

describe('element profiles', () => {
  it('counts a short, figurative description sentence (a slogan) below strong, a longer one as a description', () => {
    const ownership = profiles().find((p) => p.element.title === 'Eigenaarschap')!;
    const slogan = ownership.probes.find((p) => p.text.startsWith('Kinderen leren het meest'))!;
    const sentence = ownership.probes.find((p) => p.text.startsWith('Wij geven leerlingen'))!;
    expect(slogan.weight).toBe(SLOGAN_WEIGHT);
    expect(SLOGAN_WEIGHT).toBeLessThan(0.6);
    expect(sentence.weight).toBe(PROBE_WEIGHT.description);
  });

  it("weighs a good practice's words that mark another element less than the element's own words", () => {
    const ownership = profiles().find((p) => p.element.title === 'Eigenaarschap')!;
    const weightOf = (text: string, word: string): number => {
      const probe = ownership.probes.find((p) => p.kind === 'practice' && p.text.startsWith(text))!;
      const key = termKey(word)!;
      const group = probe.groups.find((g) => g.keys.includes(key))!;
      return group.weights[group.keys.indexOf(key)]!;
    };
    // "woorden" is Rijke taal's word, "kiest" Eigenaarschap's own: about equally rare in this vault.
    const foreign = weightOf('Ze gebruiken de nieuwe woorden', 'woorden');
    const own = weightOf('De leerling kiest zelf welk stuk', 'kiest');
    expect(foreign).toBeLessThan(own / 2);
  });
});
