/**
 * Part of the `obsidian` test stub (see `obsidian.ts`): a tiny element tree standing in for the DOM
 * with Obsidian's helpers on it (`createEl`, `createDiv`, `setText`, `addClass`, ...). Tests run in
 * Node without a DOM; this imitates what the plugin calls, not layout, CSS, focus or real events.
 */

/** Imitates Obsidian's `DomElementInfo` options for `createEl` (cls, text, attr, prepend, ...). */
export interface StubElementInfo {
  cls?: string | string[];
  text?: string;
  attr?: Record<string, string | number | boolean | null>;
  title?: string;
  value?: string;
  type?: string;
  placeholder?: string;
  href?: string;
  prepend?: boolean;
}

/** A minimal event object: what listeners in the plugin read. */
export interface StubEvent {
  type: string;
  defaultPrevented: boolean;
  preventDefault(): void;
  [key: string]: unknown;
}

export function stubEvent(type: string, extra: Record<string, unknown> = {}): StubEvent {
  const event: StubEvent = {
    type,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
}

type Listener = (event: StubEvent) => unknown;

/** Imitates an `HTMLElement` with Obsidian's DOM helpers. Does not imitate rendering, styles or selectors. */
export class StubElement {
  readonly tagName: string;
  children: StubElement[] = [];
  parentElement: StubElement | null = null;
  value = '';
  disabled = false;
  private ownText = '';
  private readonly classes = new Set<string>();
  private readonly attributes = new Map<string, string>();
  private readonly cssProps = new Map<string, string>();
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(tagName = 'div') {
    this.tagName = tagName.toUpperCase();
  }

  createEl(tag: string, info?: StubElementInfo | string, callback?: (el: StubElement) => void): StubElement {
    return this.make(tag, info, callback);
  }

  createDiv(info?: StubElementInfo | string, callback?: (el: StubElement) => void): StubElement {
    return this.make('div', info, callback);
  }

  createSpan(info?: StubElementInfo | string, callback?: (el: StubElement) => void): StubElement {
    return this.make('span', info, callback);
  }

  private make(tag: string, info?: StubElementInfo | string, callback?: (el: StubElement) => void): StubElement {
    const el = new StubElement(tag);
    const options: StubElementInfo = typeof info === 'string' ? { cls: info } : (info ?? {});
    if (options.cls) el.addClass(...(Array.isArray(options.cls) ? options.cls : options.cls.split(/\s+/)));
    if (options.text !== undefined) el.setText(options.text);
    if (options.value !== undefined) el.value = options.value;
    for (const key of ['title', 'type', 'placeholder', 'href'] as const) {
      const value = options[key];
      if (value !== undefined) el.setAttr(key, value);
    }
    for (const [name, value] of Object.entries(options.attr ?? {})) el.setAttr(name, value);
    if (options.prepend) this.insertBefore(el, this.children[0] ?? null);
    else this.appendChild(el);
    callback?.(el);
    return el;
  }

  /** Replaces the content with text, as Obsidian's `setText` does. */
  setText(text: string | number): void {
    this.children = [];
    this.ownText = String(text);
  }

  /** The element's text and all its descendants' text, in order. */
  get textContent(): string {
    return this.ownText + this.children.map((c) => c.textContent).join('');
  }

  set textContent(text: string) {
    this.setText(text);
  }

  getText(): string {
    return this.textContent;
  }

  empty(): void {
    for (const child of this.children) child.parentElement = null;
    this.children = [];
    this.ownText = '';
  }

  addClass(...classes: string[]): void {
    for (const c of classes) if (c) this.classes.add(c);
  }

  addClasses(classes: string[]): void {
    this.addClass(...classes);
  }

  removeClass(...classes: string[]): void {
    for (const c of classes) this.classes.delete(c);
  }

  toggleClass(classes: string | string[], value: boolean): void {
    for (const c of Array.isArray(classes) ? classes : [classes]) {
      if (value) this.classes.add(c);
      else this.classes.delete(c);
    }
  }

  hasClass(cls: string): boolean {
    return this.classes.has(cls);
  }

  setAttr(name: string, value: string | number | boolean | null): void {
    if (value === null) this.attributes.delete(name);
    else this.attributes.set(name, String(value));
  }

  getAttr(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  setAttribute(name: string, value: string): void {
    this.setAttr(name, value);
  }

  getAttribute(name: string): string | null {
    return this.getAttr(name);
  }

  /** Imitates `setCssProps` (custom properties and styles by name); stub-only `cssProp` reads one back. */
  setCssProps(props: Record<string, string>): void {
    for (const [name, value] of Object.entries(props)) this.cssProps.set(name, value);
  }

  cssProp(name: string): string | null {
    return this.cssProps.get(name) ?? null;
  }

  /** Obsidian's `toggle`/`show`/`hide` set `display`; here a `stub-hidden` class stands for it. */
  toggle(show: boolean): void {
    this.toggleClass('stub-hidden', !show);
  }

  show(): void {
    this.toggle(true);
  }

  hide(): void {
    this.toggle(false);
  }

  addEventListener(type: string, listener: Listener): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  /** Number of listeners for an event type (to check clean-up). */
  listenerCount(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }

  /** Calls the listeners for `event.type`, in order; returns what they returned (promises included). */
  dispatch(event: StubEvent): unknown[] {
    return [...(this.listeners.get(event.type) ?? [])].map((listener) => listener(event));
  }

  click(): unknown[] {
    return this.dispatch(stubEvent('click', { target: this }));
  }

  appendChild<T extends StubElement>(child: T): T {
    return this.insertBefore(child, null);
  }

  insertBefore<T extends StubElement>(child: T, reference: StubElement | null): T {
    child.remove();
    const index = reference ? this.children.indexOf(reference) : -1;
    if (index < 0) this.children.push(child);
    else this.children.splice(index, 0, child);
    child.parentElement = this;
    return child;
  }

  remove(): void {
    const parent = this.parentElement;
    if (!parent) return;
    parent.children = parent.children.filter((c) => c !== this);
    this.parentElement = null;
  }

  detach(): void {
    this.remove();
  }

  /** Stub-only: every descendant (depth first) that matches. */
  findAll(match: (el: StubElement) => boolean): StubElement[] {
    const found: StubElement[] = [];
    for (const child of this.children) {
      if (match(child)) found.push(child);
      found.push(...child.findAll(match));
    }
    return found;
  }

  /** Stub-only: descendants carrying a class. */
  findAllByClass(cls: string): StubElement[] {
    return this.findAll((el) => el.hasClass(cls));
  }

  /** Stub-only: the first descendant carrying a class, or null. */
  findByClass(cls: string): StubElement | null {
    return this.findAllByClass(cls)[0] ?? null;
  }
}
