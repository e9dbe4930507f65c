/**
 * The review of a split: every candidate with a tick box (on for the ones that look like a practice),
 * its title to edit, and its vision elements (the likely ones ticked, adjustable). Creates nothing
 * itself: it hands back what the user ticked.
 */
import { Modal, Setting, type App } from 'obsidian';
import { preselectedIds, type SplitCandidate } from '../../core/practices';
import { t } from '../i18n/i18n';
import { renderElementToggles } from './elementToggles';

/** One candidate the user ticked, with the title and elements as confirmed. */
export interface SplitChoice {
  candidate: SplitCandidate;
  title: string;
  elementIds: string[];
}

interface Row {
  candidate: SplitCandidate;
  create: boolean;
  title: string;
  selected: Set<string>;
}

/** Longest part of a candidate's text shown in the review. */
const EXCERPT = 180;

/** Resolves with the ticked candidates (possibly none), or null when the dialog was closed without creating. */
export function splitDialog(app: App, noteName: string, candidates: readonly SplitCandidate[]): Promise<SplitChoice[] | null> {
  return new Promise((resolve) => new SplitModal(app, noteName, candidates, resolve).open());
}

export class SplitModal extends Modal {
  private readonly rows: Row[];
  private result: SplitChoice[] | null = null;

  constructor(app: App, private readonly noteName: string, candidates: readonly SplitCandidate[], private readonly done: (choices: SplitChoice[] | null) => void) {
    super(app);
    this.rows = candidates.map((candidate) => ({ candidate, create: candidate.recommended, title: candidate.title, selected: new Set(preselectedIds(candidate.suggested)) }));
  }

  override onOpen(): void {
    const { contentEl } = this;
    this.setTitle(t('practice.split.title'));
    contentEl.createEl('p', { text: t('practice.split.intro', { count: this.rows.length, name: this.noteName }) });
    this.rows.forEach((row, i) => this.renderRow(contentEl.createDiv({ cls: 'visiewijzer-split-candidate' }), row, i));
    new Setting(contentEl)
      .addButton((button) => button.setButtonText(t('practice.cancel')).onClick(() => this.close()))
      .addButton((button) => button.setButtonText(t('practice.split.create')).setCta().onClick(() => this.submit()));
  }

  override onClose(): void {
    this.contentEl.empty();
    this.done(this.result);
  }

  private renderRow(el: HTMLElement, row: Row, index: number): void {
    const { candidate } = row;
    const lines = candidate.startLine === candidate.endLine ? t('practice.split.line', { line: candidate.startLine }) : t('practice.split.lines', { start: candidate.startLine, end: candidate.endLine });
    new Setting(el)
      .setName(`${index + 1}. ${candidate.title}`)
      .setDesc(`${lines} · ${excerpt(candidate.text)}`)
      .addToggle((toggle) => toggle.setValue(row.create).onChange((on) => (row.create = on)));
    new Setting(el).setName(t('practice.field.title')).addText((text) => text.setValue(row.title).onChange((value) => (row.title = value)));

    const summary = new Setting(el).setName(t('practice.elements.heading'));
    const describe = (): void => {
      const titles = candidate.suggested.filter((s) => row.selected.has(s.id)).map((s) => s.title);
      summary.setDesc(titles.length ? titles.join(', ') : t('practice.split.noElements'));
    };
    describe();
    const togglesEl = el.createDiv({ cls: 'visiewijzer-practice-elements' });
    let drawn = false;
    summary.addButton((button) =>
      button.setButtonText(t('practice.split.adjust')).onClick(() => {
        if (drawn) {
          togglesEl.toggleClass('visiewijzer-hidden', !togglesEl.hasClass('visiewijzer-hidden'));
          return;
        }
        drawn = true;
        renderElementToggles(togglesEl, candidate.suggested, row.selected, describe);
      }),
    );
  }

  private submit(): void {
    this.result = this.rows
      .filter((row) => row.create)
      .map((row) => ({ candidate: row.candidate, title: row.title.trim() || row.candidate.title, elementIds: row.candidate.suggested.map((s) => s.id).filter((id) => row.selected.has(id)) }));
    this.close();
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT ? flat : `${flat.slice(0, EXCERPT - 1)}…`;
}
