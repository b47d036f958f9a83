/**
 * JUnit XML for CI: one <testsuite> per phone (named vendor + model + serial), one <testcase> per
 * attempt (scenario x repeat). fail -> <failure>, blocked / device-lost -> <error>, inconclusive /
 * not-run -> <skipped> (never a pass). Latency and the reason key are testcase <properties>; each
 * suite carries its cells' delivery rate and p50/p95.
 *
 * Everything that reaches the XML can come from a phone (titles, texts, channel ids, serials), so
 * every string goes through xmlText/xmlAttr: characters XML 1.0 cannot hold (C0 controls other
 * than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) and C1 controls are removed, and & < > " ' are
 * escaped, which also defuses "]]>". No CDATA is used.
 */
import { describeDiagnosis } from '../../../shared/runs/diagnose';
import { describeReason } from '../../../shared/runs/reasons';
import type { AttemptResult, RunPhone, RunResult, Verdict } from '../../../shared/runs/types';
import { cellStats, deliveryStats } from './stats';

// Not allowed by XML 1.0 (or control characters nobody wants in a report).
const UNWANTED =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes characters XML cannot carry (and C0/C1 controls except tab, LF, CR). */
export function stripInvalidXml(value: string): string {
  return value.replace(UNWANTED, '');
}

/** Escapes text content. */
export function xmlText(value: string): string {
  return stripInvalidXml(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (tabs and line breaks kept as character references). */
export function xmlAttr(value: string): string {
  return xmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);
const attrs = (pairs: Readonly<Record<string, string | number>>): string =>
  Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');

/** The suite name for a phone: vendor, model and serial. */
export function suiteName(phone: RunPhone): string {
  return [phone.vendor, phone.model, phone.serial].filter((s) => s !== '').join(' ');
}

function property(name: string, value: string | number): string {
  return `<property${attrs({ name, value })}/>`;
}

/** Evidence for a failure body: the reason, expected vs captured, latency. */
function evidence(verdict: Verdict): string {
  const d = verdict.details;
  const lines = [describeReason(verdict.reason)];
  if (d.expected !== null) {
    const e = d.expected;
    lines.push(
      `expected: title=${e.title === null ? '-' : `${e.title.match} "${e.title.value}"`} ` +
        `text=${e.text === null ? '-' : `${e.text.match} "${e.text.value}"`} channel=${e.channelId ?? '-'}`,
    );
  }
  if (d.record !== null) {
    const r = d.record;
    lines.push(
      `captured: title="${r.title ?? ''}" text="${r.text ?? ''}" channel=${r.channelId ?? '?'}${r.redacted === true ? ' (redacted)' : ''}`,
    );
  }
  if (d.checks !== null)
    lines.push(
      `checks: title=${d.checks.title} text=${d.checks.text} channel=${d.checks.channel} sound=${d.checks.sound}`,
    );
  if (d.latencyMs !== null) lines.push(`latency: ${Math.round(d.latencyMs)} ms`);
  if (d.error !== null)
    lines.push(
      `error: ${d.error.code} ${d.error.message}${d.error.hint === undefined ? '' : ` (${d.error.hint})`}`,
    );
  return lines.join('\n');
}

function outcomeElement(verdict: Verdict): string {
  const message = describeReason(verdict.reason);
  const type = verdict.reason.key;
  switch (verdict.kind) {
    case 'pass':
      return '';
    case 'fail':
      return `<failure${attrs({ message, type })}>${xmlText(evidence(verdict))}</failure>`;
    case 'blocked':
    case 'device-lost':
      return `<error${attrs({ message, type })}>${xmlText(evidence(verdict))}</error>`;
    case 'inconclusive':
    case 'not-run':
      return `<skipped${attrs({ message: `${verdict.kind}: ${message}` })}/>`;
  }
}

function testcase(attempt: AttemptResult, classname: string, repeats: number): string {
  const v = attempt.verdict;
  const props = [property('verdict', v.kind), property('reason', v.reason.key)];
  if (v.details.latencyMs !== null) props.push(property('latencyMs', Math.round(v.details.latencyMs)));
  // Diagnose mode: which link failed, as a property CI can filter on, and the sentence in system-out.
  if (v.diagnosis !== undefined) props.push(property('diagnoseLink', v.diagnosis.link));
  const name = `${attempt.scenarioId} #${attempt.repeat}/${repeats}`;
  return (
    `    <testcase${attrs({ classname, name, time: seconds(attempt.durationMs) })}>\n` +
    `      <properties>${props.join('')}</properties>\n` +
    (v.kind === 'pass' ? '' : `      ${outcomeElement(v)}\n`) +
    (v.diagnosis === undefined
      ? ''
      : `      <system-out>${xmlText(describeDiagnosis(v.diagnosis, 'en'))}</system-out>\n`) +
    `    </testcase>\n`
  );
}

function testsuite(phone: RunPhone, attempts: readonly AttemptResult[], run: RunResult): string {
  const stats = deliveryStats(attempts);
  const props = [
    property('serial', phone.serial),
    property('vendor', phone.vendor),
    property('model', phone.model),
    property('channel', phone.channel ?? 'unknown'),
  ];
  for (const cell of cellStats(attempts)) {
    const prefix = `${cell.scenarioId}.`;
    if (cell.deliveryRate !== null)
      props.push(property(`${prefix}deliveryRate`, cell.deliveryRate.toFixed(3)));
    if (cell.latency.p50 !== null) props.push(property(`${prefix}p50Ms`, Math.round(cell.latency.p50)));
    if (cell.latency.p95 !== null) props.push(property(`${prefix}p95Ms`, Math.round(cell.latency.p95)));
  }
  const time = attempts.reduce((sum, a) => sum + Math.max(0, a.durationMs), 0);
  // When this phone's first attempt started (the run's start for a phone without attempts).
  const first = attempts.length === 0 ? run.startedAt : Math.min(...attempts.map((a) => a.startedAt));
  const classname = `pushlab.${phone.channel ?? 'unknown'}.${phone.serial}`;
  return (
    `  <testsuite${attrs({
      name: suiteName(phone),
      tests: attempts.length,
      failures: stats.verdicts.fail,
      errors: stats.verdicts.blocked + stats.verdicts['device-lost'],
      skipped: stats.verdicts.inconclusive + stats.verdicts['not-run'],
      time: seconds(time),
      timestamp: Number.isFinite(first) ? new Date(first).toISOString().replace(/\.\d{3}Z$/, '') : '',
    })}>\n` +
    `    <properties>${props.join('')}</properties>\n` +
    attempts.map((a) => testcase(a, classname, run.repeats)).join('') +
    `  </testsuite>\n`
  );
}

/** The run as a JUnit XML document (a string ending in a newline). */
export function toJUnit(run: RunResult): string {
  const phones: RunPhone[] = [...run.phones];
  for (const a of run.attempts) {
    // An attempt on a phone the run did not list still gets a suite, so no result is dropped.
    if (!phones.some((p) => p.serial === a.serial))
      phones.push({ serial: a.serial, vendor: '', model: '', channel: null });
  }
  const total = deliveryStats(run.attempts);
  const suites = phones
    .map((p) =>
      testsuite(
        p,
        run.attempts.filter((a) => a.serial === p.serial),
        run,
      ),
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites${attrs({
      name: run.planName,
      tests: total.attempts,
      failures: total.verdicts.fail,
      errors: total.verdicts.blocked + total.verdicts['device-lost'],
      skipped: total.verdicts.inconclusive + total.verdicts['not-run'],
      time: seconds(run.finishedAt - run.startedAt),
    })}>\n` +
    suites +
    '</testsuites>\n'
  );
}
