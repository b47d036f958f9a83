import { describe, expect, it } from 'vitest';
import { A_CNXN, A_OKAY, A_WRTE, A_VERSION } from '../../../virtual-lab/adbd/constants';
import {
  encodeHeader,
  encodePacket,
  HEADER_SIZE,
  PacketDecoder,
  PacketError,
  payloadChecksum,
} from '../../../virtual-lab/adbd/packet';

const cnxn = {
  command: A_CNXN,
  arg0: A_VERSION,
  arg1: 256 * 1024,
  data: Buffer.from('device::features=shell_v2'),
};
const okay = { command: A_OKAY, arg0: 7, arg1: 3, data: Buffer.alloc(0) };
const wrte = { command: A_WRTE, arg0: 7, arg1: 3, data: Buffer.from([1, 2, 250, 255]) };

describe('packet codec', () => {
  it('encodes six little-endian uint32 with magic = ~command', () => {
    const bytes = encodePacket(cnxn);
    expect(bytes.length).toBe(HEADER_SIZE + cnxn.data.length);
    expect(bytes.toString('latin1', 0, 4)).toBe('CNXN');
    expect(bytes.readUInt32LE(4)).toBe(0x01000001);
    expect(bytes.readUInt32LE(8)).toBe(256 * 1024);
    expect(bytes.readUInt32LE(12)).toBe(cnxn.data.length);
    expect(bytes.readUInt32LE(16)).toBe(payloadChecksum(cnxn.data));
    expect(bytes.readUInt32LE(20)).toBe((A_CNXN ^ 0xffffffff) >>> 0);
  });

  it('data_check is the unsigned byte sum, or 0 when skipped', () => {
    expect(payloadChecksum(wrte.data)).toBe(1 + 2 + 250 + 255);
    expect(encodeHeader(wrte, false).readUInt32LE(16)).toBe(0);
    expect(encodeHeader(wrte, true).readUInt32LE(16)).toBe(508);
  });

  it('decodes several packets from one chunk', () => {
    const decoder = new PacketDecoder();
    const packets = decoder.push(Buffer.concat([encodePacket(cnxn), encodePacket(okay), encodePacket(wrte)]));
    expect(packets.map((p) => p.command)).toEqual([A_CNXN, A_OKAY, A_WRTE]);
    expect(packets[0]?.data.toString()).toBe('device::features=shell_v2');
    expect(packets[2]?.data).toEqual(wrte.data);
    expect(decoder.buffered).toBe(0);
  });

  it('reassembles packets fed one byte at a time', () => {
    const decoder = new PacketDecoder();
    const bytes = Buffer.concat([encodePacket(wrte), encodePacket(cnxn)]);
    const packets = [];
    for (let i = 0; i < bytes.length; i += 1) packets.push(...decoder.push(bytes.subarray(i, i + 1)));
    expect(packets).toHaveLength(2);
    expect(packets[0]).toMatchObject({ command: A_WRTE, arg0: 7, arg1: 3 });
    expect(packets[0]?.data).toEqual(wrte.data);
    expect(packets[1]?.data.toString()).toBe('device::features=shell_v2');
  });

  it('splits across chunk boundaries in the middle of header and payload', () => {
    const decoder = new PacketDecoder();
    const bytes = Buffer.concat([encodePacket(cnxn), encodePacket(wrte)]);
    expect(decoder.push(bytes.subarray(0, 10))).toEqual([]);
    expect(decoder.push(bytes.subarray(10, 30))).toEqual([]);
    const rest = decoder.push(bytes.subarray(30));
    expect(rest.map((p) => p.command)).toEqual([A_CNXN, A_WRTE]);
  });

  it('rejects a bad magic', () => {
    const bytes = encodePacket(okay);
    bytes.writeUInt32LE(0, 20);
    expect(() => new PacketDecoder().push(bytes)).toThrow(PacketError);
  });

  it('rejects a payload larger than the limit', () => {
    const decoder = new PacketDecoder(16);
    expect(() => decoder.push(encodePacket({ ...wrte, data: Buffer.alloc(17) }))).toThrow(/exceeds 16/);
  });
});
