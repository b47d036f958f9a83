import { describe, expect, it } from 'vitest';
import { stripInvalidXml, suiteName, toJUnit, xmlAttr, xmlText } from '../../../electron/lab/runs/junit';
import { judge } from '../../../electron/lab/runs/verdict';
import { attempt, run, verdictOf } from './run-fixtures';
import { record, seen, shownExpectation, quietExpectation } from './verdict-helpers';
import { findAll, parseXml } from './xml-check';

const HOSTILE =
  'a & b < c > d "q" \'s\' ]]> \u0000\u0001\u0007\u001b[31m\u007f\u0085 \ud800 \ufffe tab\tnl\ncr\r 😀 中文';

describe('xml escaping', () => {
  it('strips what XML cannot hold and keeps the rest', () => {
    expect(stripInvalidXml(HOSTILE)).toBe('a & b < c > d "q" \'s\' ]]> [31m   tab\tnl\ncr\r 😀 中文');
    expect(stripInvalidXml('\udc00x\ud83d')).toBe('x');
  });
  it('escapes text and attributes so "]]>" and quotes are harmless', () => {
    expect(xmlText('<a> & ]]>')).toBe('&lt;a&gt; &amp; ]]&gt;');
    expect(xmlAttr('"x"\n\'y\'\t')).toBe('&quot;x&quot;&#10;&apos;y&apos;&#9;');
  });
  it('catches what the checker is for (the checker itself can fail)', () => {
    expect(() => parseXml('<a>x & y</a>')).toThrow(/bare &/);
    expect(() => parseXml('<a><b></a>')).toThrow(/mismatched/);
    expect(() => parseXml('<a t="1" t="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<a>]]></a>')).toThrow(/]]>/);
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/forbids/);
    expect(() => parseXml('<a x="<"/>')).toThrow(/raw </);
  });
});

describe('toJUnit', () => {
  const wrong = judge(shownExpectation(), seen([record({ title: HOSTILE, text: '</failure><x>' })]));
  const attempts = [
    attempt('A1', 'background-c2c-text', 1, judge(shownExpectation(), seen([record()]))),
    attempt('A1', 'background-c2c-text', 2, wrong),
    attempt('A1', 'background-c2c-text', 3, verdictOf('blocked', null)),
    attempt('A1', 'foreground-text', 1, verdictOf('not-run', null)),
    attempt('B2', 'background-c2c-text', 1, verdictOf('device-lost', null)),
    attempt('B2', 'notifications-blocked', 1, judge(quietExpectation('not-shown'), seen([]))),
  ];
  const xml = toJUnit(run(attempts));
  const root = parseXml(xml);

  it('is well-formed, with one suite per phone and one case per attempt', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({
      name: 'nightly',
      tests: '6',
      failures: '1',
      errors: '2',
      skipped: '2',
      time: '300.000',
    });
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['Xiaomi 24031PN0DC A1', 'HUAWEI ELS-AN00 B2']);
    expect(suites[0]?.attrs).toMatchObject({
      tests: '4',
      failures: '1',
      errors: '1',
      skipped: '1',
      time: '6.000',
      timestamp: '2026-01-02T03:04:15',
    });
    expect(findAll(root, 'testcase')).toHaveLength(6);
  });

  it('maps verdicts to failure, error and skipped', () => {
    const cases = findAll(root, 'testcase');
    const outcome = (i: number): string[] =>
      (cases[i]?.children ?? []).map((c) => c.name).filter((n) => n !== 'properties');
    expect(cases.map((_, i) => outcome(i))).toEqual([
      [],
      ['failure'],
      ['error'],
      ['skipped'],
      ['error'],
      ['skipped'],
    ]);
    expect(cases[1]?.attrs).toMatchObject({
      classname: 'pushlab.xiaomi.A1',
      name: 'background-c2c-text #2/3',
      time: '1.500',
    });
    expect(cases[5]?.children.find((c) => c.name === 'skipped')?.attrs.message).toMatch(
      /^inconclusive: Nothing showed, but no positive control/,
    );
  });

  it('carries hostile phone text through escaped, minus the characters XML forbids', () => {
    const failure = findAll(root, 'failure')[0];
    expect(failure?.attrs.type).toBe('fail.wrong-text');
    expect(failure?.attrs.message).toContain(stripInvalidXml(HOSTILE));
    expect(failure?.text).toContain('captured: title="a & b < c > d');
    expect(failure?.text).toContain('text="</failure><x>"');
    expect(failure?.children).toEqual([]);
  });

  it('gives latency and cell statistics as properties', () => {
    const props = (
      el: { children: { name: string; children: { attrs: Record<string, string> }[] }[] } | undefined,
    ): Record<string, string> =>
      Object.fromEntries(
        (el?.children.find((c) => c.name === 'properties')?.children ?? []).map((p) => [
          p.attrs.name,
          p.attrs.value,
        ]),
      );
    const first = findAll(root, 'testcase')[0];
    expect(props(first)).toEqual({ verdict: 'pass', reason: 'pass.shown', latencyMs: '1200' });
    expect(props(findAll(root, 'testsuite')[0])).toMatchObject({
      serial: 'A1',
      channel: 'xiaomi',
      'background-c2c-text.deliveryRate': '1.000',
      'background-c2c-text.p50Ms': '1200',
      'background-c2c-text.p95Ms': '1200',
    });
  });

  it('stays well-formed with hostile names everywhere and keeps attempts of unlisted phones', () => {
    const hostileRun = run([attempt(`X${HOSTILE}`, HOSTILE, 1, verdictOf('fail', false))], {
      planName: HOSTILE,
      phones: [{ serial: 'A1', vendor: HOSTILE, model: ']]>', channel: null }],
    });
    const doc = parseXml(toJUnit(hostileRun));
    expect(doc.attrs.name).toBe(stripInvalidXml(HOSTILE));
    const suites = findAll(doc, 'testsuite');
    expect(suites).toHaveLength(2);
    expect(suites[0]?.attrs.tests).toBe('0');
    expect(suites[1]?.attrs.name).toBe(stripInvalidXml(`X${HOSTILE}`));
    expect(suiteName({ serial: 's', vendor: '', model: 'm', channel: null })).toBe('m s');
  });
});
