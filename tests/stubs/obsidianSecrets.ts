/**
 * Part of the `obsidian` test stub (see `obsidian.ts`): Obsidian's keychain for plugins (1.11.4):
 * `SecretStorage` (`app.secretStorage`) and the `SecretComponent` settings control that picks a secret.
 */
import { BaseComponent } from './obsidianSetting';
import type { StubElement } from './obsidianDom';
import { Events } from './obsidianVault';

/** The part of the stub `App` a `SecretComponent` needs. */
interface SecretHost {
  secretStorage: { setSecret(id: string, secret: string): void };
}

/**
 * Imitates `SecretComponent` (1.11.4): the user picks a secret from Obsidian's keychain by its name, or
 * makes a new one; the component's value is the secret's NAME, never the secret. Stub-only:
 * `simulateChoose(name)` picks an existing secret, `simulateCreate(name, secret)` stores a new one in
 * `app.secretStorage` first, as the real dialog does. Neither draws anything.
 */
export class SecretComponent extends BaseComponent {
  private value = '';
  private changed: ((value: string) => unknown) | null = null;
  constructor(private readonly app: SecretHost, readonly containerEl: StubElement) {
    super();
  }
  getValue(): string {
    return this.value;
  }
  setValue(value: string): this {
    this.value = value;
    return this;
  }
  onChange(callback: (value: string) => unknown): this {
    this.changed = callback;
    return this;
  }
  async simulateChoose(name: string): Promise<void> {
    this.value = name;
    await this.changed?.(name);
  }
  async simulateCreate(name: string, secret: string): Promise<void> {
    this.app.secretStorage.setSecret(name, secret);
    await this.simulateChoose(name);
  }
}

/**
 * Imitates `SecretStorage` (1.11.4): named secrets kept outside `data.json` (in Obsidian: the OS
 * keychain). Ids must be lower-case letters, digits and dashes, as documented; others throw.
 */
export class SecretStorage extends Events {
  private readonly secrets = new Map<string, string>();

  setSecret(id: string, secret: string): void {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`Invalid secret id "${id}"`);
    this.secrets.set(id, secret);
  }

  getSecret(id: string): string | null {
    return this.secrets.get(id) ?? null;
  }

  listSecrets(): string[] {
    return [...this.secrets.keys()];
  }
}
