/**
 * Pieces of the run-plan schema that several sender shapes share (plan.ts and plan-vendor-senders.ts):
 * one-line texts, secret references and the rules for URLs that replace a vendor's endpoint.
 */
import { z } from 'zod';

export const PRINTABLE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
export const text = (max: number): z.ZodString =>
  z.string().min(1).max(max).regex(PRINTABLE, 'must be one line without control characters');

/** Where a secret (Tencent key, .p8 key, service-account JSON) comes from; the plan never holds the value itself. */
export const secretRef = z.union(
  [
    z.strictObject({
      env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'must be an environment variable name'),
    }),
    z.strictObject({ file: text(4096) }),
    // A name in the app's encrypted secret store (same names as the SecretStore accepts).
    z.strictObject({
      stored: z
        .string()
        .regex(
          /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
          'must be a stored secret name such as "tencent.secretKey"',
        ),
    }),
  ],
  {
    error:
      'must be a reference, { "env": "NAME" }, { "file": "PATH" } or { "stored": "NAME" }: secrets are never written in the plan',
  },
);

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export const loopbackOrHttps = (raw: string): boolean => {
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
  } catch {
    return false;
  }
};

/** http:// (or https://) on this computer only: for local test servers, never a real endpoint. */
export const loopbackOnly = (raw: string): boolean => {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.includes(url.hostname);
  } catch {
    return false;
  }
};
