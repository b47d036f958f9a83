/**
 * `npm run bench`: runs every benchmark against virtual phones on a private adb server and
 * prints the figures (also saved to bench/results/latest.json).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { benchDiscovery } from './discovery';
import { benchInstall } from './install';

const f = (n: number): string => `${Math.round(n)} ms`;

async function main(): Promise<void> {
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };
  const only = process.argv[2];

  if (!only || only === 'discovery') {
    const discovery = await benchDiscovery();
    results.discovery = discovery;
    for (const d of discovery) {
      console.log(`discovery  ${String(d.phones).padStart(2)} phone(s): ${f(d.wallMs)} (target <= ${f(d.targetMs)}) ${d.wallMs <= d.targetMs ? 'OK' : 'OVER'}; ${d.identified}/${d.phones} identified`);
    }
  }
  if (!only || only === 'install') {
    const install = await benchInstall();
    results.install = install;
    console.log(`install    20 MB APK, 1 phone: ${f(install.singleMs)}; 10 phones in parallel: ${f(install.parallel10Ms)} = ${install.ratio.toFixed(2)} x single (target <= 1.30) ${install.ratio <= 1.3 ? 'OK' : 'OVER'}`);
    console.log(`install    \`adb install\` in a loop over 10 phones: ${f(install.adbLoop10Ms)} (${(install.adbLoop10Ms / install.parallel10Ms).toFixed(1)} x slower than PushLab); all done: ${install.allDone}`);
  }
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/latest.json', JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
