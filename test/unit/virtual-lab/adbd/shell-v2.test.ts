import { describe, expect, it } from 'vitest';
import {
  encodeShellPacket,
  encodeShellPackets,
  SHELL_CLOSE_STDIN,
  SHELL_EXIT,
  SHELL_STDIN,
  SHELL_STDOUT,
  ShellPacketDecoder,
} from '../../../virtual-lab/adbd/shell-v2';

describe('shell protocol v2 framing', () => {
  it('encodes id, uint32 LE length, data', () => {
    const packet = encodeShellPacket(SHELL_EXIT, Buffer.from([3]));
    expect([...packet]).toEqual([3, 1, 0, 0, 0, 3]);
  });

  it('reassembles a packet split over many chunks', () => {
    const payload = Buffer.from('hello stdin');
    const bytes = encodeShellPacket(SHELL_STDIN, payload);
    const decoder = new ShellPacketDecoder();
    const out = [];
    for (let i = 0; i < bytes.length; i += 3) out.push(...decoder.push(bytes.subarray(i, i + 3)));
    expect(out).toEqual([{ id: SHELL_STDIN, data: payload }]);
  });

  it('splits several packets packed into one chunk, including empty ones', () => {
    const bytes = Buffer.concat([
      encodeShellPacket(SHELL_STDIN, Buffer.from('a')),
      encodeShellPacket(SHELL_STDIN, Buffer.from('bc')),
      encodeShellPacket(SHELL_CLOSE_STDIN, Buffer.alloc(0)),
    ]);
    const packets = new ShellPacketDecoder().push(bytes);
    expect(packets.map((p) => [p.id, p.data.toString()])).toEqual([
      [SHELL_STDIN, 'a'],
      [SHELL_STDIN, 'bc'],
      [SHELL_CLOSE_STDIN, ''],
    ]);
  });

  it('keeps a partial header pending until the rest arrives', () => {
    const decoder = new ShellPacketDecoder();
    const bytes = encodeShellPacket(SHELL_STDOUT, Buffer.from('xyz'));
    expect(decoder.push(bytes.subarray(0, 2))).toEqual([]);
    expect(decoder.push(bytes.subarray(2, 6))).toEqual([]);
    expect(decoder.push(bytes.subarray(6))).toEqual([{ id: SHELL_STDOUT, data: Buffer.from('xyz') }]);
  });

  it('refuses absurd lengths instead of buffering them', () => {
    const header = Buffer.from([SHELL_STDIN, 0xff, 0xff, 0xff, 0xff]);
    expect(() => new ShellPacketDecoder().push(header)).toThrow(/too large/);
  });

  it('splits big output into packets of at most maxData bytes', () => {
    const data = Buffer.alloc(10, 7);
    const packets = encodeShellPackets(SHELL_STDOUT, data, 4);
    expect(packets.map((p) => p.readUInt32LE(1))).toEqual([4, 4, 2]);
    const decoded = new ShellPacketDecoder().push(Buffer.concat(packets));
    expect(Buffer.concat(decoded.map((p) => p.data))).toEqual(data);
  });
});
