/**
 * Part of the `obsidian` test stub (see `obsidian.ts`): events, files, an in-memory vault and its
 * adapter. Imitates the documented behaviour the plugin relies on; anything undocumented is chosen on
 * the strict side (a parent folder must exist before writing; rename refuses to overwrite unless told).
 */

/** Imitates `EventRef`: a handle to pass to `offref` / `Plugin.registerEvent`. */
export interface StubEventRef {
  events: Events;
  name: string;
  callback: (...data: unknown[]) => unknown;
}

/** Imitates `Events`: on/off/offref/trigger. Callbacks run synchronously, in registration order. */
export class Events {
  private readonly handlers = new Map<string, StubEventRef[]>();

  on(name: string, callback: (...data: never[]) => unknown): StubEventRef {
    const ref: StubEventRef = { events: this, name, callback: callback as (...data: unknown[]) => unknown };
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), ref]);
    return ref;
  }

  off(name: string, callback: (...data: unknown[]) => unknown): void {
    this.handlers.set(name, (this.handlers.get(name) ?? []).filter((r) => r.callback !== callback));
  }

  offref(ref: StubEventRef): void {
    this.handlers.set(ref.name, (this.handlers.get(ref.name) ?? []).filter((r) => r !== ref));
  }

  trigger(name: string, ...data: unknown[]): void {
    for (const ref of this.handlers.get(name) ?? []) ref.callback(...data);
  }

  tryTrigger(ref: StubEventRef, args: unknown[]): void {
    ref.callback(...args);
  }

  /** Stub-only: how many handlers listen for `name` (to check clean-up). */
  handlerCount(name: string): number {
    return this.handlers.get(name)?.length ?? 0;
  }
}

/** Imitates `TAbstractFile`: path, name, parent (always null here: folders are not modelled as objects). */
export abstract class TAbstractFile {
  parent: TFolder | null = null;
  name: string;
  constructor(public vault: Vault, public path: string) {
    this.name = path.split('/').pop() ?? path;
  }
}

/** Imitates `TFile`: basename, extension and `stat` (mtime/ctime/size in bytes). */
export class TFile extends TAbstractFile {
  stat: { ctime: number; mtime: number; size: number };
  basename: string;
  extension: string;

  constructor(vault: Vault, path: string, stat: { ctime: number; mtime: number; size: number }) {
    super(vault, path);
    this.stat = stat;
    const dot = this.name.lastIndexOf('.');
    this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
    this.extension = dot > 0 ? this.name.slice(dot + 1) : '';
  }
}

/** Imitates `TFolder` by name only; `children` is not kept up to date. */
export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];
}

type AdapterOp = 'exists' | 'read' | 'readBinary' | 'write' | 'writeBinary' | 'mkdir' | 'remove' | 'rename' | 'list';

/**
 * Imitates `DataAdapter` over a Map. Paths are vault-relative with `/`. Stub-only extras: `log` (every
 * mutating call, in order), `failNext` (make one call fail), `renameOverwrites` (default false: like the
 * desktop adapter, rename refuses an existing target).
 */
export class StubAdapter {
  readonly files = new Map<string, string | Uint8Array>();
  readonly folders = new Set<string>(['']);
  readonly log: string[] = [];
  renameOverwrites = false;
  private readonly failures: { op: AdapterOp; match: (path: string) => boolean; error: Error }[] = [];

  getName(): string {
    return 'stub-vault';
  }

  /** Stub-only: the next call of `op` on a path that `match`es throws `error`. */
  failNext(op: AdapterOp, match: (path: string) => boolean = () => true, error = new Error(`stub: ${op} failed`)): void {
    this.failures.push({ op, match, error });
  }

  async exists(path: string): Promise<boolean> {
    this.maybeFail('exists', path);
    return this.files.has(path) || this.folders.has(path);
  }

  async stat(path: string): Promise<{ type: 'file' | 'folder'; size: number; ctime: number; mtime: number } | null> {
    const data = this.files.get(path);
    if (data !== undefined) return { type: 'file', size: byteLength(data), ctime: 0, mtime: 0 };
    return this.folders.has(path) ? { type: 'folder', size: 0, ctime: 0, mtime: 0 } : null;
  }

  async list(path: string): Promise<{ files: string[]; folders: string[] }> {
    this.maybeFail('list', path);
    const prefix = path === '' ? '' : `${path}/`;
    const direct = (p: string): boolean => p.startsWith(prefix) && p !== path && !p.slice(prefix.length).includes('/');
    return { files: [...this.files.keys()].filter(direct), folders: [...this.folders].filter(direct) };
  }

  async read(path: string): Promise<string> {
    this.maybeFail('read', path);
    const data = this.files.get(path);
    if (data === undefined) throw missing(path);
    return typeof data === 'string' ? data : new TextDecoder().decode(data);
  }

  async readBinary(path: string): Promise<ArrayBuffer> {
    this.maybeFail('readBinary', path);
    const data = this.files.get(path);
    if (data === undefined) throw missing(path);
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    return bytes.slice().buffer;
  }

  async write(path: string, data: string): Promise<void> {
    this.maybeFail('write', path);
    this.requireParent(path);
    this.log.push(`write ${path}`);
    this.files.set(path, data);
  }

  async writeBinary(path: string, data: ArrayBuffer): Promise<void> {
    this.maybeFail('writeBinary', path);
    this.requireParent(path);
    this.log.push(`writeBinary ${path}`);
    this.files.set(path, new Uint8Array(data.slice(0)));
  }

  async mkdir(path: string): Promise<void> {
    this.maybeFail('mkdir', path);
    this.log.push(`mkdir ${path}`);
    // Like fs.mkdir with `recursive`: parents are created too.
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) this.folders.add(parts.slice(0, i).join('/'));
  }

  async remove(path: string): Promise<void> {
    this.maybeFail('remove', path);
    if (!this.files.has(path)) throw missing(path);
    this.log.push(`remove ${path}`);
    this.files.delete(path);
  }

  async rename(from: string, to: string): Promise<void> {
    this.maybeFail('rename', from);
    const data = this.files.get(from);
    if (data === undefined) throw missing(from);
    if (this.files.has(to) && !this.renameOverwrites) throw new Error('Destination file already exists!');
    this.requireParent(to);
    this.log.push(`rename ${from} -> ${to}`);
    this.files.delete(from);
    this.files.set(to, data);
  }

  getResourcePath(path: string): string {
    return `app://stub/${path}`;
  }

  /** Stub-only: a file's current text (undefined when missing). */
  text(path: string): string | undefined {
    const data = this.files.get(path);
    return data === undefined ? undefined : typeof data === 'string' ? data : new TextDecoder().decode(data);
  }

  private requireParent(path: string): void {
    const slash = path.lastIndexOf('/');
    const parent = slash < 0 ? '' : path.slice(0, slash);
    if (!this.folders.has(parent)) throw Object.assign(new Error(`ENOENT: no such folder ${parent}`), { code: 'ENOENT' });
  }

  private maybeFail(op: AdapterOp, path: string): void {
    const index = this.failures.findIndex((f) => f.op === op && f.match(path));
    if (index < 0) return;
    const [failure] = this.failures.splice(index, 1);
    throw failure!.error;
  }
}

/**
 * Imitates `Vault` for Markdown notes: the file list with stats, reads, and `create`/`modify`/`delete`/
 * `rename` firing the vault events, and `process` (read, change, write). Files under the config folder are not listed, as in Obsidian.
 * Stub-only: `addNote` (present before the plugin loads, no event) and `readLog` (every note read).
 */
export class Vault extends Events {
  readonly adapter = new StubAdapter();
  configDir = '.obsidian';
  readonly readLog: string[] = [];
  private readonly notes = new Map<string, TFile>();
  private clock = 1_700_000_000_000;

  getName(): string {
    return 'Stub vault';
  }

  /** Stub-only: puts a note in the vault without firing events (it was there before the plugin loaded). */
  addNote(path: string, text: string): TFile {
    this.ensureFolders(path);
    this.adapter.files.set(path, text);
    const file = new TFile(this, path, { ctime: this.tick(), mtime: this.clock, size: utf8Length(text) });
    this.notes.set(path, file);
    return file;
  }

  getMarkdownFiles(): TFile[] {
    return [...this.notes.values()].filter((f) => f.extension === 'md');
  }

  getFiles(): TFile[] {
    return [...this.notes.values()];
  }

  getFileByPath(path: string): TFile | null {
    return this.notes.get(path) ?? null;
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.getFileByPath(path) ?? this.getFolderByPath(path);
  }

  /** Imitates `getFolderByPath` (1.5.7): a folder of the vault (a fresh `TFolder` each time), or null. */
  getFolderByPath(path: string): TFolder | null {
    return path !== '' && this.adapter.folders.has(path) ? new TFolder(this, path) : null;
  }

  /** Imitates `createFolder`: fails when something is already at `path`, as Obsidian does. */
  async createFolder(path: string): Promise<TFolder> {
    if (this.adapter.folders.has(path) || this.notes.has(path)) throw new Error('Folder already exists.');
    await this.adapter.mkdir(path);
    return new TFolder(this, path);
  }

  async read(file: TFile): Promise<string> {
    this.readLog.push(file.path);
    return this.adapter.read(file.path);
  }

  /** Imitates `cachedRead`: same content as `read` (the cache is not modelled). */
  async cachedRead(file: TFile): Promise<string> {
    return this.read(file);
  }

  async create(path: string, text: string): Promise<TFile> {
    if (this.notes.has(path)) throw new Error('File already exists.');
    const file = this.addNote(path, text);
    this.trigger('create', file);
    return file;
  }

  async modify(file: TFile, text: string): Promise<void> {
    await this.adapter.write(file.path, text);
    file.stat = { ...file.stat, mtime: this.tick(), size: utf8Length(text) };
    this.trigger('modify', file);
  }

  /**
   * Imitates `process` (1.1.0): reads the file, runs `fn` on its text, writes the result and fires
   * `modify`, all before any other vault call can interleave (Obsidian documents it as atomic). Returns
   * the new text. `fn` must be synchronous, as in Obsidian.
   */
  async process(file: TFile, fn: (data: string) => string): Promise<string> {
    const data = await this.adapter.read(file.path);
    const next = fn(data);
    await this.modify(file, next);
    return next;
  }

  async delete(file: TAbstractFile): Promise<void> {
    this.removeNote(file);
  }

  /** Stub-only: what `delete`, `trash` and `FileManager.trashFile` do here: forget the file, fire `delete`. */
  removeNote(file: TAbstractFile): void {
    this.notes.delete(file.path);
    this.adapter.files.delete(file.path);
    this.trigger('delete', file);
  }

  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    const oldPath = file.path;
    if (!(file instanceof TFile)) throw new Error('stub: only files can be renamed');
    this.ensureFolders(newPath);
    await this.adapter.rename(oldPath, newPath);
    this.notes.delete(oldPath);
    const renamed = new TFile(this, newPath, file.stat);
    Object.assign(file, { path: renamed.path, name: renamed.name, basename: renamed.basename, extension: renamed.extension });
    this.notes.set(newPath, file);
    this.trigger('rename', file, oldPath);
  }

  private ensureFolders(path: string): void {
    const parts = path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) this.adapter.folders.add(parts.slice(0, i).join('/'));
  }

  /** A strictly increasing clock, so every change gets a newer mtime without depending on real time. */
  private tick(): number {
    this.clock = Math.max(this.clock + 1, Date.now());
    return this.clock;
  }
}

/** Imitates `FileManager.trashFile`: the file leaves the vault and `delete` fires (the trash itself is not modelled). */
export class FileManager {
  constructor(private readonly vault: Vault) {}
  async trashFile(file: TAbstractFile): Promise<void> {
    this.vault.removeNote(file);
  }
}

/** Imitates `MetadataCache` as an event source only; `getFileCache` always answers null (not parsed). */
export class MetadataCache extends Events {
  getFileCache(_file: TFile): null {
    return null;
  }
}

function missing(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file ${path}`), { code: 'ENOENT' });
}

function byteLength(data: string | Uint8Array): number {
  return typeof data === 'string' ? utf8Length(data) : data.byteLength;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}
