/** Types for plist-io.mjs (the fake xcrun's binary plist writer and small reader). */
export class Uid {
  constructor(value: number);
  readonly uid: number;
}
export function writeBinaryPlist(root: unknown): Buffer;
export function keyedArchive(root: unknown): Buffer;
export function readBinaryPlist(buf: Buffer): unknown;
export function readXmlPlistStrings(text: string): Record<string, unknown>;
