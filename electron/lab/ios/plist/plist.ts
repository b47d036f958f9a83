/**
 * Any property list PushLab meets on a Mac (binary or XML), decoded by its first bytes.
 */
import { isBinaryPlist, parseBinaryPlist, type BplistLimits } from './bplist';
import { PlistFormatError } from './plist-error';
import type { PlistValue } from './plist-value';
import { isXmlPlist, parseXmlPlist } from './xml-plist';

export function parsePlist(bytes: Uint8Array, limits: Partial<BplistLimits> = {}): PlistValue {
  if (isBinaryPlist(bytes)) return parseBinaryPlist(bytes, limits);
  if (isXmlPlist(bytes)) return parseXmlPlist(bytes);
  if (bytes.length === 0) throw new PlistFormatError('truncated', 'The plist file is empty.');
  throw new PlistFormatError('not-a-plist', 'The data is neither a binary nor an XML plist.');
}

export { PlistFormatError } from './plist-error';
export { PlistUid, isArray, isDict, type PlistDict, type PlistValue } from './plist-value';
