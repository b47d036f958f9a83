/**
 * The phones that used to land in different groups on different screens (issue 11): a pre-split
 * Honor (brand HONOR, manufacturer HUAWEI, on HMS), a Redmi, a realme, a global OnePlus on FCM and
 * an iQOO. Identities come from the real getprop captures through the real identity reader; each
 * phone must show the same vendor group on the board, in `devices --json`, in the matrix and in
 * the CSV and HTML reports.
 */
import { describe, expect, it } from 'vitest';
import { classifyIdentity } from '../../../electron/lab/android/identity';
import { parseGetprop } from '../../../electron/lab/android/parsers/getprop';
import { deviceJson } from '../../../electron/cli/commands/devices';
import { renderCsvReport } from '../../../electron/lab/reports/csv-report';
import { renderHtmlReport } from '../../../electron/lab/reports/html-report';
import { groupByVendor } from '../../../renderer/src/devices/device-sort';
import { vendorOf } from '../../../renderer/src/devices/vendor';
import type { AndroidIdentity, DeviceView } from '../../../shared/domain/device';
import { buildMatrix } from '../../../shared/matrix/build';
import type { VendorId } from '../../../shared/vendors/vendor-table';
import { fixture } from '../android/fixtures';
import { summaryOf } from '../reports/report-fixtures';

interface Tricky {
  readonly serial: string;
  readonly capture: string;
  /** Property overrides: the iQOO has no capture of its own, so it is the vivo capture re-branded. */
  readonly override?: Readonly<Record<string, string>>;
  readonly group: VendorId;
  readonly channel: AndroidIdentity['pushChannel'];
}

const PHONES: readonly Tricky[] = [
  { serial: 'HONOR-PRE', capture: 'honor-emui8-android8-1.txt', group: 'honor', channel: 'huawei' },
  { serial: 'REDMI', capture: 'xiaomi-miui14-android13-4.txt', group: 'xiaomi', channel: 'xiaomi' },
  { serial: 'REALME', capture: 'realme-realmeui6-android15-1.txt', group: 'oppo', channel: 'oppo' },
  { serial: 'ONEPLUS-GL', capture: 'oneplus-oxygenos14-android14-3.txt', group: 'oppo', channel: 'fcm' },
  {
    serial: 'IQOO',
    capture: 'vivo-originos5-android15-1.txt',
    override: {
      'ro.product.brand': 'iQOO',
      'ro.product.vendor.brand': 'iQOO',
      'ro.product.odm.brand': 'iQOO',
    },
    group: 'vivo',
    channel: 'vivo',
  },
];

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
  it('the real identity reader gives the expected channel (the group does not follow the channel)', () => {
    for (const [i, p] of PHONES.entries()) expect(views[i]?.identity?.pushChannel, p.serial).toBe(p.channel);
  });

  it('on the board: the badge and the grouping', () => {
    for (const [i, p] of PHONES.entries())
      expect(vendorOf(views[i]?.identity ?? null), p.serial).toBe(p.group);
    const grouped = groupByVendor(views).map((g) => [g.vendor, g.devices.map((d) => d.serial)]);
    expect(grouped).toEqual([
      ['xiaomi', ['REDMI']],
      ['honor', ['HONOR-PRE']],
      ['oppo', expect.arrayContaining(['REALME', 'ONEPLUS-GL'])],
      ['vivo', ['IQOO']],
    ]);
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
