/** The vision elements as toggles, best suggestion first, the likely ones ticked: shared by the capture and split dialogs. */
import { Setting } from 'obsidian';
import type { ElementSuggestion } from '../../core/practices';
import { STRONG_AT } from '../../core/lessonCheck/scoring';
import { t } from '../i18n/i18n';

/**
 * Draws one toggle per element into `containerEl`, in the order of `suggestions`, on when its id is in
 * `selected`; flipping a toggle adds or removes the id (then calls `onChange`). The description says how clearly the text shows it.
 */
export function renderElementToggles(containerEl: HTMLElement, suggestions: readonly ElementSuggestion[], selected: Set<string>, onChange?: () => void): void {
  for (const suggestion of suggestions) {
    const setting = new Setting(containerEl).setName(suggestion.title).setClass('visiewijzer-practice-element');
    const how = suggestion.status === 'absent' ? '' : t(suggestion.score >= STRONG_AT ? 'practice.elements.strong' : 'practice.elements.partial', { score: suggestion.score.toFixed(2) });
    if (how) setting.setDesc(how);
    setting.addToggle((toggle) =>
      toggle.setValue(selected.has(suggestion.id)).onChange((on) => {
        if (on) selected.add(suggestion.id);
        else selected.delete(suggestion.id);
        onChange?.();
      }),
    );
  }
}
