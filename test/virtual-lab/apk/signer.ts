/**
 * Stand-in v1 signature block (META-INF/CERT.RSA). Not a real PKCS#7 signature, but valid DER
 * whose bytes depend only on the signer name: same signer -> identical bytes, another signer ->
 * different bytes, which is what the virtual phone compares to spot a different signing key.
 */
import { createHash } from 'node:crypto';

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function der(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

// 1.2.840.113549.1.7.2 (PKCS#7 signedData)
const SIGNED_DATA_OID = Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);

/** The CERT.RSA bytes for a signer name. */
export function signerCertificate(signer: string): Buffer {
  const key = createHash('sha256').update(`pushlab-test-signing-key:${signer}`).digest();
  const inner = der(
    0x30,
    Buffer.concat([der(0x0c, Buffer.from(`CN=${signer}, O=PushLab test`, 'utf8')), der(0x04, key)]),
  );
  return der(0x30, Buffer.concat([der(0x06, SIGNED_DATA_OID), der(0xa0, inner)]));
}
