/** Settings: checked on load (bad values fall back, by name, nothing silently lost) and saved round trip. */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/plugin/settings/settings';
import { REJECTED_KEY, SettingsStore } from '../../src/plugin/settings/settingsStore';
import { resolveLanguage, setLanguage, t } from '../../src/plugin/i18n/i18n';
import { en } from '../../src/plugin/i18n/en';
import { nl } from '../../src/plugin/i18n/nl';

function memory(initial: unknown) {
  const box = { data: initial, saves: 0 };
  return { box, persistence: { load: async () => box.data, save: async (data: unknown) => void ((box.data = JSON.parse(JSON.stringify(data))), box.saves++) } };
}

describe('parseSettings', () => {
  it('gives the defaults for a first start (no data.json)', () => {
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [], extra: {} });
  });

  it('keeps every valid value', () => {
    const stored = {
      folders: { visie: 'Onze visie', beleid: 'Beleidsstukken', les: 'Lessen', praktijk: 'Praktijk' },
      modelId: 'Xenova/multilingual-e5-base',
      dtype: 'fp32',
      localModelDir: 'Modellen/e5/',
      language: 'en',
    };
    const { settings, problems } = parseSettings(stored);
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...stored, localModelDir: 'Modellen/e5' });
  });

  it('replaces each bad value by its default and names it, keeping the good ones', () => {
    const { settings, problems } = parseSettings({
      folders: { visie: 'Visie/Sub', beleid: '', les: 42, praktijk: 'Goede voorbeelden' },
      modelId: '../etc/passwd',
      dtype: 'int4',
      localModelDir: '../buiten',
      language: 'fr',
    });
    expect(problems.map((p) => p.key).sort()).toEqual(['dtype', 'folders.beleid', 'folders.les', 'folders.visie', 'language', 'localModelDir', 'modelId']);
    expect(problems.find((p) => p.key === 'dtype')?.value).toBe('int4');
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, folders: { ...DEFAULT_SETTINGS.folders, praktijk: 'Goede voorbeelden' } });
  });

  it('survives data that is not an object at all', () => {
    expect(parseSettings('kapot').settings).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings([1, 2]).problems).toEqual([{ key: 'data.json', value: [1, 2] }]);
  });
});

describe('SettingsStore', () => {
  it('saves changes and loads them back unchanged (round trip)', async () => {
    const { box, persistence } = memory(null);
    const store = new SettingsStore(persistence, DEFAULT_SETTINGS);
    await store.load();
    await store.update((draft) => {
      draft.folders.les = 'Lesplannen';
      draft.dtype = 'fp32';
      draft.language = 'nl';
    });
    const again = new SettingsStore(persistence, DEFAULT_SETTINGS);
    expect(await again.load()).toEqual([]);
    expect(again.current).toEqual(store.current);
    expect(again.current.folders.les).toBe('Lesplannen');
    expect(box.saves).toBe(1);
  });

  it('keeps unknown keys and the rejected values when it saves', async () => {
    const { box, persistence } = memory({ dtype: 'int4', futureSetting: { a: 1 } });
    const store = new SettingsStore(persistence, DEFAULT_SETTINGS);
    expect(await store.load()).toEqual([{ key: 'dtype', value: 'int4' }]);
    expect(store.current.dtype).toBe('q8');
    await store.update((draft) => (draft.language = 'en'));
    expect(box.data).toMatchObject({ futureSetting: { a: 1 }, [REJECTED_KEY]: { dtype: 'int4' }, dtype: 'q8', language: 'en' });
  });

  it('tells listeners about real changes only, with the previous settings', async () => {
    const { box, persistence } = memory(null);
    const store = new SettingsStore(persistence, DEFAULT_SETTINGS);
    await store.load();
    const listener = vi.fn();
    const stop = store.onChange(listener);
    await store.update((draft) => (draft.modelId = DEFAULT_SETTINGS.modelId));
    expect(listener).not.toHaveBeenCalled();
    expect(box.saves).toBe(0);
    await store.update((draft) => (draft.modelId = 'Xenova/other-model'));
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ modelId: 'Xenova/other-model' }), expect.objectContaining({ modelId: DEFAULT_SETTINGS.modelId }));
    stop();
    await store.update((draft) => (draft.dtype = 'fp32'));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('hands out copies, so a caller cannot change the live settings by accident', async () => {
    const store = new SettingsStore(memory(null).persistence, DEFAULT_SETTINGS);
    store.current.folders.visie = 'Anders';
    expect(store.current.folders.visie).toBe('Visie');
    expect(DEFAULT_SETTINGS.folders.visie).toBe('Visie');
  });
});

describe('i18n', () => {
  it('follows Obsidian\'s language on auto, and the setting otherwise', () => {
    expect(resolveLanguage('auto', 'nl')).toBe('nl');
    expect(resolveLanguage('auto', 'en-GB')).toBe('en');
    expect(resolveLanguage('auto', 'de')).toBe('en');
    expect(resolveLanguage('nl', 'en')).toBe('nl');
  });

  it('fills placeholders and switches tables', () => {
    setLanguage('nl');
    expect(t('status.reading', { done: 3, total: 40 })).toBe('Visiewijzer: 3/40');
    expect(t('status.readyKeyword')).toBe('Visiewijzer: klaar (alleen trefwoorden)');
    setLanguage('en');
    expect(t('status.readyKeyword')).toBe('Visiewijzer: ready (keyword only)');
    setLanguage('nl');
  });

  it('has the same placeholders in Dutch and English for every key', () => {
    const names = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) expect(names(en[key]), key).toEqual(names(nl[key]));
  });
});
