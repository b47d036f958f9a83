/**
 * Test credentials made at test time, never checked in: a Google service-account JSON key (RSA
 * 2048, the fields Google's file has) and FCM registration tokens in the real format.
 */
import { createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

export interface TestServiceAccount {
  /** The JSON key file's content. */
  readonly json: string;
  readonly clientEmail: string;
  readonly privateKey: string;
  readonly publicKey: KeyObject;
}

export function makeServiceAccount(options: {
  projectId: string;
  tokenUri: string;
  name?: string;
}): TestServiceAccount {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const clientEmail = `${options.name ?? 'pushlab-sender'}@${options.projectId}.iam.gserviceaccount.com`;
  const json = JSON.stringify(
    {
      type: 'service_account',
      project_id: options.projectId,
      private_key_id: randomBytes(20).toString('hex'),
      private_key: pem,
      client_email: clientEmail,
      client_id: String(BigInt(`0x${randomBytes(8).toString('hex')}`)),
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: options.tokenUri,
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
      universe_domain: 'googleapis.com',
    },
    null,
    2,
  );
  return { json, clientEmail, privateKey: pem, publicKey: createPublicKey(privateKey) };
}

/** A registration token shaped like FCM's: "<22-char instance id>:APA91b<base64url>". */
export function makeFcmToken(): string {
  return `${randomBytes(16).toString('base64url').slice(0, 22)}:APA91b${randomBytes(105).toString('base64url')}`;
}
