/**
 * Stand-ins for the electron APIs that need no window: safeStorage, dialog, shell and Menu.
 * Each records what the app asked for (journal.ts) and does nothing outside the test folder.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { journal, standInDir } from './journal';

const MAGIC = Buffer.from('SI1');

/** A keyring stand-in: one AES-256-GCM key in the test folder, shared by every launch of a test. */
function keyringKey(): Buffer {
  const file = path.join(standInDir(), 'keyring.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
  return readFileSync(file);
}

export const safeStorage = {
  isEncryptionAvailable: (): boolean => true,
  /** What Chromium reports with GNOME Keyring; the app refuses "basic_text". */
  getSelectedStorageBackend: (): string => process.env.PUSHLAB_STAND_IN_KEYRING_BACKEND ?? 'gnome_libsecret',
  encryptString(plainText: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyringKey(), iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    journal('safeStorage.encryptString', { bytes: Buffer.byteLength(plainText) });
    return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
  },
  decryptString(data: Buffer): string {
    if (!data.subarray(0, MAGIC.length).equals(MAGIC))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const iv = data.subarray(3, 15);
    const decipher = createDecipheriv('aes-256-gcm', keyringKey(), iv);
    decipher.setAuthTag(data.subarray(15, 31));
    journal('safeStorage.decryptString', {});
    return Buffer.concat([decipher.update(data.subarray(31)), decipher.final()]).toString('utf8');
  },
};

interface MessageBoxOptions {
  readonly message: string;
  readonly detail?: string;
  readonly buttons?: readonly string[];
  readonly cancelId?: number;
  readonly defaultId?: number;
}

/** Nobody clicks here: message boxes answer PUSHLAB_STAND_IN_DIALOG_BUTTON, else their cancel button. */
function answer(options: MessageBoxOptions): { response: number; checkboxChecked: boolean } {
  const chosen = process.env.PUSHLAB_STAND_IN_DIALOG_BUTTON;
  const buttons = options.buttons ?? ['OK'];
  const cancel = options.cancelId ?? (buttons.length > 1 ? buttons.length - 1 : 0);
  const response = chosen === undefined ? cancel : Number(chosen);
  journal('dialog.showMessageBox', { message: options.message, detail: options.detail, buttons, response });
  return { response, checkboxChecked: false };
}

export const dialog = {
  showErrorBox(title: string, content: string): void {
    journal('dialog.showErrorBox', { title, content });
    process.stderr.write(`[electron stand-in] error box: ${title}\n${content}\n`);
  },
  showMessageBox: async (...args: unknown[]) => answer(args.at(-1) as MessageBoxOptions),
  showMessageBoxSync: (...args: unknown[]) => answer(args.at(-1) as MessageBoxOptions).response,
};

export const shell = {
  /** Never opens anything: the test reads which links the app would have handed to the system browser. */
  async openExternal(url: string): Promise<void> {
    journal('shell.openExternal', { url });
  },
};

interface MenuItemTemplate {
  readonly role?: string;
  readonly label?: string;
  readonly type?: string;
  readonly submenu?: readonly MenuItemTemplate[];
}

function describeItems(items: readonly MenuItemTemplate[]): unknown[] {
  return items.map((item) =>
    item.submenu
      ? { label: item.label ?? item.role, submenu: describeItems(item.submenu) }
      : (item.role ?? item.type ?? item.label),
  );
}

export class Menu {
  private constructor(readonly items: readonly MenuItemTemplate[]) {}

  static buildFromTemplate(template: readonly MenuItemTemplate[]): Menu {
    return new Menu(template);
  }

  static setApplicationMenu(menu: Menu | null): void {
    journal('Menu.setApplicationMenu', { items: menu ? describeItems(menu.items) : null });
  }
}
