/**
 * Part of the `obsidian` test stub (see `obsidian.ts`): notices, modals and menus. Each keeps what a
 * test needs to read back (texts, items) and offers `simulate*` helpers standing in for the user's
 * clicks and typing. Nothing is laid out or focused.
 */
import { StubElement, stubEvent, type StubEvent } from './obsidianDom';
import type { App } from './obsidian';

/** Imitates `Notice`. Stub-only: `Notice.shown` lists every notice made (newest last), `Notice.reset()`. */
export class Notice {
  static shown: Notice[] = [];
  readonly noticeEl = new StubElement('div');
  readonly messageEl = this.noticeEl.createDiv({ cls: 'notice-message' });
  hidden = false;

  constructor(message: string, readonly duration?: number) {
    this.messageEl.setText(message);
    Notice.shown.push(this);
  }

  static reset(): void {
    Notice.shown = [];
  }

  /** Stub-only: the texts of all notices so far. */
  static texts(): string[] {
    return Notice.shown.map((n) => n.message);
  }

  get message(): string {
    return this.messageEl.textContent;
  }

  setMessage(message: string): this {
    this.messageEl.setText(message);
    return this;
  }

  hide(): void {
    this.hidden = true;
  }
}

/**
 * Imitates `Modal`: `open()` calls `onOpen`, `close()` calls `onClose`. The elements are nested as in
 * Obsidian (containerEl > modalEl > titleEl, contentEl). Stub-only: `app.openModals`.
 */
export class Modal {
  readonly containerEl = new StubElement('div');
  readonly modalEl = this.containerEl.createDiv({ cls: 'modal' });
  readonly titleEl = this.modalEl.createDiv({ cls: 'modal-title' });
  readonly contentEl = this.modalEl.createDiv({ cls: 'modal-content' });
  shouldRestoreSelection = true;
  isOpen = false;

  constructor(readonly app: App) {}

  open(): void {
    this.isOpen = true;
    this.app.openModals.push(this);
    void this.onOpen();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.app.openModals.splice(this.app.openModals.indexOf(this), 1);
    this.onClose();
  }

  onOpen(): void | Promise<void> {}
  onClose(): void {}

  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }

  setContent(content: string): this {
    this.contentEl.setText(content);
    return this;
  }
}

/**
 * Imitates `SuggestModal`: an input, a result list and instructions inside `modalEl`. Stub-only:
 * `simulateInput(query)` runs `getSuggestions` and renders the results like Obsidian does (each into
 * a `.suggestion-item`, at most `limit`, or the empty-state text); `simulateChoose(i)` closes the modal
 * and calls `onChooseSuggestion`, in that order, as Obsidian's `selectSuggestion` does.
 */
export abstract class SuggestModal<T> extends Modal {
  limit = 100;
  emptyStateText = 'No results found.';
  readonly inputEl: StubElement;
  readonly resultContainerEl: StubElement;
  readonly instructionsEl: StubElement;
  instructions: { command: string; purpose: string }[] = [];
  suggestions: T[] = [];

  constructor(app: App) {
    super(app);
    this.modalEl.addClass('prompt');
    this.inputEl = this.modalEl.createDiv({ cls: 'prompt-input-container' }).createEl('input', { cls: 'prompt-input' });
    this.resultContainerEl = this.modalEl.createDiv({ cls: 'prompt-results' });
    this.instructionsEl = this.modalEl.createDiv({ cls: 'prompt-instructions' });
  }

  setPlaceholder(placeholder: string): void {
    this.inputEl.setAttr('placeholder', placeholder);
  }

  setInstructions(instructions: { command: string; purpose: string }[]): void {
    this.instructions = instructions;
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: StubElement): void;
  abstract onChooseSuggestion(item: T, evt: StubEvent): void;

  selectSuggestion(value: T, evt: StubEvent): void {
    this.close();
    this.onChooseSuggestion(value, evt);
  }

  async simulateInput(query: string): Promise<T[]> {
    this.inputEl.value = query;
    const suggestions = (await this.getSuggestions(query)).slice(0, this.limit);
    // Only the answer to the latest input is shown, like the real modal.
    if (this.inputEl.value !== query) return this.suggestions;
    this.suggestions = suggestions;
    this.resultContainerEl.empty();
    if (suggestions.length === 0) this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText });
    for (const item of suggestions) this.renderSuggestion(item, this.resultContainerEl.createDiv({ cls: 'suggestion-item' }));
    return suggestions;
  }

  simulateChoose(index: number): void {
    const item = this.suggestions[index];
    if (item === undefined) throw new Error(`No suggestion #${index}`);
    this.selectSuggestion(item, stubEvent('keydown', { key: 'Enter' }));
  }
}

/** Imitates `MenuItem`: title, icon, click handler. Stub-only: `simulateClick`. */
export class MenuItem {
  title = '';
  icon: string | null = null;
  disabled = false;
  private clicked: ((evt: StubEvent) => unknown) | null = null;
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  setIcon(icon: string | null): this {
    this.icon = icon;
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
  setChecked(_checked: boolean | null): this {
    return this;
  }
  setSection(_section: string): this {
    return this;
  }
  onClick(callback: (evt: StubEvent) => unknown): this {
    this.clicked = callback;
    return this;
  }
  simulateClick(): unknown {
    return this.disabled ? undefined : this.clicked?.(stubEvent('click'));
  }
}

/** Imitates `Menu`: items and separators; showing it records it in `Menu.lastShown` (nothing is drawn). */
export class Menu {
  static lastShown: Menu | null = null;
  readonly items: MenuItem[] = [];
  separators = 0;
  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem();
    cb(item);
    this.items.push(item);
    return this;
  }
  addSeparator(): this {
    this.separators++;
    return this;
  }
  showAtMouseEvent(_evt: unknown): this {
    Menu.lastShown = this;
    return this;
  }
  showAtPosition(_position: unknown): this {
    Menu.lastShown = this;
    return this;
  }
  hide(): this {
    if (Menu.lastShown === this) Menu.lastShown = null;
    return this;
  }
  /** Stub-only: the item with this title; throws when there is none. */
  item(title: string): MenuItem {
    const found = this.items.find((i) => i.title === title);
    if (!found) throw new Error(`No menu item "${title}" (have: ${this.items.map((i) => i.title).join(', ')})`);
    return found;
  }
}
