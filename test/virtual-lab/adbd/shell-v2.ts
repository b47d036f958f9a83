/**
 * Shell protocol v2 framing (AOSP adb/shell_protocol.h): 1 id byte, uint32 LE length, data.
 * Packets may be split across WRTEs or several packed into one, so decoding is incremental.
 */
import { ByteQueue } from './byte-queue';

/** Shell protocol packet ids. */
export const SHELL_STDIN = 0;
export const SHELL_STDOUT = 1;
export const SHELL_STDERR = 2;
export const SHELL_EXIT = 3;
export const SHELL_CLOSE_STDIN = 4;
export const SHELL_WINDOW_SIZE = 5;

const HEADER = 5;
/** adb's packets never exceed its 1 MiB buffer; refuse absurd lengths instead of buffering them. */
export const SHELL_PACKET_LIMIT = 16 * 1024 * 1024;

/** One shell protocol packet. */
export interface ShellPacket {
  readonly id: number;
  readonly data: Buffer;
}

/** Encodes one packet. */
export function encodeShellPacket(id: number, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(HEADER + data.length);
  out.writeUInt8(id, 0);
  out.writeUInt32LE(data.length, 1);
  data.copy(out, HEADER);
  return out;
}

/** Encodes data as one or more packets of at most `maxData` bytes each. */
export function encodeShellPackets(id: number, data: Buffer, maxData: number): Buffer[] {
  if (data.length <= maxData) return [encodeShellPacket(id, data)];
  const packets: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += maxData) {
    packets.push(encodeShellPacket(id, data.subarray(offset, offset + maxData)));
  }
  return packets;
}

/** Incremental decoder: push byte-stream chunks, get whole packets. */
export class ShellPacketDecoder {
  private readonly queue = new ByteQueue();
  private pending: { id: number; length: number } | null = null;

  /** Adds bytes; returns the packets now complete. Throws on a length over SHELL_PACKET_LIMIT. */
  public push(chunk: Buffer): ShellPacket[] {
    this.queue.push(chunk);
    const packets: ShellPacket[] = [];
    for (;;) {
      if (this.pending === null) {
        if (this.queue.length < HEADER) break;
        const header = this.queue.take(HEADER);
        const length = header.readUInt32LE(1);
        if (length > SHELL_PACKET_LIMIT) throw new Error(`shell packet of ${length} bytes is too large`);
        this.pending = { id: header.readUInt8(0), length };
      }
      if (this.queue.length < this.pending.length) break;
      packets.push({ id: this.pending.id, data: this.queue.take(this.pending.length) });
      this.pending = null;
    }
    return packets;
  }
}
