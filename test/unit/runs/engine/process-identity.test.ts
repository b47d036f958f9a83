/**
 * Run ownership survives PID reuse (issue 10 point 9): the owner is its PID plus the OS's start
 * token, and a live process with the same PID but another start is not the owner.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  ownerIsAlive,
  processAlive,
  processStartToken,
  procStatStartTime,
  type OwnerProbe,
} from '../../../../electron/lab/runs/engine/process-identity';

const self = { pid: 1000, start: () => 'tok-self' };
const probe = (alive: Record<number, string | null>): OwnerProbe => ({
  alive: (pid) => pid in alive,
  startOf: (pid) => alive[pid] ?? null,
});

describe('owner identity', () => {
  it('reads field 22 of /proc/<pid>/stat even when the process name holds spaces and ")"', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    fields[19] = '187899';
    expect(procStatStartTime(`4242 (my ) (odd name) ${fields.join(' ')}`)).toBe('187899');
    expect(procStatStartTime('4242 (cut) R 1 2')).toBeNull();
  });

  it('a live PID with another start token is not the owner (the PID was reused)', () => {
    const os = probe({ 200: 'tok-new', 300: 'tok-300' });
    expect(ownerIsAlive({ pid: 200, start: 'tok-old' }, self, os)).toBe(false);
    expect(ownerIsAlive({ pid: 300, start: 'tok-300' }, self, os)).toBe(true);
    expect(ownerIsAlive({ pid: 400, start: 'tok-400' }, self, os)).toBe(false);
    expect(ownerIsAlive({ pid: null, start: null }, self, os)).toBe(false);
  });

  it('without a token to compare (old rows, an OS that will not say) a live PID still counts', () => {
    expect(ownerIsAlive({ pid: 200, start: null }, self, probe({ 200: 'tok' }))).toBe(true);
    expect(ownerIsAlive({ pid: 200, start: 'tok' }, self, probe({ 200: null }))).toBe(true);
  });

  it("this process's PID is the owner only with this process's token", () => {
    expect(ownerIsAlive({ pid: 1000, start: 'tok-self' }, self, probe({}))).toBe(true);
    expect(ownerIsAlive({ pid: 1000, start: 'tok-earlier' }, self, probe({ 1000: 'tok-self' }))).toBe(false);
    expect(ownerIsAlive({ pid: 1000, start: null }, self, probe({ 1000: 'tok-self' }))).toBe(false);
  });

  it.runIf(process.platform === 'linux')(
    'on Linux the token is the boot id and start time: stable, and different for another process',
    async () => {
      const mine = processStartToken(process.pid);
      expect(mine).toMatch(/^linux:[0-9a-f-]+:\d+$/);
      expect(processStartToken(process.pid)).toBe(mine);
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
      try {
        const pid = child.pid as number;
        const token = processStartToken(pid);
        expect(token).toMatch(/^linux:[0-9a-f-]+:\d+$/);
        expect(token?.split(':')[1]).toBe(mine?.split(':')[1]);
        // The real OS probe: the child is its own owner, a record from an earlier start with its PID is not.
        const me = { pid: process.pid, start: () => mine };
        expect(ownerIsAlive({ pid, start: token }, me)).toBe(true);
        const earlier = `${token?.split(':').slice(0, 2).join(':')}:1`;
        expect(ownerIsAlive({ pid, start: earlier }, me)).toBe(false);
      } finally {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
      expect(processAlive(child.pid as number)).toBe(false);
      expect(processStartToken(child.pid as number)).toBeNull();
    },
  );
});
