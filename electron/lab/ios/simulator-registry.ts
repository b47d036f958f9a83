/**
 * The simulators the device registry shows beside the adb phones: views built from the tracker's
 * list (booted iOS simulators), remembered in the devices table like phones, and the iOS status
 * line. The registry's snapshot merges them; everything iOS-specific stays here.
 */
import { EventEmitter } from 'node:events';
import type { DeviceSnapshot, DeviceView, IosStatus, SimulatorEntry } from '../../../shared/domain/device';
import { LabError } from '../errors';
import type { DeviceSource } from '../platform/device-platform';
import type { DeviceRepository } from '../store/device-repository';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { SimDevice } from './parsers/simctl-list';
import type { SimctlRunner } from './simctl/runner';
import type { SimulatorTracker } from './simulator-tracker';
import { iosSimulatorEntries } from './simulator-actions';
import { isListedSimulator, simulatorView } from './simulator-views';

export interface SimulatorRegistryDeps {
  readonly tracker: SimulatorTracker;
  readonly repo?: DeviceRepository;
  readonly clock: Clock;
  readonly logger: Logger;
}

export class SimulatorRegistry extends EventEmitter<{ changed: [] }> implements DeviceSource {
  private readonly current = new Map<string, DeviceView>();
  private readonly raw = new Map<string, SimDevice>();

  public constructor(private readonly deps: SimulatorRegistryDeps) {
    super();
    this.setMaxListeners(0);
  }

  public start(): void {
    this.deps.tracker.on('devices', (list) => this.apply(list));
    this.deps.tracker.on('status', () => this.emit('changed'));
  }

  public track(): void {
    this.deps.tracker.start();
  }

  public untrack(): void {
    this.deps.tracker.stop();
  }

  public views(): readonly DeviceView[] {
    return [...this.current.values()];
  }

  public get(udid: string): DeviceView | undefined {
    return this.current.get(udid);
  }

  public status(): IosStatus {
    return this.deps.tracker.status();
  }

  public statusPart(): Pick<DeviceSnapshot, 'ios'> {
    return { ios: this.status() };
  }

  /** A simulator's identity comes from simctl's list, which is always current. */
  public async refreshIdentity(udid: string): Promise<DeviceView> {
    const view = this.current.get(udid);
    if (!view) {
      throw new LabError('DEVICE_NOT_FOUND', `Simulator ${udid} is not booted here.`, {
        zh: { message: `模拟器 ${udid} 没有在这台电脑上启动。` },
      });
    }
    return view;
  }

  /** The simulator as simctl lists it (data path included), booted or not; undefined when unknown. */
  public simulator(udid: string): SimDevice | undefined {
    return this.raw.get(udid);
  }

  /** Every iOS simulator simctl listed last, booted or not, with why an unusable one is. */
  public entries(): readonly SimulatorEntry[] {
    return iosSimulatorEntries(this.deps.tracker.list());
  }

  public runner(): SimctlRunner | null {
    return this.deps.tracker.runner();
  }

  public refresh(): Promise<void> {
    return this.deps.tracker.refresh();
  }

  private apply(list: readonly SimDevice[]): void {
    const at = this.deps.clock.iso();
    const catalog = this.deps.tracker.catalog();
    this.raw.clear();
    for (const d of list) this.raw.set(d.udid, d);
    const listed = new Set<string>();
    for (const device of list.filter(isListedSimulator)) {
      listed.add(device.udid);
      const before = this.current.get(device.udid);
      const view = simulatorView(device, catalog, before?.firstSeen ?? at, at);
      if (
        before &&
        before.state === view.state &&
        before.simulator?.state === view.simulator?.state &&
        before.identity?.model === view.identity?.model &&
        before.identity?.rom.version === view.identity?.rom.version
      )
        continue;
      this.current.set(device.udid, view);
      this.persist(view, at, before === undefined);
    }
    for (const udid of [...this.current.keys()]) {
      if (listed.has(udid)) continue;
      this.current.delete(udid);
    }
    // The tracker emits only when a simulator appeared, went or changed state: the board's full
    // simulator list (shut-down and unusable ones too) follows every such change, not only booted ones.
    this.emit('changed');
  }

  private persist(view: DeviceView, at: string, first: boolean): void {
    const repo = this.deps.repo;
    if (!repo) return;
    try {
      repo.recordSeen(view.serial, { platform: 'ios', state: view.state, transport: view.transport }, at);
      if (first && view.identity) repo.recordIdentity(view.serial, view.identity, at);
    } catch (error) {
      this.deps.logger.error('could not store simulator', { error: String(error) });
    }
  }
}
