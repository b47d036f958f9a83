/**
 * The phones that used to land in different groups on different screens (issue 11): a pre-split
 * Honor (brand HONOR, manufacturer HUAWEI, on HMS), a Redmi, a realme, a global OnePlus on FCM and
 * an iQOO (test/support/tricky-phones.ts). Identities come from the real getprop captures through
 * the real identity reader; each phone must show the same vendor group in `devices --json`, in the
 * matrix and in the CSV and HTML reports, and on the board (test/unit/renderer/vendor-groups.test.ts,
 * which runs the renderer's code on the same identities, checked here to be the reader's).
 */
import { describe, expect, it } from 'vitest';
import { classifyIdentity } from '../../../electron/lab/android/identity';
import { parseGetprop } from '../../../electron/lab/android/parsers/getprop';
import { deviceJson } from '../../../electron/cli/commands/devices';
import { renderCsvReport } from '../../../electron/lab/reports/csv-report';
import { renderHtmlReport } from '../../../electron/lab/reports/html-report';
import type { AndroidIdentity, DeviceView } from '../../../shared/domain/device';
import { buildMatrix } from '../../../shared/matrix/build';
import type { VendorId } from '../../../shared/vendors/vendor-table';
import { TRICKY_PHONES as PHONES, type TrickyPhone as Tricky } from '../../support/tricky-phones';
import { fixture } from '../android/fixtures';
import { summaryOf } from '../reports/report-fixtures';

function identityOf(p: Tricky): AndroidIdentity {
  const props = { ...parseGetprop(fixture('getprop', p.capture)), ...p.override };
  return classifyIdentity({ props, packages: null });
}

function viewOf(p: Tricky): DeviceView {
  const at = '2026-03-04T05:00:00.000Z';
  return {
    serial: p.serial,
    platform: 'android',
    state: 'device',
    transport: 'usb',
    identity: identityOf(p),
    identityStatus: 'ready',
    identityError: null,
    firstSeen: at,
    lastSeen: at,
  };
}

const views = PHONES.map(viewOf);

/** The run matrix as the engine stores a run of these phones (vendor = manufacturer, as resolve-run does). */
function matrix() {
  return buildMatrix({
    runId: 'run-tricky',
    planName: 'Tricky phones',
    status: 'completed',
    createdAt: '2026-03-04T05:00:00.000Z',
    finishedAt: '2026-03-04T05:30:00.000Z',
    phones: views.map((v) => {
      const id = v.identity as AndroidIdentity;
      return {
        serial: v.serial,
        vendor: id.manufacturer,
        model: id.model,
        channel: id.pushChannel,
        details: {
          brand: id.brand,
          marketingName: `Phone ${v.serial}`,
          rom: id.rom,
          androidVersion: id.androidVersion,
        },
      };
    }),
    scenarioIds: ['background-c2c-text'],
    attempts: views.map((v, i) => ({
      id: i + 1,
      serial: v.serial,
      scenarioId: 'background-c2c-text',
      repeat: 1,
      ordinal: 1,
      verdict: 'pass' as const,
      reason: null,
      delivered: true,
      latencyMs: 900,
    })),
  });
}

describe('tricky phones land in one vendor group everywhere', () => {
  it('the identity reader makes the support list out of the real captures (the board test reads that list)', () => {
    for (const [i, p] of PHONES.entries()) {
      const id = views[i]?.identity as AndroidIdentity;
      const { manufacturer, brand, model, marketingName, rom, pushChannel } = id;
      expect({ manufacturer, brand, model, marketingName, rom, pushChannel }, p.serial).toEqual(p.identity);
    }
  });

  it('in `pushlab devices --json`', () => {
    for (const [i, p] of PHONES.entries())
      expect(deviceJson(views[i] as DeviceView).vendor, p.serial).toBe(p.group);
  });

  it('in the matrix rows', () => {
    const m = matrix();
    for (const p of PHONES)
      expect(m.phones.find((x) => x.serial === p.serial)?.group, p.serial).toBe(p.group);
    expect(Object.keys(m.byGroup).sort()).toEqual(['honor', 'oppo', 'vivo', 'xiaomi']);
  });

  it('in the CSV report (the "Vendor group" column)', () => {
    const rows = renderCsvReport({ matrix: matrix() })
      .split('\r\n')
      .map((line) => line.split(','));
    const header = rows[0] ?? [];
    const groupAt = header.indexOf('Vendor group');
    const serialAt = header.findIndex((h) => /serial/i.test(h));
    expect(groupAt).toBeGreaterThan(-1);
    for (const p of PHONES) {
      const row = rows.find((r) => r[serialAt] === p.serial);
      expect(row?.[groupAt], p.serial).toBe(p.group);
    }
  });

  it('in the HTML report (each phone row sits under its group heading)', () => {
    const m = matrix();
    const html = renderHtmlReport({
      matrix: m,
      summary: summaryOf(m),
      signOff: null,
      failures: [],
      locale: 'en',
      generatedAt: Date.UTC(2026, 2, 4, 7),
    });
    const table = html.slice(html.indexOf('<table'));
    const sections = table.split('<th class="group"').slice(1);
    const names: Record<VendorId, string> = {
      xiaomi: 'Xiaomi',
      honor: 'Honor',
      oppo: 'OPPO · OnePlus · realme',
      vivo: 'vivo · iQOO',
    } as Record<VendorId, string>;
    for (const p of PHONES) {
      const section = sections.find((s) => s.includes(`Phone ${p.serial}<`));
      expect(section, p.serial).toBeDefined();
      expect(section?.slice(0, 200), p.serial).toContain(`>${names[p.group]}`);
    }
  });
});
