/**
 * The status bar item: "Visiewijzer: 12/40" while indexing, "Visiewijzer: klaar" after. Clicking it
 * opens a small menu to pause, resume, stop, update or rebuild.
 */
import { Menu } from 'obsidian';
import { t } from '../i18n/i18n';
import { statusText, type IndexStatus } from './indexStatus';

/** What the menu can ask of the index service. */
export interface IndexActions {
  readonly status: IndexStatus;
  readonly paused: boolean;
  pause(): void;
  resume(): void;
  cancel(): void;
  update(): Promise<void>;
  rebuild(): Promise<void>;
}

export class IndexStatusBar {
  constructor(private readonly el: HTMLElement, private readonly actions: IndexActions, private readonly openSearch: () => void) {
    el.addClass('visiewijzer-status', 'mod-clickable');
    el.setAttr('aria-label', t('status.tooltip'));
    el.setAttr('data-tooltip-position', 'top');
    this.render(actions.status);
  }

  render(status: IndexStatus): void {
    this.el.setText(statusText(status));
    this.el.toggleClass('is-busy', status.kind === 'indexing' || status.kind === 'loading');
  }

  /** The menu for the current state. */
  buildMenu(): Menu {
    const { actions } = this;
    const menu = new Menu();
    const running = actions.status.kind === 'indexing';
    if (running && actions.paused) menu.addItem((item) => item.setTitle(t('menu.resume')).setIcon('play').onClick(() => actions.resume()));
    if (running && !actions.paused) menu.addItem((item) => item.setTitle(t('menu.pause')).setIcon('pause').onClick(() => actions.pause()));
    if (running) menu.addItem((item) => item.setTitle(t('menu.cancel')).setIcon('square').onClick(() => actions.cancel()));
    if (!running) menu.addItem((item) => item.setTitle(t('menu.update')).setIcon('refresh-cw').onClick(() => void actions.update()));
    menu.addItem((item) => item.setTitle(t('menu.rebuild')).setIcon('rotate-ccw').onClick(() => void actions.rebuild()));
    menu.addSeparator();
    menu.addItem((item) => item.setTitle(t('menu.search')).setIcon('search').onClick(() => this.openSearch()));
    return menu;
  }

  showMenu(event: MouseEvent): void {
    this.buildMenu().showAtMouseEvent(event);
  }
}
