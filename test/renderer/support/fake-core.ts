/**
 * A fake of the core's LabCore interface (electron/lab/api.ts) that behaves like the real one at
 * its edge: requests checked by the core's own gate, Results, never throws; events as snapshots;
 * install progress over time. No adb.
 * Runtime-neutral (no Node or DOM APIs), so the renderer's unit tests and the Node-side browser
 * tests share it; files are read through the `readFile` option. Tests steer it with the methods
 * below; test/renderer/web-server.test.ts checks it is assignable to LabCore.
 */
import type { AdbStatus, DeviceSnapshot, DeviceView, HostStatus } from '../../../shared/domain/device';
import type { ApkInfo, InstallItem, InstallJob, InstallRequest } from '../../../shared/domain/install';
import type { VirtualLabStatus } from '../../../shared/domain/lab';
import type { ErrorInfo } from '../../../shared/errors';
import type { EventChannel, EventPayloads, RequestArgs, RequestChannel } from '../../../shared/ipc';
import type { LabInvoke } from '../../../electron/lab/api';
import { checkRequest, RequestRefused, type CheckedRequest } from '../../../electron/lab/request-gate';
import { installFailureText } from '../../../shared/i18n/install-failure-text';
import { fail, ok, type Result } from '../../../shared/result';
import { adbStatus } from '../../support/sample-devices';
import { FakeDoctor } from './fake-doctor';
import { FakeHosts, type FakeHostServers } from './fake-hosts';

/** Same shape as LabEventListener in electron/lab/api.ts. */
export type FakeEventListener = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

/** Reads a staged file; null when it does not exist. */
export type FakeFileReader = (path: string) => Promise<Uint8Array | null>;

export interface FakeCoreOptions {
  readonly devices?: readonly DeviceView[];
  readonly adb?: AdbStatus;
  /** Lab hosts' statuses: set for a lab across several hosts (the snapshot's `hosts`). */
  readonly hosts?: readonly HostStatus[];
  /** Delay between install progress steps. */
  readonly stepMs?: number;
  /** Phones the fake virtual lab offers; the lab is unavailable when omitted. */
  readonly labPhones?: readonly DeviceView[];
  /** How apk:inspect and install:start read files; default: nothing exists. */
  readonly readFile?: FakeFileReader;
  /** How long doctor:run takes (doctor:fix takes half), so the UI's progress shows. */
  readonly doctorMs?: number;
  /** Phones whose install fails, with the phone's INSTALL_* reason and raw output. */
  readonly installFailures?: Readonly<Record<string, { readonly reason: string; readonly raw: string }>>;
  /** adb servers hosts:check and hosts:save reach, by address:port, with their phones (fake-hosts.ts). */
  readonly hostServers?: FakeHostServers;
  /** false: the hosts list is read-only, as in the demo. */
  readonly hostsEditable?: boolean;
}

const PNG_1X1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The fake; `calls` records every invoke for assertions. */
export class FakeLabCore {
  public readonly calls: Array<{ channel: RequestChannel; args: unknown }> = [];
  private devices: DeviceView[];
  private adb: AdbStatus;
  private hosts: readonly HostStatus[] | null;
  private readonly listeners = new Set<FakeEventListener>();
  private readonly readFile: FakeFileReader;
  private readonly jobs: InstallJob[] = [];
  private readonly stepMs: number;
  private readonly labPhones: readonly DeviceView[] | null;
  private lab: VirtualLabStatus = { running: false, phones: [] };
  private nextJob = 1;
  private closed = false;
  private readonly doctorMs: number;
  private readonly installFailures: NonNullable<FakeCoreOptions['installFailures']>;
  /** The doctor's phone models, saved snapshots and fixes; tests stage phones through `doctor.phone()`. */
  public readonly doctor: FakeDoctor;
  /** The lab hosts setting; `labHosts.saves` lists every saved list. */
  public readonly labHosts: FakeHosts;

  public constructor(options: FakeCoreOptions = {}) {
    this.devices = [...(options.devices ?? [])];
    this.adb = options.adb ?? options.hosts?.[0] ?? adbStatus();
    this.hosts = options.hosts ?? null;
    this.stepMs = options.stepMs ?? 40;
    this.labPhones = options.labPhones ?? null;
    this.readFile = options.readFile ?? (async () => null);
    this.doctorMs = options.doctorMs ?? 120;
    this.installFailures = options.installFailures ?? {};
    this.doctor = new FakeDoctor((serial) => this.devices.find((d) => d.serial === serial));
    this.labHosts = new FakeHosts(options.hostServers ?? {}, options.hostsEditable ?? true);
  }

  public snapshot(): DeviceSnapshot {
    return { adb: this.adb, devices: [...this.devices], ...(this.hosts ? { hosts: this.hosts } : {}) };
  }

  /** Replaces the phone list and emits devices:changed, like a plug or unplug. */
  public setDevices(devices: readonly DeviceView[]): void {
    this.devices = [...devices];
    this.emit('devices:changed', this.snapshot());
  }

  public setAdb(adb: AdbStatus): void {
    this.adb = adb;
    this.emit('devices:changed', this.snapshot());
  }

  /** Replaces the lab hosts' statuses (the primary's also as `adb`) and emits devices:changed. */
  public setHosts(hosts: readonly HostStatus[], devices: readonly DeviceView[] = this.devices): void {
    this.hosts = hosts;
    if (hosts[0]) this.adb = hosts[0];
    this.devices = [...devices];
    this.emit('devices:changed', this.snapshot());
  }

  public listenerCount(): number {
    return this.listeners.size;
  }

  public emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  public subscribe(listener: FakeEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  public async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
  }

  /** Checks the request as the real core does (request-gate.ts: refusals are Results), then answers it. */
  public readonly invoke: LabInvoke = (async (rawChannel: unknown, rawArgs: unknown) => {
    let checked: CheckedRequest;
    try {
      checked = checkRequest(rawChannel, rawArgs, 'web');
    } catch (error) {
      if (error instanceof RequestRefused) return error.toResult();
      throw error;
    }
    const { channel, args } = checked;
    this.calls.push({ channel, args });
    if (this.closed) return fail({ code: 'INTERNAL', message: 'The core is closed.' });
    // Each branch returns the result type of its channel; the map below keeps that in one place.
    return this.handle(channel, args as unknown[]);
  }) as LabInvoke;

  private async handle(channel: RequestChannel, args: unknown[]): Promise<Result<unknown>> {
    switch (channel) {
      case 'app:info':
        return ok({ version: '0.1.0-fake', dataDir: '/tmp/fake', shell: 'web', platform: 'linux' });
      case 'devices:snapshot':
        return ok(this.snapshot());
      case 'devices:refreshIdentity': {
        const device = this.devices.find((d) => d.serial === args[0]);
        return device ? ok(device) : fail(notFound(String(args[0])));
      }
      case 'devices:screenshot': {
        const device = this.devices.find((d) => d.serial === args[0]);
        if (!device) return fail(notFound(String(args[0])));
        return ok({
          path: `/tmp/fake/evidence/${encodeURIComponent(device.serial)}.png`,
          sizeBytes: 68,
          dataUrl: PNG_1X1,
        });
      }
      case 'apk:inspect':
        return this.inspect(String(args[0]));
      case 'install:start':
        return this.startInstall(args[0] as InstallRequest);
      case 'install:jobs':
        return ok([...this.jobs]);
      case 'lab:status':
        return ok(this.lab);
      case 'lab:start':
        return this.startLab();
      case 'lab:stop':
        this.lab = { running: false, phones: [] };
        this.emit('lab:changed', this.lab);
        return ok(this.lab);
      case 'lab:plug':
        return this.plug(String(args[0]), args[1] === true);
      case 'doctor:run': {
        const [subject] = args as RequestArgs<'doctor:run'>;
        await new Promise((r) => setTimeout(r, this.doctorMs));
        return this.doctor.run(subject);
      }
      case 'doctor:fix': {
        const [subject, fix] = args as RequestArgs<'doctor:fix'>;
        await new Promise((r) => setTimeout(r, this.doctorMs / 2));
        return this.doctor.fix(subject, fix);
      }
      case 'doctor:history': {
        const [serial, pkg] = args as RequestArgs<'doctor:history'>;
        return this.doctor.history(serial, pkg);
      }
      case 'hosts:list':
        return ok(this.labHosts.list(this.primaryHost(), this.hosts, this.devices));
      case 'hosts:save': {
        const saved = this.labHosts.save(args[0], this.primaryHost(), this.devices);
        if (!saved.ok) return saved;
        this.setHosts(saved.value.hosts, saved.value.devices);
        return ok(this.labHosts.list(this.primaryHost(), this.hosts, this.devices));
      }
      case 'hosts:check': {
        const [{ address, port }] = args as RequestArgs<'hosts:check'>;
        return this.labHosts.check(address, port);
      }
      // Runs need the real core (test/renderer/runs*.test.ts); the fake has none and no secrets.
      case 'runs:list':
        return ok([]);
      case 'runs:demo-plan':
        return ok(null);
      default:
        return fail({ code: 'NOT_FOUND', message: `The fake core does not do ${channel}.` });
    }
  }

  private primaryHost(): HostStatus {
    return this.hosts?.[0] ?? { name: 'local', ...this.adb };
  }

  private async inspect(path: string): Promise<Result<ApkInfo>> {
    const bytes = await this.readFile(path);
    const fileName = path.split(/[\\/]/).pop() ?? path;
    if (!bytes)
      return fail({
        code: 'NOT_FOUND',
        message: `${fileName} does not exist.`,
        hint: 'Choose the file again.',
      });
    const magic = [0x50, 0x4b, 0x03, 0x04];
    if (bytes.length < 4 || magic.some((byte, i) => bytes[i] !== byte)) {
      return fail({
        code: 'NOT_AN_APK',
        message: `${fileName} is not an Android app (APK): it is not a zip archive.`,
        hint: 'Choose the .apk your build produced (for an .aab, build a universal APK with bundletool).',
      });
    }
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
    return ok({
      path,
      fileName,
      sizeBytes: bytes.length,
      sha256: [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''),
      packageName: 'dev.pushlab.sample',
      versionCode: 42,
      versionName: '1.4.2',
      minSdk: 28,
      targetSdk: 35,
      label: 'PushLab Sample',
      testOnly: false,
      nativeAbis: [],
    });
  }

  private async startInstall(request: InstallRequest): Promise<Result<InstallJob>> {
    const apk = await this.inspect(request.apkPath);
    if (!apk.ok) return apk;
    const missing = request.serials.find(
      (s) => !this.devices.some((d) => d.serial === s && d.state === 'device'),
    );
    if (missing !== undefined) return fail(notFound(missing));
    const now = new Date().toISOString();
    const job: InstallJob = {
      id: `job-${this.nextJob++}`,
      apk: apk.value,
      options: request.options,
      items: request.serials.map((serial) => ({
        serial,
        phase: 'queued',
        bytesPushed: 0,
        totalBytes: apk.value.sizeBytes,
        failure: null,
        startedAt: null,
        finishedAt: null,
      })),
      startedAt: now,
      finishedAt: null,
    };
    this.jobs.unshift(job);
    void this.runJob(job.id);
    return ok(job);
  }

  private async runJob(id: string): Promise<void> {
    const sleep = () => new Promise((r) => setTimeout(r, this.stepMs));
    const job = () => this.jobs.find((j) => j.id === id);
    const update = (serial: string, change: Partial<InstallItem>) => {
      const current = job();
      if (!current) return;
      const items = current.items.map((i) => (i.serial === serial ? { ...i, ...change } : i));
      const next = { ...current, items };
      this.jobs.splice(this.jobs.indexOf(current), 1, next);
      const item = items.find((i) => i.serial === serial);
      if (item) this.emit('install:progress', { jobId: id, item });
    };
    const start = job();
    if (!start) return;
    const total = start.apk.sizeBytes;
    for (const step of [0.25, 0.5, 0.75, 1]) {
      await sleep();
      for (const item of start.items)
        update(item.serial, {
          phase: 'pushing',
          bytesPushed: Math.round(total * step),
          startedAt: start.startedAt,
        });
    }
    await sleep();
    for (const item of start.items) update(item.serial, { phase: 'installing' });
    await sleep();
    for (const item of start.items) {
      const device = this.devices.find((d) => d.serial === item.serial);
      const sdk = device?.identity?.sdk ?? null;
      const tooOld = sdk !== null && start.apk.minSdk !== null && sdk < start.apk.minSdk;
      const staged = this.installFailures[item.serial];
      const failed =
        staged ??
        (tooOld
          ? {
              reason: 'INSTALL_FAILED_OLDER_SDK',
              raw: `Failure [INSTALL_FAILED_OLDER_SDK: Requires newer sdk version #${start.apk.minSdk} (current version is #${sdk})]`,
            }
          : null);
      // Worded by the real explainer, in English, as the core stores it.
      const explained = failed
        ? installFailureText('en', failed.reason, failed.raw, {
            vendor: device?.identity?.manufacturer ?? '',
          })
        : null;
      update(
        item.serial,
        failed && explained
          ? {
              phase: 'failed',
              finishedAt: new Date().toISOString(),
              failure: { reason: failed.reason, message: explained[0], fix: explained[1], raw: failed.raw },
            }
          : { phase: 'done', finishedAt: new Date().toISOString() },
      );
    }
    const finished = job();
    if (!finished) return;
    const done = { ...finished, finishedAt: new Date().toISOString() };
    this.jobs.splice(this.jobs.indexOf(finished), 1, done);
    this.emit('install:finished', done);
  }

  private startLab(): Result<VirtualLabStatus> {
    if (!this.labPhones) {
      return fail({
        code: 'NOT_FOUND',
        message: 'The virtual lab is not available in this build.',
        hint: 'Start PushLab with `npm run web -- --demo`.',
      });
    }
    this.lab = {
      running: true,
      phones: this.labPhones.map((d, i) => ({
        id: `phone-${i + 1}`,
        profile: d.identity?.device ?? d.serial,
        port: 40001 + i,
        serial: d.serial,
        plugged: true,
        authorized: true,
      })),
    };
    this.emit('lab:changed', this.lab);
    this.setDevices([...this.devices, ...this.labPhones]);
    return ok(this.lab);
  }

  private plug(id: string, plugged: boolean): Result<VirtualLabStatus> {
    const target = this.lab.phones.find((p) => p.id === id);
    if (!target)
      return fail({
        code: 'NOT_FOUND',
        message: `No virtual phone ${id}.`,
        hint: 'Start the virtual lab first.',
      });
    this.lab = { ...this.lab, phones: this.lab.phones.map((p) => (p.id === id ? { ...p, plugged } : p)) };
    this.emit('lab:changed', this.lab);
    const device = this.labPhones?.find((d) => d.serial === target.serial);
    const others = this.devices.filter((d) => d.serial !== target.serial);
    this.setDevices(plugged && device ? [...others, device] : others);
    return ok(this.lab);
  }
}

function notFound(serial: string): ErrorInfo {
  return {
    code: 'DEVICE_NOT_FOUND',
    message: `No phone ${serial} is connected.`,
    hint: 'Plug it in and allow USB debugging.',
  };
}
