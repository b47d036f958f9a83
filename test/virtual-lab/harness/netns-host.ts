/**
 * A separate lab host for tests: its own network namespace joined to this one by a veth pair
 * (10.231.<n>.1 here, 10.231.<n>.2 there), running lab-host-main.ts inside. PushLab reaches its
 * adb server at the far address, as it would reach another computer on the lab network. Needs
 * root (CAP_NET_ADMIN); `netnsAvailable()` says whether this machine allows it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface NetnsHost {
  readonly name: string;
  readonly address: string;
  readonly adbPort: number;
  readonly serials: readonly string[];
  /** The host's adb server dies (the host goes down for PushLab). */
  killAdb(): void;
  stop(): Promise<void>;
}

const ip = (...args: string[]): void => {
  execFileSync('ip', args, { stdio: 'ignore' });
};

/** Whether network namespaces can be made here (root, iproute2). */
export function netnsAvailable(): boolean {
  const probe = `plprobe${process.pid % 100000}`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'del', probe);
    return true;
  } catch {
    return false;
  }
}

function cleanup(ns: string, veth: string): void {
  try {
    ip('link', 'del', veth);
  } catch {
    // Gone with the namespace.
  }
  try {
    ip('netns', 'del', ns);
  } catch {
    // Never made.
  }
}

/** Starts host number `n` (1-250) with phones `[port, profile]`. */
export async function startNetnsHost(
  n: number,
  adbPort: number,
  phones: ReadonlyArray<readonly [number, string]>,
): Promise<NetnsHost> {
  const ns = `pl-host-${process.pid % 10000}-${n}`;
  const veth = `plv${process.pid % 10000}n${n}`;
  cleanup(ns, veth);
  ip('netns', 'add', ns);
  ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
  ip('link', 'add', veth, 'type', 'veth', 'peer', 'name', `${veth}p`);
  ip('link', 'set', `${veth}p`, 'netns', ns);
  ip('addr', 'add', `10.231.${n}.1/30`, 'dev', veth);
  ip('link', 'set', veth, 'up');
  ip('netns', 'exec', ns, 'ip', 'addr', 'add', `10.231.${n}.2/30`, 'dev', `${veth}p`);
  ip('netns', 'exec', ns, 'ip', 'link', 'set', `${veth}p`, 'up');
  const main = join(import.meta.dirname, 'lab-host-main.ts');
  const child: ChildProcess = spawn(
    'ip',
    [
      'netns',
      'exec',
      ns,
      process.execPath,
      '--import',
      'tsx',
      main,
      String(adbPort),
      ...phones.flat().map(String),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'], cwd: process.cwd() },
  );
  const serials = await new Promise<string[]>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`lab host ${n} did not start: ${out}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (.*)\n/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]) as string[]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`lab host ${n} exited (${code}): ${out}`));
    });
  });
  return {
    name: ns,
    address: `10.231.${n}.2`,
    adbPort,
    serials,
    killAdb: () => void child.stdin?.write('kill-adb\n'),
    async stop() {
      child.stdin?.end();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      child.stdout?.destroy();
      cleanup(ns, veth);
    },
  };
}
