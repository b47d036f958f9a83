/**
 * One host connection to a virtual adbd: handshake (CNXN, or AUTH for an unauthorized phone),
 * the stream table (OPEN/OKAY/WRTE/CLSE) and packet output. Mirrors the device half of AOSP
 * adb/adb.cpp handle_packet and sockets.cpp; see /work/shared/reference/protocols.md §1b.
 */
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { DeviceBackend } from './backend';
import {
  A_AUTH,
  A_CLSE,
  A_CNXN,
  A_OKAY,
  A_OPEN,
  A_VERSION,
  A_VERSION_MIN,
  A_VERSION_SKIP_CHECKSUM,
  A_WRTE,
  AUTH_SIGNATURE,
  AUTH_TOKEN,
  AUTH_TOKEN_SIZE,
  MAX_PAYLOAD,
} from './constants';
import { encodeHeader, PacketDecoder, type AdbPacket } from './packet';
import { resolveService } from './services';
import { AdbStream, type StreamTransport } from './stream';

/** What a connection needs from its adbd. */
export interface ConnectionOptions {
  readonly backend: DeviceBackend;
  /** The max payload we announce in our CNXN. */
  readonly maxPayload: number;
  /** Asked on every handshake step, so authorize() takes effect on live connections. */
  readonly isAuthorized: () => boolean;
  readonly onClose: (connection: AdbdConnection) => void;
  /** Host-to-phone link speed to model (e.g. USB 2.0); undefined = as fast as loopback allows. */
  readonly linkBytesPerSecond?: number;
}

/** Builds the CNXN banner; ':' would break adb's parse_banner and ';'/'=' its property split. */
export function buildBanner(backend: DeviceBackend): string {
  const clean = (value: string): string => value.replace(/[:;=\0]/g, '_');
  const props = backend.bannerProps();
  return (
    `device::ro.product.name=${clean(props.name)};ro.product.model=${clean(props.model)};` +
    `ro.product.device=${clean(props.device)};features=${backend.features().map(clean).join(',')}`
  );
}

/** The device side of one host TCP connection. */
export class AdbdConnection implements StreamTransport {
  private readonly decoder = new PacketDecoder(MAX_PAYLOAD);
  private readonly streams = new Map<number, AdbStream>();
  private nextId = 1;
  private online = false;
  /** Got the host's CNXN but have not answered it with ours (unauthorized phone). */
  private awaitingAuth = false;
  private version = A_VERSION_MIN;
  private hostMaxPayload = MAX_PAYLOAD;
  private hostVersion = A_VERSION_MIN;
  private destroyed = false;
  /** When the modelled link finishes carrying what it has been given (ms, performance clock). */
  private linkFreeAt = 0;

  public constructor(
    private readonly socket: Socket,
    private readonly options: ConnectionOptions,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => this.destroy());
    socket.on('close', () => this.destroy());
  }

  /** min(our max payload, the host's), as adb negotiates it. */
  public get writeLimit(): number {
    return Math.min(this.options.maxPayload, this.hostMaxPayload);
  }

  public get isOnline(): boolean {
    return this.online;
  }

  public afterLink(bytes: number, done: () => void): void {
    const rate = this.options.linkBytesPerSecond;
    if (!rate) return done();
    const now = performance.now();
    this.linkFreeAt = Math.max(now, this.linkFreeAt) + (bytes * 1000) / rate;
    const wait = this.linkFreeAt - now;
    if (wait < 1) done();
    else setTimeout(done, wait);
  }

  /** The user tapped "Allow": answer the pending handshake with CNXN. */
  public authorize(): void {
    if (this.awaitingAuth && !this.online && !this.destroyed) this.sendConnect();
  }

  /** Drops the connection and aborts every stream. */
  public destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.online = false;
    this.resetStreams('connection closed');
    this.socket.destroy();
    this.options.onClose(this);
  }

  public send(command: number, arg0: number, arg1: number, data: Buffer = EMPTY): void {
    if (this.destroyed) return;
    const packet: AdbPacket = { command, arg0, arg1, data };
    const header = encodeHeader(packet, this.version < A_VERSION_SKIP_CHECKSUM);
    if (data.length === 0) {
      this.socket.write(header);
      return;
    }
    this.socket.cork();
    this.socket.write(header);
    this.socket.write(data);
    this.socket.uncork();
  }

  public release(stream: AdbStream): void {
    if (this.streams.get(stream.localId) === stream) this.streams.delete(stream.localId);
  }

  private receive(chunk: Buffer): void {
    let packets: AdbPacket[];
    try {
      packets = this.decoder.push(chunk);
    } catch {
      // Bad magic or oversized payload: adb drops the connection, so do we.
      this.destroy();
      return;
    }
    for (const packet of packets) {
      if (this.destroyed) return;
      this.handle(packet);
    }
  }

  private handle(packet: AdbPacket): void {
    switch (packet.command) {
      case A_CNXN:
        this.handleConnect(packet);
        return;
      case A_AUTH:
        this.handleAuth(packet);
        return;
      case A_OPEN:
        if (this.online) this.handleOpen(packet);
        return;
      case A_OKAY:
        if (this.online) this.streamFor(packet)?.handleOkay();
        return;
      case A_WRTE:
        if (this.online) this.streamFor(packet)?.handleWrite(packet.data);
        return;
      case A_CLSE:
        if (this.online) this.handleClose(packet);
        return;
      default:
        // A_SYNC is obsolete; anything else is ignored like adbd does.
        return;
    }
  }

  private handleConnect(packet: AdbPacket): void {
    // A (second) CNXN restarts the session: every open stream goes away.
    this.resetStreams('host reconnected');
    this.online = false;
    this.version = A_VERSION_MIN;
    this.hostMaxPayload = packet.arg1 === 0 ? MAX_PAYLOAD : Math.min(packet.arg1, MAX_PAYLOAD);
    this.hostVersion = packet.arg0;
    if (this.options.isAuthorized()) {
      this.sendConnect();
    } else {
      this.awaitingAuth = true;
      this.sendToken();
    }
  }

  private handleAuth(packet: AdbPacket): void {
    if (this.online || !this.awaitingAuth) return;
    if (this.options.isAuthorized()) {
      // The key was accepted meanwhile ("Always allow"): the next signature or key gets in.
      this.sendConnect();
      return;
    }
    // A signature we cannot verify gets a fresh token; after AUTH_RSAPUBLICKEY the phone shows
    // its "Allow USB debugging?" prompt and stays silent until authorize().
    if (packet.arg0 === AUTH_SIGNATURE) this.sendToken();
  }

  private sendToken(): void {
    this.send(A_AUTH, AUTH_TOKEN, 0, randomBytes(AUTH_TOKEN_SIZE));
  }

  private sendConnect(): void {
    this.awaitingAuth = false;
    this.send(
      A_CNXN,
      A_VERSION,
      this.options.maxPayload,
      Buffer.from(buildBanner(this.options.backend), 'utf8'),
    );
    this.version = Math.min(this.hostVersion >>> 0, A_VERSION);
    this.online = true;
  }

  private handleOpen(packet: AdbPacket): void {
    const remoteId = packet.arg0;
    if (remoteId === 0) return;
    const name = packet.data.toString('utf8').replace(/\0+$/, '');
    const handler = resolveService(name, this.options.backend);
    if (handler === null) {
      this.send(A_CLSE, 0, remoteId);
      return;
    }
    const stream = new AdbStream(this, this.allocateId(), remoteId);
    this.streams.set(stream.localId, stream);
    this.send(A_OKAY, stream.localId, remoteId);
    void handler(stream)
      .catch(() => undefined)
      .then(() => stream.end());
  }

  private handleClose(packet: AdbPacket): void {
    const stream = this.streams.get(packet.arg1);
    if (stream === undefined) return;
    if (packet.arg0 !== 0 && packet.arg0 !== stream.remoteId) return;
    stream.handleClose();
  }

  private streamFor(packet: AdbPacket): AdbStream | undefined {
    const stream = this.streams.get(packet.arg1);
    return stream !== undefined && stream.remoteId === packet.arg0 ? stream : undefined;
  }

  private allocateId(): number {
    do {
      const id = this.nextId;
      this.nextId = this.nextId >= 0xfffffffe ? 1 : this.nextId + 1;
      if (!this.streams.has(id)) return id;
    } while (this.streams.size < 0xfffffffe);
    throw new Error('no free stream ids');
  }

  private resetStreams(reason: string): void {
    const streams = [...this.streams.values()];
    this.streams.clear();
    for (const stream of streams) stream.handleClose(reason);
  }
}

const EMPTY = Buffer.alloc(0);
