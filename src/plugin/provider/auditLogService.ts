/**
 * The AI log in the plugin folder (`audit.jsonl`): every generation appends what was sent (redacted),
 * to whom, and what came back. Read, written and cleared through the vault adapter, because the
 * plugin folder lives in the configuration folder the Vault API does not see.
 */
import type { DataAdapter } from 'obsidian';
import { appendAuditEntry, parseAuditLog, type AuditEntry } from '../../core/llm/auditLog';

export const AUDIT_FILE = 'audit.jsonl';

export type AuditAdapter = Pick<DataAdapter, 'exists' | 'read' | 'write' | 'remove' | 'mkdir'>;

export class AuditLogService {
  /** Appends run one after another, so two quick generations cannot overwrite each other's line. */
  private chain: Promise<unknown> = Promise.resolve();

  /** @param folder The plugin folder; the log is `<folder>/audit.jsonl`. */
  constructor(private readonly adapter: AuditAdapter, private readonly folder: string) {}

  get path(): string {
    return `${this.folder}/${AUDIT_FILE}`;
  }

  /** Adds one entry; `secrets` (the configured key) are scrubbed from every field. */
  append(entry: AuditEntry, secrets: readonly (string | undefined)[]): Promise<void> {
    const run = this.chain.then(async () => {
      const existing = (await this.adapter.exists(this.path)) ? await this.adapter.read(this.path) : '';
      if (!(await this.adapter.exists(this.folder))) await this.adapter.mkdir(this.folder);
      await this.adapter.write(this.path, appendAuditEntry(existing, entry, secrets));
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** The entries, newest first; an empty list when there is no log. */
  async entries(): Promise<AuditEntry[]> {
    await this.chain;
    if (!(await this.adapter.exists(this.path))) return [];
    return parseAuditLog(await this.adapter.read(this.path)).reverse();
  }

  /** Deletes the log. Returns how many entries it held. */
  async clear(): Promise<number> {
    await this.chain;
    if (!(await this.adapter.exists(this.path))) return 0;
    const count = parseAuditLog(await this.adapter.read(this.path)).length;
    await this.adapter.remove(this.path);
    return count;
  }
}
