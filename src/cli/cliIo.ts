/** Where the CLI writes; tests pass collectors, `main.ts` passes stdout and stderr. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input as text (for `redact`); undefined when none is piped in. */
  readStdin?(): Promise<string>;
}
