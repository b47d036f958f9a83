/**
 * The SecretStore over Electron's safeStorage (Keychain, DPAPI, libsecret/KWallet). On Linux
 * without a keyring safeStorage falls back to a hard-coded key ("basic_text"): we treat that
 * as no encryption and refuse to store.
 */
import { safeStorage } from 'electron';
import { createSecretStore } from '../lab/secrets/secret-store';
import type { SecretCipher, SecretStore } from '../lab/secrets/secret-store';

/** The cipher backed by safeStorage; only valid after app 'ready'. */
export function safeStorageCipher(platform: NodeJS.Platform = process.platform): SecretCipher {
  const backend = (): string => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os');
  return {
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() && backend() !== 'basic_text' && backend() !== 'unknown',
    unavailableReason: () =>
      safeStorage.isEncryptionAvailable()
        ? `no system keyring was found (storage backend "${backend()}" would keep secrets readable)`
        : 'the operating system reports that encryption is not available',
    encrypt: (plainText) => safeStorage.encryptString(plainText),
    decrypt: (cipherText) => safeStorage.decryptString(cipherText),
  };
}

/** Secrets in `<userData>/secrets.json`, encrypted with safeStorage. */
export function createSafeSecretStore(dataDir: string): SecretStore {
  return createSecretStore({ dir: dataDir, cipher: safeStorageCipher() });
}
