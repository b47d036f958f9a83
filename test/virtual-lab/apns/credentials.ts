/**
 * Test credentials made at test time, never checked in: an APNs .p8 key (P-256, PKCS#8 PEM, as
 * Apple hands it out), device tokens, and a self-signed TLS certificate for the local APNs server
 * (node:crypto cannot write X.509 certificates, so the openssl CLI makes it when it is installed).
 */
import { execFile } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestApnsKey {
  /** The .p8 file's content. */
  readonly p8: string;
  readonly publicKey: KeyObject;
}

export function makeApnsKey(): TestApnsKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const p8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { p8, publicKey: createPublicKey(privateKey) };
}

/** A 32-byte token as iOS reports it (hex). */
export function makeDeviceToken(): string {
  return randomBytes(32).toString('hex');
}

export interface TestCertificate {
  readonly key: string;
  readonly cert: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost; null when openssl is not installed. */
export async function makeSelfSignedCert(): Promise<TestCertificate | null> {
  const dir = await mkdtemp(join(tmpdir(), 'pushlab-apns-tls-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const ok = await new Promise<boolean>((resolve) => {
      execFile(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          keyPath,
          '-out',
          certPath,
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=IP:127.0.0.1,DNS:localhost',
        ],
        { timeout: 20_000 },
        (error) => resolve(error === null),
      );
    });
    if (!ok) return null;
    return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
