import { describe, expect, it } from 'vitest';
import { ByteChannel } from '../../../virtual-lab/adbd/byte-channel';
import { ByteQueue } from '../../../virtual-lab/adbd/byte-queue';

describe('ByteQueue', () => {
  it('takes across chunk boundaries and keeps the rest', () => {
    const queue = new ByteQueue();
    queue.push(Buffer.from('abc'));
    queue.push(Buffer.from('defg'));
    queue.push(Buffer.from('h'));
    expect(queue.peek(4).toString()).toBe('abcd');
    expect(queue.take(2).toString()).toBe('ab');
    expect(queue.take(4).toString()).toBe('cdef');
    expect(queue.length).toBe(2);
    expect(queue.takeAll().toString()).toBe('gh');
    expect(() => queue.take(1)).toThrow(RangeError);
  });
});

describe('ByteChannel', () => {
  it('reads exact counts, then null at the end', async () => {
    const channel = new ByteChannel();
    const pending = channel.read(5);
    channel.push(Buffer.from('he'));
    channel.push(Buffer.from('llo!'));
    expect((await pending)?.toString()).toBe('hello');
    channel.end();
    expect(await channel.read(2)).toBeNull();
    expect((await channel.readSome())?.toString()).toBe('!');
    expect(await channel.readSome()).toBeNull();
  });

  it('asks for more below the mark or when a reader is starved', async () => {
    const channel = new ByteChannel(4);
    let calls = 0;
    channel.onWantsMore(() => {
      calls += 1;
    });
    channel.push(Buffer.from('12345'));
    expect(channel.wantsMore).toBe(false);
    const big = channel.read(8);
    await Promise.resolve();
    expect(channel.wantsMore).toBe(true);
    expect(calls).toBeGreaterThan(0);
    channel.push(Buffer.from('678'));
    expect((await big)?.toString()).toBe('12345678');
    expect(channel.wantsMore).toBe(true);
  });

  it('iterates chunks until end', async () => {
    const channel = new ByteChannel();
    channel.push(Buffer.from('a'));
    channel.push(Buffer.from('b'));
    channel.end();
    const parts: string[] = [];
    for await (const chunk of channel) parts.push(chunk.toString());
    expect(parts.join('')).toBe('ab');
  });
});
