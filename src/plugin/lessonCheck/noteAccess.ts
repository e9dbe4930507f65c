/**
 * The lesson check's access to a note in the workspace: its current text (the editor's, when it is open,
 * so a check sees what was typed before Obsidian saved it), and jumping to lines in it.
 */
import { MarkdownView, type App, type TFile } from 'obsidian';
import { openPassage } from '../search/openPassage';

/** The Markdown editor showing `file`: the active one when it shows it, else any; null when none does. */
export function editorViewOf(app: App, file: TFile): MarkdownView | null {
  const active = app.workspace.getActiveViewOfType(MarkdownView);
  if (active?.file === file) return active;
  for (const leaf of app.workspace.getLeavesOfType('markdown')) {
    if (leaf.view instanceof MarkdownView && leaf.view.file === file) return leaf.view;
  }
  return null;
}

/** The note's text as the user sees it now. */
export async function readNoteText(app: App, file: TFile): Promise<string> {
  return editorViewOf(app, file)?.editor.getValue() ?? (await app.vault.cachedRead(file));
}

/**
 * Shows lines `startLine`–`endLine` (1-based) of `file` selected and centred in its editor, opening the
 * note first when no editor shows it.
 */
export async function jumpToLines(app: App, file: TFile, startLine: number, endLine: number): Promise<void> {
  let view = editorViewOf(app, file);
  if (!view) {
    if (!(await openPassage(app.workspace, app.vault, { path: file.path, startLine }))) return;
    view = editorViewOf(app, file);
    if (!view) return;
  }
  app.workspace.setActiveLeaf(view.leaf, { focus: true });
  const { editor } = view;
  const last = Math.min(Math.max(endLine, startLine), editor.lineCount()) - 1;
  const from = { line: Math.max(0, startLine - 1), ch: 0 };
  const to = { line: Math.max(from.line, last), ch: editor.getLine(Math.max(from.line, last)).length };
  editor.setSelection(from, to);
  editor.scrollIntoView({ from, to }, true);
}
