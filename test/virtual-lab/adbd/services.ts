/**
 * Maps an OPEN's service string to a handler, as adbd's daemon_service_to_fd does for the
 * services a virtual phone offers. Unknown services (and host: services, which the adb server
 * answers itself) get null, which the connection turns into CLSE (the client sees FAIL).
 */
import type { DeviceBackend } from './backend';
import { runRaw, runShellProtocol, type CommandRunner } from './shell-service';
import type { AdbStream } from './stream';
import { runSyncService } from './sync-service';

/** Serves one opened stream; the stream is closed when it resolves. */
export type ServiceHandler = (stream: AdbStream) => Promise<void>;

/** A parsed `shell[,options]:command` service. */
export interface ShellRequest {
  readonly protocol: 'raw' | 'v2';
  /** Empty for an interactive session. */
  readonly command: string;
  readonly options: readonly string[];
}

/** Parses `shell[,opt,...]:<command>`; null when it is not a shell service. */
export function parseShellService(name: string): ShellRequest | null {
  if (!name.startsWith('shell')) return null;
  const rest = name.slice('shell'.length);
  if (!rest.startsWith(':') && !rest.startsWith(',')) return null;
  const colon = rest.indexOf(':');
  if (colon < 0) return null;
  const options = rest
    .slice(0, colon)
    .split(',')
    .filter((option) => option.length > 0);
  return { protocol: options.includes('v2') ? 'v2' : 'raw', command: rest.slice(colon + 1), options };
}

/** Splits abb arguments on NUL, dropping empty ones (AOSP daemon/abb.cpp parseCmdArgs). */
export function parseAbbArgs(raw: string): string[] {
  return raw.split('\0').filter((arg) => arg.length > 0);
}

/** Returns the handler for a service name, or null to refuse it. */
export function resolveService(name: string, backend: DeviceBackend): ServiceHandler | null {
  const shell = parseShellService(name);
  if (shell !== null) {
    // An empty command is an interactive session; the backend runs it from stdin.
    const runner: CommandRunner = (io) => backend.shell(shell.command, io);
    return (stream) => (shell.protocol === 'v2' ? runShellProtocol(stream, runner) : runRaw(stream, runner));
  }
  if (name.startsWith('exec:')) {
    const command = name.slice('exec:'.length);
    return (stream) => runRaw(stream, (io) => backend.shell(command, io));
  }
  if (name.startsWith('abb_exec:')) {
    const args = parseAbbArgs(name.slice('abb_exec:'.length));
    return (stream) => runRaw(stream, (io) => backend.abb(args, io));
  }
  if (name.startsWith('abb:')) {
    const args = parseAbbArgs(name.slice('abb:'.length));
    return (stream) => runShellProtocol(stream, (io) => backend.abb(args, io));
  }
  if (name === 'sync:' || name.startsWith('sync:')) {
    return (stream) => runSyncService(stream, backend.fs);
  }
  return null;
}
