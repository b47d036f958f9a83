/**
 * `npm run bench`: runs every benchmark against virtual phones on a private adb server and
 * prints the figures (also saved to bench/results/latest.json).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { benchDiscovery } from './discovery';
import { USB2_LINK_BYTES_PER_SECOND } from '../test/virtual-lab';
import { benchCapture } from './capture';
import { runCaptureScaleBench } from './capture-scale';
import { benchCliStart } from './cli';
import { benchClock } from './clock';
import { benchDoctor } from './doctor';
import { benchLabHosts } from './lab-hosts';
import { benchInstall } from './install';
import { benchMatrix } from './matrix';
import { benchMatrixRender } from './matrix-render';
import { benchReport } from './report';
import { benchCaptureToRow, benchRunOverhead } from './runs';

const f = (n: number): string => `${Math.round(n)} ms`;

async function main(): Promise<void> {
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };
  const only = process.argv[2];

  if (!only || only === 'discovery') {
    const discovery = await benchDiscovery();
    results.discovery = discovery;
    for (const d of discovery) {
      console.log(
        `discovery  ${String(d.phones).padStart(2)} phone(s): ${f(d.wallMs)} (target <= ${f(d.targetMs)}) ${d.wallMs <= d.targetMs ? 'OK' : 'OVER'};` +
          ` ${d.identified}/${d.phones} ` +
          `identified`,
      );
    }
  }
  if (!only || only === 'cli') {
    const cli = await benchCliStart();
    results.cli = cli;
    const verdict = (ms: number, target: number): string =>
      `(target <= ${f(target)}) ${ms <= target ? 'OK' : 'OVER'}`;
    console.log(
      `cli        start, median of ${cli.runs}, ${cli.prebuilt ? 'prebuilt out/cli' : 'TypeScript sources (out/cli missing or stale)'}: ` +
        `\`node -e 0\` ${f(cli.nodeMs)} in the same run`,
    );
    const over = (ms: number): string => `+${f(ms - cli.nodeMs)} over node`;
    console.log(
      `           \`pushlab --help\` ${f(cli.helpMs)} ${verdict(cli.helpMs, cli.helpTargetMs)}, ${over(cli.helpMs)}`,
    );
    console.log(
      `           \`pushlab devices\`, no phone: ${f(cli.devicesMs)} ${verdict(cli.devicesMs, cli.devicesTargetMs)}, ${over(cli.devicesMs)}`,
    );
    console.log(
      `           \`pushlab devices\` with no adb server running (PushLab starts one and stops it again): ${f(cli.devicesColdMs)}`,
    );
  }
  if (!only || only === 'install') {
    results.install = [];
    for (const link of [USB2_LINK_BYTES_PER_SECOND, null]) {
      const install = await benchInstall(link);
      (results.install as unknown[]).push(install);
      const label = link
        ? `USB 2.0 link model (${Math.round(link / 1048576)} MB/s per phone)`
        : 'unthrottled (host-bound: all bytes cross this 2-core machine)';
      console.log(`install    ${label}`);
      console.log(
        `           20 MB APK (median of ${install.runs}), 1 phone: ${f(install.singleMs)}; ` +
          `10 phones in parallel: ${f(install.parallel10Ms)} = ${install.ratio.toFixed(2)} ` +
          `x single (target <= 1.30) ${install.ratio <= 1.3 ? 'OK' : 'OVER'}`,
      );
      console.log(
        `           \`adb install\` in a loop over 10 phones: ${f(install.adbLoop10Ms)} ` +
          `(${(install.adbLoop10Ms / install.parallel10Ms).toFixed(1)} x PushLab's parallel ` +
          `time); all done: ${install.allDone}`,
      );
    }
  }
  if (!only || only === 'doctor') {
    const doctor = await benchDoctor();
    results.doctor = doctor;
    console.log(
      `doctor     1 phone: ${f(doctor.singleMs)} (target <= 1500 ms) ${doctor.singleMs <= 1500 ? 'OK' : 'OVER'}; ` +
        `20 phones in parallel: ${f(doctor.parallel20Ms)} (target <= 3000 ms) ${doctor.parallel20Ms <= 3000 ? 'OK' : 'OVER'}; ${doctor.checksPerReport} ` +
        `checks per report`,
    );
  }
  if (!only || only === 'hosts') {
    const lab = await benchLabHosts();
    results.hosts = lab;
    const ok = (value: number, target: number): string => (value <= target ? 'OK' : 'OVER');
    console.log(
      `hosts      ${lab.phones} phones on ${lab.hosts} adb servers: discovery ${f(lab.discoveryMs)} ` +
        `(target <= 3000 ms) ${ok(lab.discoveryMs, 3000)}, ${lab.identified} identified; ` +
        `host memory ${lab.rssMbPerPhone.toFixed(1)} MB per phone (phones in this process too)`,
    );
    console.log(
      `           doctor on all ${lab.doctorReports}: ${f(lab.doctorAllMs)} (target <= 10000 ms) ` +
        `${ok(lab.doctorAllMs, 10_000)}`,
    );
    console.log(
      `           ${(lab.apkBytes / 1048576).toFixed(0)} MB APK on all: PushLab ${f(lab.installPushLabMs)}, ` +
        `raw \`adb install\` all at once ${f(lab.installRawParallelMs)} = ` +
        `${lab.installRatio.toFixed(2)} x (target <= 1.10) ${ok(lab.installRatio, 1.1)}; ` +
        `\`adb install\` loop over ${lab.installLoopPhones} phones ${f(lab.installLoopMs)}`,
    );
  }
  if (!only || only === 'capture') {
    const capture = await benchCapture();
    results.capture = capture;
    console.log(
      `capture    ${capture.phones} phones watched: ${capture.detected}/${capture.posts} ` +
        `posts detected; post -> detected p50 ${f(capture.p50Ms)}, p95 ${f(capture.p95Ms)} ` +
        `(target <= 300 ms) ${capture.p95Ms <= 300 ? 'OK' : 'OVER'}; CPU ${capture.cpuCores.toFixed(2)} ` +
        `cores (incl. the virtual phones; target <= 1)`,
    );
  }
  if (!only || only === 'capture-scale') results.captureScale = await runCaptureScaleBench();
  if (!only || only === 'clock') {
    const clock = await benchClock();
    results.clock = clock;
    const line = (name: string, p: typeof clock.idle, target: string): string =>
      `${name}: error vs truth p50 ${p.errorP50Ms} ms, max ${p.errorMaxMs} ms${target}; ` +
      `stated ± p50 ${p.uncertaintyP50Ms} ms, max ${p.uncertaintyMaxMs} ms; ± covers ` +
      `the truth ${p.covered}/${p.rounds} ${p.covered === p.rounds ? 'OK' : 'MISSED'}`;
    console.log(
      `clock      latency = phone post time − clock offset − send time; offset error = latency error (virtual phone on the host clock)`,
    );
    console.log(
      `           ${line('idle', clock.idle, ` (target <= 20 ms) ${clock.idle.errorMaxMs <= 20 ? 'OK' : 'OVER'}`)}`,
    );
    console.log(
      `           ${line(`CPU loaded (${clock.loadProcesses} spinning processes)`, clock.loaded, '')}`,
    );
  }
  if (!only || only === 'runs') {
    const overhead = await benchRunOverhead();
    const row = await benchCaptureToRow();
    results.runs = { overhead, captureToRow: row };
    const steps = Object.entries(overhead.stepMedians)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `runs       per-attempt overhead beyond the push wait (${overhead.phones} phones, ` +
        `realistic timing, ${overhead.attempts} attempts): p50 ${f(overhead.overheadP50Ms)}, ` +
        `p95 ${f(overhead.overheadP95Ms)}, max ${f(overhead.overheadMaxMs)} (target <= ` +
        `2000 ms) ${overhead.overheadP95Ms <= 2000 ? 'OK' : 'OVER'}`,
    );
    console.log(`           step medians (ms): ${steps}`);
    console.log(
      `           ${row.phones} phones running: notification posted -> captured record ` +
        `stored: ${row.matched}/${row.pushes} matched; p50 ${f(row.p50Ms)}, p95 ${f(row.p95Ms)}, ` +
        `max ${f(row.maxMs)} (target <= 300 ms) ${row.p95Ms <= 300 ? 'OK' : 'OVER'}; CPU ${row.cpuCores.toFixed(2)} ` +
        `cores (target <= 1)`,
    );
  }
  if (!only || only === 'matrix') {
    const matrix = await benchMatrix();
    results.matrix = matrix;
    console.log(
      `matrix     ${matrix.results} stored results (${matrix.phones} phones x ${matrix.scenarios} ` +
        `scenarios x ${matrix.runs} runs, written in ${f(matrix.writeMs)}); one run's matrix ` +
        `query (median of 5): ${matrix.queryMs} ms (target <= ${matrix.queryTargetMs} ms) ${matrix.queryMs <= matrix.queryTargetMs ? 'OK' : 'OVER'}`,
    );
    console.log(
      `           buildMatrix ${matrix.buildMs} ms for ${matrix.cells} cells; MatrixService.matrix ` +
        `(query + phones + doctor + build) ${matrix.serviceMs} ms; compare two runs ${matrix.compareMs} ` +
        `ms (${matrix.changes} changes)`,
    );
    console.log(
      `           applyAttempt (one attempt event folded into the running matrix) ${matrix.foldMs} ms`,
    );
    const render = await benchMatrixRender();
    results.matrixRender = render;
    if ('skipped' in render) console.log(`           matrix render: skipped (${render.skipped})`);
    else
      console.log(
        `           matrix render in Chromium, ${render.cells} cells: first grid cell ${f(render.medianMs)} ` +
          `after the data arrived (median of ${render.opens}, max ${f(render.maxMs)}; target ` +
          `<= 200 ms) ${render.medianMs <= 200 ? 'OK' : 'OVER'}`,
      );
  }
  if (!only || only === 'report') {
    const report = await benchReport();
    results.report = report;
    const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
    console.log(
      `report     HTML export of one ${report.attempts}-result run (${report.phones} ` +
        `phones x ${report.scenarios} scenarios x ${report.repeats} repeats; ${report.cells} ` +
        `cells, ${report.failures} failure cards, ${report.thumbnails} screenshots; median ` +
        `of 3): ${f(report.htmlMs)} for ${mb(report.htmlBytes)} (target <= ${f(report.targetMs)}) ${report.htmlMs <= report.targetMs ? 'OK' : 'OVER'}; ` +
        `CSV with every attempt ${f(report.csvMs)} for ${mb(report.csvBytes)}`,
    );
  }
  await mkdir('bench/results', { recursive: true });
  // A partial run (`npm run bench -- runs`) updates its own figures and keeps the others.
  const previous = await readFile('bench/results/latest.json', 'utf8').then(
    (t) => JSON.parse(t) as Record<string, unknown>,
    () => ({}),
  );
  await writeFile('bench/results/latest.json', JSON.stringify({ ...previous, ...results }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
