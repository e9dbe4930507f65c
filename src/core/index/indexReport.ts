/** What one update of the index did; the CLI prints it as JSON (`visiewijzer index --json`). */
export interface IndexReport {
  /** Notes in the index after the update. */
  notes: number;
  /** Chunks in the index after the update. */
  chunks: number;
  /** Chunks whose vector was computed in this update. */
  embedded: number;
  /** Chunks whose vector (or, keyword-only, whose entry) was kept from before. */
  reused: number;
  /** Notes that were removed from the index because they are gone from the vault. */
  removed: number;
  /** Notes that could not be indexed, with the reason; the rest of the vault is indexed anyway. */
  skipped: { path: string; reason: string }[];
  /** Problems that were handled (odd frontmatter, duplicate headings), per note. */
  warnings: { path: string; message: string }[];
  mode: 'hybrid' | 'keyword-only';
  model: string | null;
  /** Things the user should know (model changed, index rebuilt, keyword-only), in words. */
  messages: string[];
}

/** Progress of a running update: `done` of `total` notes to read, then chunks to embed. */
export interface IndexProgress {
  phase: 'reading' | 'embedding' | 'saving';
  done: number;
  total: number;
}

/** Lets the plugin pause, cancel and follow a running update. */
export interface IndexControl {
  signal?: AbortSignal;
  /** Resolves when the user un-pauses; called between notes and between batches. */
  waitIfPaused?: () => Promise<void>;
  onProgress?: (progress: IndexProgress) => void;
}

export class IndexCancelledError extends Error {
  constructor() {
    super('Indexing was cancelled; what was done so far is kept.');
    this.name = 'IndexCancelledError';
  }
}
