// Binary plist writing (and a small reader) for the fake xcrun, in plain JavaScript so the fake
// starts as fast as a real command. Written from the bplist00 layout (CFBinaryPList.c) on its own,
// independent of the core's reader, so the two checking each other means something.
//
// Values: string, number (integer or real), boolean, Date, Buffer/Uint8Array (data), arrays,
// plain objects (dictionaries) and { uid: n } (CF$UID).

const APPLE_EPOCH_S = 978307200;

export class Uid {
  constructor(value) {
    this.uid = value;
  }
}

function bytesFor(n) {
  return n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x100000000 ? 4 : 8;
}

function uintBE(value, size) {
  const b = Buffer.alloc(size);
  if (size === 8) b.writeBigUInt64BE(BigInt(value));
  else b.writeUIntBE(value, 0, size);
  return b;
}

function lengthMarker(high, length) {
  if (length < 15) return Buffer.from([(high << 4) | length]);
  const size = bytesFor(length);
  return Buffer.concat([Buffer.from([(high << 4) | 0xf, 0x10 | Math.log2(size)]), uintBE(length, size)]);
}

/** Encodes a value tree as bplist00 bytes. Strings are shared; containers are written once each. */
export function writeBinaryPlist(root) {
  const objects = [];
  const strings = new Map();
  const flatten = (value) => {
    if (typeof value === 'string') {
      const known = strings.get(value);
      if (known !== undefined) return known;
      objects.push(value);
      strings.set(value, objects.length - 1);
      return objects.length - 1;
    }
    const index = objects.length;
    objects.push(null);
    if (Array.isArray(value)) objects[index] = { array: value.map(flatten) };
    else if (
      value !== null &&
      typeof value === 'object' &&
      !(value instanceof Date) &&
      !(value instanceof Uint8Array) &&
      !(value instanceof Uid)
    ) {
      const keys = Object.keys(value).filter((k) => value[k] !== undefined);
      const keyRefs = keys.map(flatten);
      objects[index] = { dict: [keyRefs, keys.map((k) => flatten(value[k]))] };
    } else objects[index] = { scalar: value };
    return index;
  };
  const top = flatten(root);
  const refSize = bytesFor(objects.length);
  const ref = (i) => uintBE(i, refSize);
  const chunks = [Buffer.from('bplist00', 'latin1')];
  const offsets = [];
  let at = 8;
  for (const o of objects) {
    let bytes;
    if (typeof o === 'string') {
      const ascii = /^[\x00-\x7f]*$/.test(o);
      bytes = ascii
        ? Buffer.concat([lengthMarker(0x5, o.length), Buffer.from(o, 'latin1')])
        : Buffer.concat([lengthMarker(0x6, o.length), Buffer.from(o, 'utf16le').swap16()]);
    } else if (o.array) bytes = Buffer.concat([lengthMarker(0xa, o.array.length), ...o.array.map(ref)]);
    else if (o.dict)
      bytes = Buffer.concat([
        lengthMarker(0xd, o.dict[0].length),
        ...o.dict[0].map(ref),
        ...o.dict[1].map(ref),
      ]);
    else bytes = scalarBytes(o.scalar);
    offsets.push(at);
    chunks.push(bytes);
    at += bytes.length;
  }
  const offsetSize = bytesFor(at);
  const table = Buffer.concat(offsets.map((off) => uintBE(off, offsetSize)));
  const trailer = Buffer.alloc(32);
  trailer[6] = offsetSize;
  trailer[7] = refSize;
  trailer.writeBigUInt64BE(BigInt(objects.length), 8);
  trailer.writeBigUInt64BE(BigInt(top), 16);
  trailer.writeBigUInt64BE(BigInt(at), 24);
  return Buffer.concat([...chunks, table, trailer]);
}

function scalarBytes(v) {
  if (v === null || v === undefined) return Buffer.from([0x00]);
  if (v === false) return Buffer.from([0x08]);
  if (v === true) return Buffer.from([0x09]);
  if (v instanceof Uid) {
    const size = bytesFor(v.uid);
    return Buffer.concat([Buffer.from([0x80 | (size - 1)]), uintBE(v.uid, size)]);
  }
  if (v instanceof Date) {
    const b = Buffer.alloc(9);
    b[0] = 0x33;
    b.writeDoubleBE(v.getTime() / 1000 - APPLE_EPOCH_S, 1);
    return b;
  }
  if (v instanceof Uint8Array) return Buffer.concat([lengthMarker(0x4, v.length), Buffer.from(v)]);
  if (typeof v === 'number' && Number.isInteger(v)) {
    if (v >= 0 && v < 0x100000000) {
      const size = bytesFor(v);
      return Buffer.concat([Buffer.from([0x10 | Math.log2(size)]), uintBE(v, size)]);
    }
    const b = Buffer.alloc(9);
    b[0] = 0x13;
    b.writeBigInt64BE(BigInt(v), 1);
    return b;
  }
  if (typeof v === 'number') {
    const b = Buffer.alloc(9);
    b[0] = 0x23;
    b.writeDoubleBE(v, 1);
    return b;
  }
  throw new Error(`cannot encode ${typeof v}`);
}

/** Builds an NSKeyedArchiver archive (NSDictionary / NSArray / NSDate / strings / numbers / classed objects). */
export function keyedArchive(root) {
  const objects = ['$null'];
  const classes = new Map();
  const classRef = (name, supers = ['NSObject']) => {
    if (!classes.has(name)) {
      objects.push({ $classname: name, $classes: [name, ...supers] });
      classes.set(name, objects.length - 1);
    }
    return new Uid(classes.get(name));
  };
  const encode = (value) => {
    if (value === null || value === undefined) return new Uid(0);
    const index = objects.length;
    objects.push(null);
    if (value instanceof Date)
      objects[index] = { 'NS.time': value.getTime() / 1000 - APPLE_EPOCH_S, $class: classRef('NSDate') };
    else if (Array.isArray(value))
      objects[index] = { 'NS.objects': value.map(encode), $class: classRef('NSArray') };
    else if (typeof value === 'object' && !(value instanceof Uint8Array) && value.$class) {
      const { $class, ...fields } = value;
      const out = {};
      for (const [k, v] of Object.entries(fields))
        out[k] = typeof v === 'object' && v !== null ? encode(v) : typeof v === 'string' ? encode(v) : v;
      out.$class = classRef($class);
      objects[index] = out;
    } else if (typeof value === 'object' && !(value instanceof Uint8Array)) {
      const keys = Object.keys(value).filter((k) => value[k] !== undefined);
      objects[index] = {
        'NS.keys': keys.map(encode),
        'NS.objects': keys.map((k) => encode(value[k])),
        $class: classRef('NSDictionary'),
      };
    } else objects[index] = value;
    return new Uid(index);
  };
  const top = encode(root);
  return writeBinaryPlist({
    $version: 100000,
    $archiver: 'NSKeyedArchiver',
    $top: { root: top },
    $objects: objects,
  });
}

/** Reads a binary plist into plain values (enough for Info.plist; the fake trusts its own inputs). */
export function readBinaryPlist(buf) {
  const t = buf.length - 32;
  const offsetSize = buf[t + 6];
  const refSize = buf[t + 7];
  const count = Number(buf.readBigUInt64BE(t + 8));
  const top = Number(buf.readBigUInt64BE(t + 16));
  const tableAt = Number(buf.readBigUInt64BE(t + 24));
  const offset = (i) => buf.readUIntBE(tableAt + i * offsetSize, offsetSize);
  let budget = 100000;
  const read = (i, depth) => {
    if (i >= count || depth > 32 || --budget < 0) throw new Error('bad plist');
    const at = offset(i);
    const m = buf[at];
    const hi = m >> 4;
    let lo = m & 0xf;
    let start = at + 1;
    if (lo === 0xf && [0x4, 0x5, 0x6, 0xa, 0xd].includes(hi)) {
      const size = 1 << (buf[at + 1] & 0xf);
      lo = buf.readUIntBE(at + 2, size);
      start = at + 2 + size;
    }
    switch (hi) {
      case 0x0:
        return m === 0x09 ? true : m === 0x08 ? false : null;
      case 0x1:
        return 1 << lo <= 4 ? buf.readUIntBE(at + 1, 1 << lo) : Number(buf.readBigInt64BE(at + 1));
      case 0x2:
        return lo === 2 ? buf.readFloatBE(at + 1) : buf.readDoubleBE(at + 1);
      case 0x3:
        return new Date((buf.readDoubleBE(at + 1) + APPLE_EPOCH_S) * 1000);
      case 0x4:
        return buf.subarray(start, start + lo);
      case 0x5:
        return buf.toString('latin1', start, start + lo);
      case 0x6:
        return Buffer.from(buf.subarray(start, start + lo * 2))
          .swap16()
          .toString('utf16le');
      case 0x8:
        return new Uid(buf.readUIntBE(at + 1, lo + 1));
      case 0xa:
        return Array.from({ length: lo }, (_, k) =>
          read(buf.readUIntBE(start + k * refSize, refSize), depth + 1),
        );
      case 0xd: {
        const out = {};
        for (let k = 0; k < lo; k++)
          out[read(buf.readUIntBE(start + k * refSize, refSize), depth + 1)] = read(
            buf.readUIntBE(start + (lo + k) * refSize, refSize),
            depth + 1,
          );
        return out;
      }
      default:
        throw new Error(`marker ${m}`);
    }
  };
  return read(top, 0);
}

/** Top-level <key>/<string>|<array> pairs of an XML plist (enough for an Info.plist). */
export function readXmlPlistStrings(text) {
  const out = {};
  for (const m of text.matchAll(/<key>([^<]*)<\/key>\s*<string>([^<]*)<\/string>/g)) out[m[1]] = m[2];
  const schemes = [...text.matchAll(/<key>CFBundleURLSchemes<\/key>\s*<array>([\s\S]*?)<\/array>/g)].flatMap(
    (m) => [...m[1].matchAll(/<string>([^<]*)<\/string>/g)].map((s) => s[1]),
  );
  if (schemes.length > 0) out.CFBundleURLTypes = [{ CFBundleURLSchemes: schemes }];
  return out;
}
