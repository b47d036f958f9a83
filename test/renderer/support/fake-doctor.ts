/**
 * The fake core's doctor: doctor:run / doctor:fix / doctor:history over per phone x package
 * models (fake-doctor-phone.ts), with saved snapshots, drift since the previous one, partial
 * reports when a phone "goes away", and fixes the ROM refuses. Results, never throws.
 */
import type { DeviceView } from '../../../shared/domain/device';
import type {
  DoctorCheck,
  DoctorReport,
  DoctorResult,
  DoctorSubject,
  DriftItem,
  FixId,
  FixOutcome,
  Message,
} from '../../../shared/domain/doctor';
import { fail, ok, type Result } from '../../../shared/result';
import { applyFix, readChecks, seedPhone, type FakeDoctorPhone } from './fake-doctor-phone';

const key = (serial: string, pkg: string) => `${serial}\n${pkg}`;

function drift(before: readonly DoctorCheck[], after: readonly DoctorCheck[]): DriftItem[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const items: DriftItem[] = [];
  for (const c of after) {
    const was = old.get(c.id);
    old.delete(c.id);
    if (!was || was.status !== c.status || was.evidence !== c.evidence) {
      items.push({
        checkId: c.id,
        before: was ? { status: was.status, evidence: was.evidence } : null,
        after: { status: c.status, evidence: c.evidence },
      });
    }
  }
  for (const was of old.values())
    items.push({ checkId: was.id, before: { status: was.status, evidence: was.evidence }, after: null });
  return items;
}

export class FakeDoctor {
  private readonly phones = new Map<string, FakeDoctorPhone>();
  private readonly reports = new Map<string, DoctorReport[]>();
  private nextId = 1;

  public constructor(
    private readonly findDevice: (serial: string) => DeviceView | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The model for one app on one phone (seeded from the phone's vendor on first use); tests mutate it. */
  public phone(serial: string, pkg: string): FakeDoctorPhone {
    const k = key(serial, pkg);
    let phone = this.phones.get(k);
    if (!phone) {
      const device = this.findDevice(serial);
      if (!device) throw new Error(`fake doctor: no phone ${serial}`);
      phone = seedPhone(device);
      this.phones.set(k, phone);
    }
    return phone;
  }

  public run(subject: DoctorSubject): Result<DoctorResult> {
    const device = this.ready(subject.serial);
    if (!device) return fail(this.lost(subject.serial));
    const phone = this.phone(subject.serial, subject.package);
    let checks = readChecks(device, phone, subject.package, subject.channelIds);
    const partial = phone.stopAfter !== null && phone.stopAfter < checks.length;
    if (partial) checks = checks.slice(0, phone.stopAfter ?? 0);
    const saved = this.reports.get(key(subject.serial, subject.package)) ?? [];
    const previous = saved[0] ?? null;
    const identity = device.identity;
    const report: DoctorReport = {
      id: this.nextId++,
      serial: subject.serial,
      package: subject.package,
      takenAt: this.now().toISOString(),
      complete: !partial,
      incompleteReason: partial
        ? {
            code: 'DEVICE_LOST',
            message: `${subject.serial} disconnected while its settings were read.`,
            hint: 'Reconnect the phone and run the check again.',
            detail: 'error: device offline',
          }
        : null,
      phone: identity
        ? {
            manufacturer: identity.manufacturer,
            model: identity.model,
            rom: identity.rom,
            sdk: identity.sdk,
            pushChannel: identity.pushChannel,
          }
        : null,
      checks,
    };
    this.reports.set(key(subject.serial, subject.package), [report, ...saved]);
    // A partial read says nothing about the checks it did not reach.
    const changes = previous
      ? drift(previous.checks, checks).filter((d) => !partial || d.after !== null)
      : [];
    return ok({ report, previousTakenAt: previous?.takenAt ?? null, drift: changes });
  }

  public fix(subject: DoctorSubject, fix: FixId): Result<FixOutcome> {
    const device = this.ready(subject.serial);
    if (!device) return fail(this.lost(subject.serial));
    const phone = this.phone(subject.serial, subject.package);
    const read = () => readChecks(device, phone, subject.package, subject.channelIds);
    const all = read();
    const { accepted, detail } = applyFix(phone, fix);
    const reread = read();
    // The checks the fix targets, plus any other the re-read shows changed (e.g. the flags after a grant).
    const changed = (c: DoctorCheck) => {
      const was = all.find((b) => b.id === c.id);
      return !was || was.status !== c.status || was.evidence !== c.evidence;
    };
    const ids = new Set([
      ...all.filter((c) => c.fixes.includes(fix)).map((c) => c.id),
      ...reread.filter(changed).map((c) => c.id),
    ]);
    const before = all.filter((c) => ids.has(c.id));
    const after = reread.filter((c) => ids.has(c.id));
    const targeted = after.filter((c) => all.some((b) => b.id === c.id && b.fixes.includes(fix)));
    const opens = fix.startsWith('open-');
    const confirmed = accepted && (opens || targeted.every((c) => c.status === 'ok'));
    // Message keys as the core's (shared/i18n/doctor-fixes.*).
    const reason =
      detail
        ?.split('\n')
        .find((l) => /[A-Za-z]+Exception:|not allowed/i.test(l))
        ?.trim() ??
      detail ??
      '';
    const message: Message = !accepted
      ? { key: 'fix.refused', values: { reason } }
      : { key: opens ? 'fix.openedOnPhone' : confirmed ? 'fix.confirmed' : 'fix.notConfirmed', values: {} };
    return ok({ fix, ok: confirmed, message, detail, before, after, at: this.now().toISOString(), by: 'qa' });
  }

  public history(serial: string, pkg: string): Result<readonly DoctorReport[]> {
    return ok([...(this.reports.get(key(serial, pkg)) ?? [])]);
  }

  private ready(serial: string): DeviceView | undefined {
    const device = this.findDevice(serial);
    return device && device.state === 'device' ? device : undefined;
  }

  private lost(serial: string) {
    return {
      code: 'DEVICE_NOT_FOUND' as const,
      message: `No phone ${serial} is connected.`,
      hint: 'Plug it in and allow USB debugging.',
    };
  }
}
