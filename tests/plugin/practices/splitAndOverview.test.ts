/**
 * "Split into good practices", "Refresh the good-practice overview" and "Find related good practices"
 * in the stub host: the review creates only what is ticked, with the elements as adjusted; the
 * overview is created once, then only its block is rewritten, also debounced (5 s) after practices
 * change; damaged markers leave the note alone; related practices open on choice.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { ButtonComponent, Notice, setStubLanguage } from '../../stubs/obsidian';
import { OVERVIEW_END, OVERVIEW_START } from '../../../src/core/practices';
import { SplitModal } from '../../../src/plugin/practices/splitModal';
import { RelatedPracticesModal } from '../../../src/plugin/practices/relatedModal';
import { until } from '../helpers/exampleVault';
import { unloadAll } from '../helpers/pluginHost';
import { el, openInEditor, press, readyHost, setting, STUDY_DAY, toggle, topModal, type, watchModify } from './practiceHost';

const OVERVIEW = 'Good practices/Overzicht.md';

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
});
afterEach(() => {
  unloadAll();
  vi.useRealTimers();
});

const practiceNote = (title: string, element: string): string => `---\nvisiewijzer: praktijk\nkernwaarden: [${element}]\nvak: gym\ndatum: 2026-10-01\n---\n\n# ${title}\n\nTekst.\n`;

describe('Split into good practices', () => {
  it('creates only the ticked candidates, with edited titles and adjusted elements, and leaves the note itself alone', async () => {
    const app = await readyHost();
    const before = app.vault.adapter.text(STUDY_DAY);
    const modified = watchModify(app, STUDY_DAY);
    await openInEditor(app, STUDY_DAY);
    expect(app.runCommand('visiewijzer:split-good-practices')).toBe(true);
    const modal = await topModal(app, SplitModal);

    expect(el(modal.contentEl).textContent).toContain('4 mogelijke good practice(s) in Studiedag 2026-11-04 - wat werkt bij ons.');
    expect([0, 1, 2, 3].map((i) => toggle(modal, ['1. Stoplichtkaarten bij rekenen (groep 5)', '2. Vertelkring met een voorwerp (groep 1-2)', '3. Een eigen oplossing bij meten (groep 7)', '4. Afsluiting'][i]!).getValue())).toEqual([true, true, true, false]);

    await toggle(modal, '2. Vertelkring met een voorwerp (groep 1-2)').simulateToggle(false);
    await type(modal, 'Titel', 'Stoplichtkaarten', 0);
    // Adjust the third candidate's elements: open its toggles and switch Creativiteit on.
    await setting(modal, 'Visie-elementen', 2).control(ButtonComponent).simulateClick();
    await toggle(modal, 'Creativiteit').simulateToggle(true);
    expect(setting(modal, 'Visie-elementen', 2).descEl.textContent).toContain('Creativiteit');
    await press(modal, 1);

    await until(() => Notice.texts().includes('2 good practice(s) gemaakt in de map Good practices.'));
    const first = app.vault.adapter.text('Good practices/Stoplichtkaarten.md')!;
    expect(first).toContain('bron: "[[Teamoverleg/Studiedag 2026-11-04 - wat werkt bij ons]]"');
    expect(first).toContain('Elke leerling heeft een rood, oranje en groen kaartje op tafel.');
    const third = app.vault.adapter.text('Good practices/Een eigen oplossing bij meten (groep 7).md')!;
    expect(third).toMatch(/kernwaarden:\n( {2}- .+\n)* {2}- Creativiteit\n/);
    expect(app.vault.getFileByPath('Good practices/Vertelkring met een voorwerp (groep 1-2).md')).toBeNull();
    expect(app.vault.getFileByPath('Good practices/Afsluiting.md')).toBeNull();
    expect(app.vault.adapter.text(STUDY_DAY)).toBe(before);
    expect(modified).toEqual([]);
  });

  it('says so when a note has nothing to split', async () => {
    const notes = new Map([['Notities/Alinea.md', '# Alinea\n\nAlleen een alinea.\n']]);
    const app = await readyHost(notes);
    await openInEditor(app, 'Notities/Alinea.md');
    app.runCommand('visiewijzer:split-good-practices');
    await until(() => Notice.texts().includes('In Alinea staan geen koppen of lijstpunten om in good practices te splitsen.'));
    expect(app.openModals).toEqual([]);
  });
});

describe('the good-practice overview', () => {
  it("is created by the command, then refreshed 5 s after a practice changes, keeping the leader's text byte for byte", async () => {
    const app = await readyHost();
    app.runCommand('visiewijzer:refresh-practice-overview');
    await until(() => Notice.texts().includes(`Het overzicht staat in ${OVERVIEW}.`));
    const created = app.vault.adapter.text(OVERVIEW)!;
    expect(created.startsWith(`# Overzicht van good practices\n\n${OVERVIEW_START}\n`)).toBe(true);
    expect(created).toContain('**Eigenaarschap** (2)');

    // The leader writes around the block.
    const above = '# Onze praktijk\n\nInleiding van de directeur.\n\n';
    const below = '\n\n## Notities MT\n\n- bespreken in januari\n';
    const block = created.slice(created.indexOf(OVERVIEW_START), created.indexOf(OVERVIEW_END) + OVERVIEW_END.length);
    await app.vault.modify(app.vault.getFileByPath(OVERVIEW)!, `${above}${block}${below}`);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await app.vault.create('Good practices/Gymmaatjes.md', practiceNote('Gymmaatjes', 'Creativiteit'));
    await vi.advanceTimersByTimeAsync(4999);
    expect(app.vault.adapter.text(OVERVIEW)).toBe(`${above}${block}${below}`);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    await until(() => app.vault.adapter.text(OVERVIEW)!.includes('Gymmaatjes'));

    const refreshed = app.vault.adapter.text(OVERVIEW)!;
    expect(refreshed.startsWith(above)).toBe(true);
    expect(refreshed.endsWith(below)).toBe(true);
    expect(refreshed).toContain('**Creativiteit** (1)');

    // A second refresh with nothing new leaves the note as it is.
    Notice.reset();
    app.runCommand('visiewijzer:refresh-practice-overview');
    await until(() => Notice.texts().some((t) => t.startsWith('Het overzicht')));
    expect(Notice.texts().filter((t) => t.startsWith('Het overzicht'))).toEqual([`Het overzicht in ${OVERVIEW} was al bij.`]);
    expect(app.vault.adapter.text(OVERVIEW)).toBe(refreshed);
  });

  it('follows a renamed practice: the refreshed overview links to its new path', async () => {
    const app = await readyHost();
    app.runCommand('visiewijzer:refresh-practice-overview');
    await until(() => app.vault.getFileByPath(OVERVIEW) !== null);
    await app.vault.rename(app.vault.getFileByPath('Good practices/Planbord in groep 4.md')!, 'Good practices/Planbord en weektaak.md');
    Notice.reset();
    app.runCommand('visiewijzer:refresh-practice-overview');
    await until(() => Notice.texts().some((t) => t.startsWith('Het overzicht staat in')));
    const text = app.vault.adapter.text(OVERVIEW)!;
    expect(text).toContain('[[Good practices/Planbord en weektaak|Planbord en weektaak]]');
    expect(text).not.toContain('Planbord in groep 4');
  });

  it('is not created unasked when practices change', async () => {
    const app = await readyHost();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await app.vault.create('Good practices/Gymmaatjes.md', practiceNote('Gymmaatjes', 'Samenwerken'));
    await vi.advanceTimersByTimeAsync(6000);
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.vault.getFileByPath(OVERVIEW)).toBeNull();
  });

  it('leaves a note with damaged markers untouched and says how to fix it', async () => {
    const damaged = `# Overzicht\n\n${OVERVIEW_START}\nmijn tekst, einde-markering per ongeluk weggehaald\n`;
    const notes = new Map([[OVERVIEW, damaged], ['Good practices/Duo.md', practiceNote('Duo', 'Samenwerken')]]);
    const app = await readyHost(notes);
    app.runCommand('visiewijzer:refresh-practice-overview');
    await until(() => Notice.texts().some((t) => t.startsWith('Het overzicht in ')));
    expect(Notice.texts().find((t) => t.startsWith('Het overzicht in '))).toMatch(/^Het overzicht in Good practices\/Overzicht\.md is niet bijgewerkt: de markeringen/);
    expect(app.vault.adapter.text(OVERVIEW)).toBe(damaged);
  });
});

describe('Find related good practices', () => {
  it('lists the practices of the same element first and opens the one chosen', async () => {
    const app = await readyHost();
    await openInEditor(app, 'Good practices/Planbord in groep 4.md');
    expect(app.runCommand('visiewijzer:related-practices')).toBe(true);
    const modal = await topModal(app, RelatedPracticesModal);
    const items = await (modal as unknown as { simulateInput(q: string): Promise<{ record: { title: string } }[]> }).simulateInput('');
    expect(items[0]!.record.title).toBe('Schrijfconferenties in groep 8');
    expect(items.map((i) => i.record.title)).not.toContain('Planbord in groep 4');
    expect(el(modal.resultContainerEl).textContent).toContain('Zelfde visie-elementen: Eigenaarschap');
    (modal as unknown as { simulateChoose(i: number): void }).simulateChoose(0);
    await until(() => app.workspace.getActiveFile()?.path === 'Ervaringen delen/Schrijfconferenties in groep 8.md');
  });
});
