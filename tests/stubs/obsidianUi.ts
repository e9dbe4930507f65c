/**
 * Part of the `obsidian` test stub (see `obsidian.ts`): settings controls, modals, notices and menus.
 * Each keeps what a test needs to read back (texts, items) and offers `simulate*` helpers standing in
 * for the user's clicks and typing. Nothing is laid out or focused.
 */
import { StubElement, stubEvent, type StubEvent } from './obsidianDom';
import type { App } from './obsidian';

/** Imitates `BaseComponent`: a disabled flag and `then`. */
export class BaseComponent {
  disabled = false;
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
  then(cb: (component: this) => unknown): this {
    cb(this);
    return this;
  }
}

/** Imitates `TextComponent`. Stub-only: `simulateInput` types a value and runs the change handler. */
export class TextComponent extends BaseComponent {
  readonly inputEl: StubElement;
  private changed: ((value: string) => unknown) | null = null;
  constructor(containerEl: StubElement) {
    super();
    this.inputEl = containerEl.createEl('input', { type: 'text' });
  }
  getValue(): string {
    return this.inputEl.value;
  }
  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }
  setPlaceholder(placeholder: string): this {
    this.inputEl.setAttr('placeholder', placeholder);
    return this;
  }
  onChange(callback: (value: string) => unknown): this {
    this.changed = callback;
    return this;
  }
  async simulateInput(value: string): Promise<void> {
    this.inputEl.value = value;
    await this.changed?.(value);
  }
}

/** Imitates `DropdownComponent`. Stub-only: `options`, `simulateSelect`. */
export class DropdownComponent extends BaseComponent {
  readonly selectEl: StubElement;
  readonly options = new Map<string, string>();
  private changed: ((value: string) => unknown) | null = null;
  constructor(containerEl: StubElement) {
    super();
    this.selectEl = containerEl.createEl('select');
  }
  addOption(value: string, display: string): this {
    this.options.set(value, display);
    this.selectEl.createEl('option', { value, text: display });
    return this;
  }
  addOptions(options: Record<string, string>): this {
    for (const [value, display] of Object.entries(options)) this.addOption(value, display);
    return this;
  }
  getValue(): string {
    return this.selectEl.value;
  }
  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }
  onChange(callback: (value: string) => unknown): this {
    this.changed = callback;
    return this;
  }
  async simulateSelect(value: string): Promise<void> {
    this.selectEl.value = value;
    await this.changed?.(value);
  }
}

/** Imitates `ButtonComponent`; clicking `buttonEl` (or `simulateClick`) runs the click handler. */
export class ButtonComponent extends BaseComponent {
  readonly buttonEl: StubElement;
  private clicked: ((event: StubEvent) => unknown) | null = null;
  constructor(containerEl: StubElement) {
    super();
    this.buttonEl = containerEl.createEl('button');
    this.buttonEl.addEventListener('click', (event) => (this.disabled ? undefined : this.clicked?.(event)));
  }
  setButtonText(text: string): this {
    this.buttonEl.setText(text);
    return this;
  }
  setCta(): this {
    this.buttonEl.addClass('mod-cta');
    return this;
  }
  removeCta(): this {
    this.buttonEl.removeClass('mod-cta');
    return this;
  }
  setWarning(): this {
    this.buttonEl.addClass('mod-warning');
    return this;
  }
  setIcon(icon: string): this {
    this.buttonEl.setAttr('data-icon', icon);
    return this;
  }
  setClass(cls: string): this {
    this.buttonEl.addClass(cls);
    return this;
  }
  setTooltip(tooltip: string): this {
    this.buttonEl.setAttr('aria-label', tooltip);
    return this;
  }
  onClick(callback: (event: StubEvent) => unknown): this {
    this.clicked = callback;
    return this;
  }
  /** Stub-only: clicks and waits for an async handler. */
  async simulateClick(): Promise<void> {
    await Promise.all(this.buttonEl.click());
  }
}

/** Imitates `ToggleComponent`. */
export class ToggleComponent extends BaseComponent {
  private value = false;
  private changed: ((value: boolean) => unknown) | null = null;
  getValue(): boolean {
    return this.value;
  }
  setValue(value: boolean): this {
    this.value = value;
    return this;
  }
  onChange(callback: (value: boolean) => unknown): this {
    this.changed = callback;
    return this;
  }
  async simulateToggle(value: boolean): Promise<void> {
    this.value = value;
    await this.changed?.(value);
  }
}

/** Remembers which `Setting` drew which row, so tests can find a setting by its name. */
const settingsByEl = new WeakMap<StubElement, Setting>();

/**
 * Imitates `Setting`: a row with name, description and controls. Stub-only: `Setting.find(container,
 * name)`, `components`, `heading`.
 */
export class Setting {
  readonly settingEl: StubElement;
  readonly infoEl: StubElement;
  readonly nameEl: StubElement;
  readonly descEl: StubElement;
  readonly controlEl: StubElement;
  readonly components: BaseComponent[] = [];
  heading = false;
  disabled = false;

  constructor(containerEl: StubElement) {
    this.settingEl = containerEl.createDiv({ cls: 'setting-item' });
    this.infoEl = this.settingEl.createDiv({ cls: 'setting-item-info' });
    this.nameEl = this.infoEl.createDiv({ cls: 'setting-item-name' });
    this.descEl = this.infoEl.createDiv({ cls: 'setting-item-description' });
    this.controlEl = this.settingEl.createDiv({ cls: 'setting-item-control' });
    settingsByEl.set(this.settingEl, this);
  }

  /** Stub-only: every Setting drawn inside `container`, in order. */
  static all(container: StubElement): Setting[] {
    return container.findAllByClass('setting-item').flatMap((el) => settingsByEl.get(el) ?? []);
  }

  /** Stub-only: the Setting named `name` inside `container`; throws when there is none. */
  static find(container: StubElement, name: string): Setting {
    const found = Setting.all(container).find((s) => s.nameEl.textContent === name);
    if (!found) throw new Error(`No setting named "${name}" (have: ${Setting.all(container).map((s) => s.nameEl.textContent).join(', ')})`);
    return found;
  }

  setName(name: string): this {
    this.nameEl.setText(name);
    return this;
  }
  setDesc(desc: string): this {
    this.descEl.setText(desc);
    return this;
  }
  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }
  setTooltip(tooltip: string): this {
    this.settingEl.setAttr('aria-label', tooltip);
    return this;
  }
  setHeading(): this {
    this.heading = true;
    this.settingEl.addClass('setting-item-heading');
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    for (const component of this.components) component.setDisabled(disabled);
    return this;
  }
  addText(cb: (component: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }
  addDropdown(cb: (component: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }
  addButton(cb: (component: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }
  addToggle(cb: (component: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(), cb);
  }
  then(cb: (setting: this) => unknown): this {
    cb(this);
    return this;
  }
  /** Stub-only: the first component of a kind (e.g. `setting.control(ButtonComponent)`). */
  control<T extends BaseComponent>(kind: new (...args: never[]) => T, index = 0): T {
    const found = this.components.filter((c): c is T => c instanceof kind)[index];
    if (!found) throw new Error(`Setting "${this.nameEl.textContent}" has no ${kind.name} #${index}`);
    return found;
  }

  private add<T extends BaseComponent>(component: T, cb: (component: T) => unknown): this {
    this.components.push(component);
    cb(component);
    return this;
  }
}

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
