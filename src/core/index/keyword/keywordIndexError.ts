/**
 * A keyword index file that cannot be used: truncated, damaged, of another format or version, or a delta
 * that belongs to another base. The caller drops the files and rebuilds the keyword index from the notes.
 */
export class KeywordIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeywordIndexError';
  }
}
