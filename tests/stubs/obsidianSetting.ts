/**
 * Part of the `obsidian` test stub (see `obsidian.ts`): `Setting` rows and their controls. Each keeps
 * what a test needs to read back and offers `simulate*` helpers for the user's typing and clicks.
 */
import { StubElement, type StubEvent } from './obsidianDom';

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
  /** Imitates `addComponent` (1.11.0): the callback builds the component in the control element. */
  addComponent<T extends BaseComponent>(cb: (el: StubElement) => T): this {
    this.components.push(cb(this.controlEl));
    return this;
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
