import { PrivacyGuard } from '../../core/llm/privacyGuard';
import { loadPrivacyContext } from '../../core/privacy/rosterLoader';
import type { NoteSource } from '../../core/notes/types';
import type { VisiewijzerSettings } from '../settings/settings';
import type { AiSettings } from './aiSettings';

/**
 * The privacy guard for one model run: names from the roster note and the notes' `personen:`, read
 * fresh each run so a roster edited a minute ago is honoured. One place for the ask command, the
 * generators and the lesson check's model mode.
 */
export async function privacyGuardFor(source: NoteSource, settings: VisiewijzerSettings, ai: AiSettings): Promise<{ guard: PrivacyGuard; rosterNotes: string[] }> {
  const privacy = await loadPrivacyContext(source, { rosterPath: ai.rosterPath, folders: settings.folders, schoolNames: ai.schoolName ? [ai.schoolName] : [] });
  // The roster notes themselves are never sent: callers leave them out of what they retrieve.
  return { guard: new PrivacyGuard(privacy), rosterNotes: privacy.rosterNotes };
}
