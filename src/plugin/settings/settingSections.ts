/**
 * The settings tab described once, as sections of rows, and drawn two ways: imperatively with
 * `Setting` (Obsidian before 1.13, `display()`), or as declarative definitions (1.13+,
 * `getSettingDefinitions()`, which also makes the rows findable in Obsidian's settings search).
 */
import { Setting, type SettingDefinitionItem, type SettingGroupItem } from 'obsidian';

/** One row: its name and description, and the controls `render` adds (it may return a clean-up). */
export interface SettingRow {
  name: string;
  desc?: string;
  render?: (setting: Setting) => void | (() => void);
}

export interface SettingSection {
  /** Omitted for the first, general section (Obsidian's guidelines: no "General" heading). */
  heading?: string;
  rows: SettingRow[];
}

/** Draws the sections into `containerEl`; returns the clean-ups the rows asked for. */
export function drawSections(containerEl: HTMLElement, sections: SettingSection[]): (() => void)[] {
  const cleanups: (() => void)[] = [];
  for (const section of sections) {
    if (section.heading) new Setting(containerEl).setName(section.heading).setHeading();
    for (const row of section.rows) {
      const setting = new Setting(containerEl).setName(row.name);
      if (row.desc) setting.setDesc(row.desc);
      const cleanup = row.render?.(setting);
      if (cleanup) cleanups.push(cleanup);
    }
  }
  return cleanups;
}

/** The same sections as Obsidian 1.13's declarative setting groups. */
export function toDefinitions(sections: SettingSection[]): SettingDefinitionItem[] {
  return sections.map((section) => ({
    type: 'group' as const,
    ...(section.heading ? { heading: section.heading } : {}),
    items: section.rows.map((row): SettingGroupItem => {
      const base = { name: row.name, ...(row.desc ? { desc: row.desc } : {}) };
      const render = row.render;
      return render ? { ...base, render: (setting: Setting) => render(setting) } : base;
    }),
  }));
}
