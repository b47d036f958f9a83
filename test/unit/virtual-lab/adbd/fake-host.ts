/**
 * A scripted ADB host for protocol tests: speaks raw packets to a virtual adbd over loopback
 * and records every packet the device sends.
 */
import { connect, type Socket } from 'node:net';
import { A_CNXN, A_OKAY, A_OPEN, A_VERSION, A_WRTE, commandName } from '../../../virtual-lab/adbd/constants';
import { encodePacket, PacketDecoder, type AdbPacket } from '../../../virtual-lab/adbd/packet';

/** The CNXN banner adb 29.0.6 sends. */
export const HOST_BANNER =
  'host::features=shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir,apex,abb,fixed_push_symlink_timestamp,abb_exec';

/** Test double of the adb server's side of one transport. */
export class FakeHost {
  public readonly received: AdbPacket[] = [];
  private readonly decoder = new PacketDecoder();
  private cursor = 0;
  private waiters: Array<() => void> = [];
  public closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received.push(...this.decoder.push(chunk));
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  public static async open(port: number): Promise<FakeHost> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new FakeHost(socket);
  }

  public send(command: number, arg0: number, arg1: number, data: Buffer | string = Buffer.alloc(0)): void {
    const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.socket.write(encodePacket({ command, arg0, arg1, data: payload }));
  }

  public writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Next packet not yet consumed (optionally skipping ones that do not match). */
  public async next(
    match: (packet: AdbPacket) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<AdbPacket> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.received.length) {
        const packet = this.received[this.cursor] as AdbPacket;
        this.cursor += 1;
        if (match(packet)) return packet;
      }
      if (this.closed) throw new Error('device closed the connection');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a packet');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Whether anything unconsumed arrives within `ms`. */
  public async quietFor(ms: number): Promise<boolean> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.cursor >= this.received.length;
  }

  /** CNXN handshake; returns the device's CNXN. */
  public async handshake(maxPayload = 1024 * 1024): Promise<AdbPacket> {
    this.send(A_CNXN, A_VERSION, maxPayload, HOST_BANNER);
    return this.next((packet) => packet.command === A_CNXN);
  }

  /** Opens a service; resolves the device's stream id, or null when refused. */
  public async openService(localId: number, service: string): Promise<number | null> {
    this.send(A_OPEN, localId, 0, `${service}\0`);
    const reply = await this.next((packet) => packet.arg1 === localId && packet.command !== A_WRTE);
    return reply.command === A_OKAY ? reply.arg0 : null;
  }

  /** Reads a stream to its CLSE, OKAYing each WRTE; returns the bytes and the WRTE sizes. */
  public async readStream(localId: number, remoteId: number): Promise<{ data: Buffer; writes: number[] }> {
    const chunks: Buffer[] = [];
    const writes: number[] = [];
    for (;;) {
      const packet = await this.next((p) => p.arg1 === localId);
      if (packet.command === A_WRTE) {
        chunks.push(packet.data);
        writes.push(packet.data.length);
        this.send(A_OKAY, localId, remoteId);
      } else if (commandName(packet.command) === 'CLSE') {
        return { data: Buffer.concat(chunks), writes };
      }
    }
  }

  public close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
