/**
 * Running backend commands behind `shell:`, `shell,v2,...:`, `exec:`, `abb:` and `abb_exec:`
 * (AOSP adb/daemon/services.cpp ShellService, shell_service.cpp, abb.cpp). Raw mode sends
 * stdout and stderr merged and closes after the command; the shell protocol sends
 * stdout (1), stderr (2), then exit (3), and reads stdin (0) / close-stdin (4) packets.
 */
import type { ShellIo } from './backend';
import { ByteChannel } from './byte-channel';
import {
  encodeShellPacket,
  encodeShellPackets,
  SHELL_CLOSE_STDIN,
  SHELL_EXIT,
  SHELL_STDERR,
  SHELL_STDIN,
  SHELL_STDOUT,
  ShellPacketDecoder,
} from './shell-v2';
import type { AdbStream } from './stream';

/** A command to run against an io; resolves to its exit status. */
export type CommandRunner = (io: ShellIo) => Promise<number>;

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

function errorText(error: unknown): string {
  return `${error instanceof Error ? error.message : String(error)}\n`;
}

/** Raw mode (legacy shell:, exec:, abb_exec:): stdin is the stream, stdout and stderr merged. */
export async function runRaw(stream: AdbStream, run: CommandRunner): Promise<void> {
  const write = (chunk: Buffer | string): Promise<void> => stream.write(toBuffer(chunk));
  const io: ShellIo = { stdin: stream.input, stdout: write, stderr: write, signal: stream.signal };
  try {
    await run(io);
  } catch (error) {
    if (!stream.closed) await write(errorText(error));
  }
}

/** Shell protocol v2 (shell,v2,...: and abb:): framed stdin/stdout/stderr, exit status last. */
export async function runShellProtocol(stream: AdbStream, run: CommandRunner): Promise<void> {
  const stdin = new ByteChannel();
  const maxData = Math.max(1, stream.writeLimit - 5);
  const send = (id: number, chunk: Buffer | string): Promise<void> => {
    const data = toBuffer(chunk);
    if (data.length === 0) return Promise.resolve();
    const packets = encodeShellPackets(id, data, maxData);
    return packets.length === 1 ? stream.write(packets[0] as Buffer) : writeAll(stream, packets);
  };
  const io: ShellIo = {
    stdin,
    stdout: (chunk) => send(SHELL_STDOUT, chunk),
    stderr: (chunk) => send(SHELL_STDERR, chunk),
    signal: stream.signal,
  };
  void pumpStdin(stream, stdin);
  let status: number;
  try {
    status = await run(io);
  } catch (error) {
    await io.stderr(errorText(error));
    status = 1;
  }
  stdin.destroy();
  await stream.write(encodeShellPacket(SHELL_EXIT, Buffer.from([status & 0xff])));
}

async function writeAll(stream: AdbStream, packets: readonly Buffer[]): Promise<void> {
  for (const packet of packets) await stream.write(packet);
}

/** Feeds stdin packets to the command, holding back when it is not reading. */
async function pumpStdin(stream: AdbStream, stdin: ByteChannel): Promise<void> {
  const decoder = new ShellPacketDecoder();
  try {
    for (;;) {
      await stdin.whenWantsMore();
      const chunk = await stream.input.readSome();
      if (chunk === null) break;
      for (const packet of decoder.push(chunk)) {
        if (packet.id === SHELL_STDIN) stdin.push(packet.data);
        else if (packet.id === SHELL_CLOSE_STDIN) stdin.end();
        // Window-size changes and unknown ids are ignored, as adbd does without a pty.
      }
    }
  } catch {
    // Broken framing from the host: treat as end of input.
  }
  stdin.end();
}
