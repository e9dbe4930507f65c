import type { IndexStorage } from '../../src/core/index/types';

/** Index files in memory; can be told to fail a write to test that nothing half-written survives. */
export class MemoryIndexStorage implements IndexStorage {
  readonly files = new Map<string, Uint8Array>();
  writes = 0;
  failOnWrite: string | null = null;

  async read(name: string): Promise<Uint8Array | null> {
    return this.files.get(name)?.slice() ?? null;
  }

  async write(name: string, data: Uint8Array): Promise<void> {
    if (this.failOnWrite === name) throw new Error(`disk full while writing ${name}`);
    this.writes++;
    this.files.set(name, data.slice());
  }

  async remove(name: string): Promise<void> {
    this.files.delete(name);
  }

  describe(): string {
    return 'memory';
  }
}
