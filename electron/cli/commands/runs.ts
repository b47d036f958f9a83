/**
 * `pushlab runs [--json]`: the stored runs, newest first. Reads the database only: no adb server
 * is started or asked, and nothing is written (it works on a database in a read-only folder).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { say } from '../locale';
import type { GlobalOptions } from '../options';
import { clean, table, type Output } from '../output';
import { openStoreSession } from '../session';

export async function runsCommand(options: GlobalOptions, output: Output): Promise<number> {
  const dbPath = options.dbPath ?? join(options.dataDir, 'pushlab.db');
  // A first-time user has no database yet: that is "no runs", not an error (and nothing is created).
  if (!existsSync(dbPath)) {
    if (options.json) output.out('[]');
    else output.out(say('cli.runs.none', { path: dbPath }));
    return 0;
  }
  const core = await openStoreSession(options);
  try {
    const runs = core.cli.runs.list();
    if (options.json) {
      output.out(JSON.stringify(runs, null, 2));
      return 0;
    }
    if (runs.length === 0) {
      output.out(say('cli.runs.none', { path: dbPath }));
      return 0;
    }
    const rows = [['RUN', 'PLAN', 'STATUS', 'CREATED', 'PASS', 'FAIL', 'OTHER', 'PENDING']];
    for (const r of runs) {
      const t = r.totals;
      rows.push([
        r.id,
        clean(r.planName),
        r.status,
        r.createdAt,
        String(t.pass),
        String(t.fail),
        String(t.blocked + t['device-lost'] + t.inconclusive),
        String(t.pending + t.running),
      ]);
    }
    for (const line of table(rows)) output.out(line);
    if (runs.some((r) => r.status === 'interrupted' || r.status === 'cancelled'))
      output.out(`\n${say('cli.runs.resume')}`);
    return 0;
  } finally {
    await core.close();
  }
}
