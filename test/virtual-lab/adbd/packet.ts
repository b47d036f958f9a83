/**
 * ADB transport packets: a 24-byte header of six little-endian uint32 (command, arg0, arg1,
 * data_length, data_check, magic) and an optional payload (AOSP adb/protocol.txt, adb.h).
 */
import { ByteQueue } from './byte-queue';
import { commandName, MAX_PAYLOAD } from './constants';

/** Size of the fixed packet header. */
export const HEADER_SIZE = 24;

/** One transport packet (header fields plus payload). */
export interface AdbPacket {
  readonly command: number;
  readonly arg0: number;
  readonly arg1: number;
  readonly data: Buffer;
}

/** Unsigned byte sum of the payload: what adb calls data_check (it is not a CRC). */
export function payloadChecksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 1) sum += data[i] as number;
  return sum >>> 0;
}

/** Encodes just the header; callers write header and payload back to back (no payload copy). */
export function encodeHeader(packet: AdbPacket, withChecksum: boolean): Buffer {
  const header = Buffer.allocUnsafe(HEADER_SIZE);
  header.writeUInt32LE(packet.command >>> 0, 0);
  header.writeUInt32LE(packet.arg0 >>> 0, 4);
  header.writeUInt32LE(packet.arg1 >>> 0, 8);
  header.writeUInt32LE(packet.data.length, 12);
  header.writeUInt32LE(withChecksum ? payloadChecksum(packet.data) : 0, 16);
  header.writeUInt32LE((packet.command ^ 0xffffffff) >>> 0, 20);
  return header;
}

/** Encodes a whole packet into one buffer (tests and small control packets). */
export function encodePacket(packet: AdbPacket, withChecksum = true): Buffer {
  return Buffer.concat([encodeHeader(packet, withChecksum), packet.data]);
}

/** Thrown when the peer breaks framing; the connection must then be dropped, as adb does. */
export class PacketError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'PacketError';
  }
}

interface PendingHeader {
  readonly command: number;
  readonly arg0: number;
  readonly arg1: number;
  readonly length: number;
}

/**
 * Incremental decoder: feed it socket chunks of any size, get whole packets back. Checks the
 * magic and the length limit; ignores data_check, as adb hosts since 2017 do.
 */
export class PacketDecoder {
  private readonly queue = new ByteQueue();
  private pending: PendingHeader | null = null;

  /** @param maxPayload largest data_length accepted (adb drops the connection beyond it). */
  public constructor(private readonly maxPayload: number = MAX_PAYLOAD) {}

  /** Adds bytes and returns every packet now complete (throws PacketError on bad framing). */
  public push(chunk: Buffer): AdbPacket[] {
    this.queue.push(chunk);
    const packets: AdbPacket[] = [];
    for (;;) {
      if (this.pending === null) {
        if (this.queue.length < HEADER_SIZE) break;
        this.pending = this.readHeader(this.queue.take(HEADER_SIZE));
      }
      if (this.queue.length < this.pending.length) break;
      const { command, arg0, arg1, length } = this.pending;
      this.pending = null;
      packets.push({ command, arg0, arg1, data: this.queue.take(length) });
    }
    return packets;
  }

  /** Bytes buffered but not yet part of a complete packet. */
  public get buffered(): number {
    return this.queue.length + (this.pending === null ? 0 : HEADER_SIZE);
  }

  private readHeader(header: Buffer): PendingHeader {
    const command = header.readUInt32LE(0);
    const magic = header.readUInt32LE(20);
    if (magic !== (command ^ 0xffffffff) >>> 0) {
      throw new PacketError(`bad magic 0x${magic.toString(16)} for command ${commandName(command)}`);
    }
    const length = header.readUInt32LE(12);
    if (length > this.maxPayload) {
      throw new PacketError(`${commandName(command)} payload of ${length} bytes exceeds ${this.maxPayload}`);
    }
    return { command, arg0: header.readUInt32LE(4), arg1: header.readUInt32LE(8), length };
  }
}
