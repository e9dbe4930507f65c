import type { EmbedKind, EmbedderInfo } from '../core/index/types';

/** What the CLI's main thread asks its embedding thread. */
export type ThreadRequest = { type: 'load'; id: number } | { type: 'embed'; id: number; texts: string[]; kind: EmbedKind };

/** The thread's answers; `busyMs` is the time the model took for that request, for the benchmark. */
export type ThreadReply =
  | { type: 'loaded'; id: number; info: EmbedderInfo }
  | { type: 'embedded'; id: number; vectors: Float32Array[]; busyMs: number }
  | { type: 'failed'; id: number; name: string; message: string };
