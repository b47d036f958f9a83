/**
 * Unarchives an NSKeyedArchiver property list ($archiver, $top, $objects with CF$UID references)
 * into plain values: NSDictionary -> dictionary, NSArray/NSSet -> array, NSDate -> Date,
 * NSString/NSData/NSURL/NSNull as themselves; any other class becomes a dictionary of its coded
 * fields plus "$class" (e.g. BBSectionInfoSettings). References are checked, cycles refused and
 * depth capped: a hostile archive ends in PlistFormatError.
 */
import { PlistFormatError } from './plist-error';
import {
  PlistUid,
  dateFromAppleSeconds,
  isArray,
  isDict,
  newDict,
  type PlistDict,
  type PlistValue,
} from './plist-value';

export type ArchivedValue = PlistValue;

const MAX_DEPTH = 64;

const malformed = (what: string): PlistFormatError =>
  new PlistFormatError('malformed', `The keyed archive is malformed: ${what}.`);

export function isKeyedArchive(value: PlistValue): value is PlistDict {
  return (
    isDict(value) && typeof value.$archiver === 'string' && isArray(value.$objects) && isDict(value.$top)
  );
}

const LIST_CLASSES = new Set([
  'NSArray',
  'NSMutableArray',
  'NSSet',
  'NSMutableSet',
  'NSOrderedSet',
  'NSMutableOrderedSet',
]);
const DICT_CLASSES = new Set(['NSDictionary', 'NSMutableDictionary']);

/** Unarchives `$top[key]` (default "root"); `$null` and a missing root give null. */
export function unarchive(archive: PlistValue, key = 'root'): ArchivedValue {
  if (!isKeyedArchive(archive))
    throw new PlistFormatError('not-a-plist', 'The plist is not an NSKeyedArchiver archive.');
  const objects = archive.$objects as readonly PlistValue[];
  const top = (archive.$top as PlistDict)[key];
  if (top === undefined) return null;
  const decoded = new Map<number, ArchivedValue>();
  const open = new Set<number>();

  const deref = (value: PlistValue, depth: number): ArchivedValue =>
    value instanceof PlistUid ? decode(value.value, depth) : value;

  const className = (object: PlistDict): string | null => {
    const ref = object.$class;
    if (!(ref instanceof PlistUid)) return null;
    const info = objects[ref.value];
    if (!isDict(info) || typeof info.$classname !== 'string')
      throw malformed(`class reference ${ref.value} is not a class`);
    return info.$classname;
  };

  const refs = (value: PlistValue | undefined, what: string): readonly PlistValue[] => {
    if (value === undefined) return [];
    if (!isArray(value)) throw malformed(`${what} is not a list`);
    return value;
  };

  const decodeObject = (object: PlistDict, depth: number): ArchivedValue => {
    const cls = className(object);
    if (cls !== null && DICT_CLASSES.has(cls)) {
      const keys = refs(object['NS.keys'], 'NS.keys');
      const values = refs(object['NS.objects'], 'NS.objects');
      if (keys.length !== values.length)
        throw malformed('a dictionary has different numbers of keys and values');
      const out = newDict();
      keys.forEach((k, i) => {
        const name = deref(k, depth + 1);
        if (typeof name !== 'string') throw malformed('a dictionary key is not a string');
        out[name] = deref(values[i] ?? null, depth + 1);
      });
      return out;
    }
    if (cls !== null && LIST_CLASSES.has(cls))
      return refs(object['NS.objects'], 'NS.objects').map((v) => deref(v, depth + 1));
    switch (cls) {
      case 'NSDate':
      case '__NSDate': {
        const time = object['NS.time'];
        if (typeof time !== 'number' || !Number.isFinite(time)) throw malformed('an NSDate has no NS.time');
        return dateFromAppleSeconds(time);
      }
      case 'NSString':
      case 'NSMutableString': {
        const s = deref(object['NS.string'] ?? null, depth + 1);
        if (typeof s !== 'string') throw malformed('an NSString has no NS.string');
        return s;
      }
      case 'NSData':
      case 'NSMutableData':
        return deref(object['NS.data'] ?? null, depth + 1);
      case 'NSURL': {
        const base = deref(object['NS.base'] ?? null, depth + 1);
        const relative = deref(object['NS.relative'] ?? null, depth + 1);
        return `${typeof base === 'string' ? base : ''}${typeof relative === 'string' ? relative : ''}`;
      }
      case 'NSNull':
        return null;
      default: {
        const out = newDict();
        for (const [field, value] of Object.entries(object)) {
          if (field === '$class') continue;
          out[field] = deref(value, depth + 1);
        }
        if (cls !== null) out.$class = cls;
        return out;
      }
    }
  };

  const decode = (ref: number, depth: number): ArchivedValue => {
    const known = decoded.get(ref);
    if (known !== undefined) return known;
    if (ref === 0) return null; // $objects[0] is always "$null"
    if (ref < 0 || ref >= objects.length) throw malformed(`reference ${ref} points outside $objects`);
    if (open.has(ref))
      throw new PlistFormatError('cyclic', `The keyed archive is cyclic: object ${ref} contains itself.`);
    if (depth > MAX_DEPTH)
      throw new PlistFormatError('too-large', `The archive nests deeper than ${MAX_DEPTH} levels.`);
    const raw = objects[ref] as PlistValue;
    open.add(ref);
    const value = isDict(raw) ? decodeObject(raw, depth) : raw;
    open.delete(ref);
    decoded.set(ref, value);
    return value;
  };

  return deref(top, 0);
}
