/**
 * Part of the `obsidian` test stub (see `obsidian.ts`): views (`View`, `ItemView`, `MarkdownView`), the
 * `Editor` of a Markdown view, and `setIcon`. Imitates what the plugin calls; nothing is laid out,
 * CodeMirror is not modelled (an editor is a string with lines), and icons are not drawn.
 */
import { Component } from './obsidianComponent';
import { StubElement, type StubEvent } from './obsidianDom';
import type { TFile } from './obsidianVault';
import type { WorkspaceLeaf } from './obsidianWorkspace';

/**
 * Imitates `setIcon`: replaces the element's content with an `svg.svg-icon.lucide-<id>`, as Obsidian
 * does. Stub-only: the svg carries `data-icon` (so a test can read which icon is shown).
 */
export function setIcon(parent: StubElement, iconId: string): void {
  parent.empty();
  parent.createEl('svg', { cls: ['svg-icon', `lucide-${iconId}`], attr: { 'data-icon': iconId } });
}

/**
 * Imitates `View`: `app`, `leaf`, `containerEl` (with a header and a content child, as Obsidian builds
 * it), `icon`, `navigation`, `onOpen`/`onClose`. Stub-only: `open()` and `close()` are what the leaf
 * does when it shows or drops the view (load then `onOpen`; `onClose` then unload).
 */
export abstract class View extends Component {
  readonly app: unknown;
  icon = '';
  navigation = false;
  readonly containerEl = new StubElement('div');

  constructor(readonly leaf: WorkspaceLeaf) {
    super();
    this.app = leaf.workspace.app;
    this.containerEl.createDiv({ cls: 'view-header' });
    this.containerEl.createDiv({ cls: 'view-content' });
  }

  abstract getViewType(): string;
  abstract getDisplayText(): string;

  getIcon(): string {
    return this.icon;
  }

  getState(): Record<string, unknown> {
    return {};
  }

  async setState(_state: unknown, _result: unknown): Promise<void> {}

  protected async onOpen(): Promise<void> {}

  protected async onClose(): Promise<void> {}

  async open(): Promise<void> {
    await this.load();
    await this.onOpen();
  }

  async close(): Promise<void> {
    await this.onClose();
    this.unload();
  }
}

/** Imitates `ItemView`: `contentEl` is the container's second child; `addAction` puts a button in the header. */
export abstract class ItemView extends View {
  readonly contentEl: StubElement = this.containerEl.children[1]!;

  addAction(icon: string, title: string, callback: (event: StubEvent) => unknown): StubElement {
    const el = this.containerEl.children[0]!.createEl('a', { cls: 'view-action', attr: { 'aria-label': title } });
    setIcon(el, icon);
    el.addEventListener('click', callback);
    return el;
  }
}

/** Imitates the view of an empty leaf (type `empty`). */
export class EmptyView extends View {
  getViewType(): string {
    return 'empty';
  }
  getDisplayText(): string {
    return 'New tab';
  }
}

/** Imitates `EditorPosition`: 0-based line and character. */
export interface EditorPosition {
  line: number;
  ch: number;
}

/** One change made through the editor (stub-only record, newest last). */
export interface StubEditorChange {
  from: EditorPosition;
  to: EditorPosition;
  text: string;
  removed: string;
  origin: string | undefined;
}

/**
 * Imitates `Editor` over a string: lines, `getValue`/`setValue`, `replaceRange`, selection (`getSelection`), cursor,
 * `scrollIntoView`, `undo`. Every change fires the workspace's `editor-change` and is then saved to the
 * vault at once (Obsidian saves a moment later), firing `modify`. Stub-only: `changes` (every change,
 * in order), `selection`, `scrolledTo`, `simulateTyping`.
 */
export class Editor {
  readonly changes: StubEditorChange[] = [];
  selection: { anchor: EditorPosition; head: EditorPosition } = { anchor: { line: 0, ch: 0 }, head: { line: 0, ch: 0 } };
  scrolledTo: { range: { from: EditorPosition; to: EditorPosition }; center: boolean } | null = null;
  private text = '';

  constructor(private readonly view: MarkdownView) {}

  getValue(): string {
    return this.text;
  }

  setValue(text: string): void {
    this.replaceRange(text, { line: 0, ch: 0 }, this.offsetToPos(this.text.length));
  }

  /** Stub-only: sets the text the file was opened with, without events. */
  load(text: string): void {
    this.text = text;
  }

  lineCount(): number {
    return this.text.split('\n').length;
  }

  lastLine(): number {
    return this.lineCount() - 1;
  }

  getLine(line: number): string {
    return this.text.split('\n')[line] ?? '';
  }

  getRange(from: EditorPosition, to: EditorPosition): string {
    return this.text.slice(this.posToOffset(from), this.posToOffset(to));
  }

  posToOffset(pos: EditorPosition): number {
    const lines = this.text.split('\n');
    let offset = 0;
    for (let i = 0; i < Math.min(pos.line, lines.length); i++) offset += lines[i]!.length + 1;
    return Math.min(offset + pos.ch, this.text.length);
  }

  offsetToPos(offset: number): EditorPosition {
    const before = this.text.slice(0, offset).split('\n');
    return { line: before.length - 1, ch: before.at(-1)!.length };
  }

  replaceRange(replacement: string, from: EditorPosition, to: EditorPosition = from, origin?: string): void {
    const start = this.posToOffset(from);
    const end = this.posToOffset(to);
    this.changes.push({ from, to, text: replacement, removed: this.text.slice(start, end), origin });
    this.text = this.text.slice(0, start) + replacement + this.text.slice(end);
    this.changed();
  }

  /** Reverts the last change (one `replaceRange` is one undo step, as in Obsidian). */
  undo(): void {
    const last = this.changes.pop();
    if (!last) return;
    const start = this.posToOffset(last.from);
    this.text = this.text.slice(0, start) + last.removed + this.text.slice(start + last.text.length);
    this.changed();
  }

  /** Imitates `getSelection`: the text between the selection's anchor and head (either order); '' for a cursor. */
  getSelection(): string {
    const [a, b] = [this.posToOffset(this.selection.anchor), this.posToOffset(this.selection.head)];
    return this.text.slice(Math.min(a, b), Math.max(a, b));
  }

  getCursor(): EditorPosition {
    return this.selection.head;
  }

  setCursor(pos: EditorPosition): void {
    this.selection = { anchor: pos, head: pos };
  }

  setSelection(anchor: EditorPosition, head: EditorPosition = anchor): void {
    this.selection = { anchor, head };
  }

  scrollIntoView(range: { from: EditorPosition; to: EditorPosition }, center = false): void {
    this.scrolledTo = { range, center };
  }

  focus(): void {}

  /** Stub-only: the user types `text` at the end of line `line` (default: the last line). */
  simulateTyping(text: string, line = this.lastLine()): void {
    this.replaceRange(text, { line, ch: this.getLine(line).length }, undefined, '+input');
  }

  private changed(): void {
    const { workspace } = this.view.leaf;
    workspace.trigger('editor-change', this, this.view);
    const file = this.view.file;
    if (file) void file.vault.modify(file, this.text);
  }
}

/**
 * Imitates `MarkdownView` in source mode: `file` and `editor`. The leaf creates one when it opens a
 * Markdown file (stub-only `showFile`), with the file's text in the editor.
 */
export class MarkdownView extends View {
  file: TFile | null = null;
  readonly editor = new Editor(this);

  getViewType(): string {
    return 'markdown';
  }

  getDisplayText(): string {
    return this.file?.basename ?? '';
  }

  getViewData(): string {
    return this.editor.getValue();
  }

  showFile(file: TFile): void {
    this.file = file;
    this.editor.load(file.vault.adapter.text(file.path) ?? '');
  }
}
