/** `pushlab devices [--json]`: every attached phone (and booted iOS simulator) with its identity. */
import type { DeviceView, HostStatus } from '../../../shared/domain/device';
import { LOCAL_HOST } from '../../../shared/domain/lab-host';
import { iosStatusMessage } from '../../../shared/domain/ios-status';
import type { ErrorInfo } from '../../../shared/errors';
import { translate, translateDynamic } from '../../../shared/i18n';
import type { DeviceCore } from '../../lab/compose-devices';
import { LabError } from '../../lab/errors';
import { vendorOfIdentity } from '../../../shared/vendors/vendor-group';
import { clean, table, type Output } from '../output';
import type { GlobalOptions } from '../options';
import { openDeviceSession, settledDevices } from '../session';
import { PLATFORM_FACTS } from '../../lab/platform/platform-facts';

/** The documented JSON shape of one phone (README: "pushlab devices --json"). */
export function deviceJson(view: DeviceView, primaryHost: string = LOCAL_HOST): Record<string, unknown> {
  const id = view.identity;
  return {
    serial: view.serial,
    // The lab host serving it: simulators and bare serials are on the primary host.
    host: view.host ?? primaryHost,
    platform: view.platform,
    state: view.state,
    transport: view.transport,
    help:
      view.state === 'device'
        ? null
        : view.simulator
          ? translate('en', 'device.simulatorState', { state: view.simulator.state })
          : translate('en', `adbState.${view.state}.help`),
    manufacturer: id?.manufacturer ?? null,
    brand: id?.brand ?? null,
    // The vendor group (shared/vendors/vendor-group.ts): the same one the board and the matrix show.
    vendor: vendorOfIdentity(id),
    model: id?.model ?? null,
    marketingName: id?.marketingName ?? null,
    device: id?.device ?? null,
    androidVersion: PLATFORM_FACTS[view.platform].androidVersion(id),
    iosVersion: PLATFORM_FACTS[view.platform].iosVersion(id),
    sdk: id?.sdk ?? null,
    rom: id ? { name: id.rom.name, version: id.rom.version } : null,
    pushChannel: id?.pushChannel ?? null,
    pushChannelReason: id
      ? (translateDynamic('en', id.pushChannelReason.key, id.pushChannelReason.values) ??
        id.pushChannelReason.key)
      : null,
    pushServices: id
      ? id.pushServices.map((s) => ({
          package: s.package,
          name: s.name,
          versionCode: s.versionCode,
          meetsMinimum: s.meetsMinimum,
        }))
      : [],
    abis: id?.abis ?? [],
    identityError: view.identityError,
    firstSeen: view.firstSeen,
    lastSeen: view.lastSeen,
    simulator: view.simulator
      ? {
          state: view.simulator.state,
          runtime: view.simulator.runtime,
          deviceType: view.simulator.deviceType,
        }
      : null,
  };
}

/** Booted iOS simulators, once simctl has been asked (or found missing); plus the status line. */
async function simulatorsOf(core: DeviceCore): Promise<{ views: DeviceView[]; line: string }> {
  await core.cli.simulators.settled();
  const views = [...core.cli.simulators.views()];
  const message = iosStatusMessage(core.cli.simulators.status(), views.length);
  return { views, line: translateDynamic('en', message.key, message.values) ?? message.key };
}

function describe(view: DeviceView): string[] {
  const id = view.identity;
  const name = id ? `${id.brand} ${id.marketingName ?? id.model}` : '';
  const rom = id ? `${id.rom.name}${id.rom.version ? ' ' + id.rom.version : ''}` : '';
  const android = id ? PLATFORM_FACTS[view.platform].osLine(id) : '';
  const channel = id ? id.pushChannel : view.identityError ? 'identity failed' : '';
  return [clean(view.serial), view.state, clean(name), clean(rom), android, channel];
}

/** One line saying Android phones are unavailable because adb is not reachable, and what to do. */
export function adbUnavailableLine(error: ErrorInfo): string {
  const oneLine = (text: string): string => clean(text.replace(/\s*\n\s*/g, ' ').trim());
  return `Android: unavailable, adb is not reachable: ${oneLine(error.message)}${error.hint ? ` What to do: ${oneLine(error.hint)}` : ''}`;
}

/** One line per lab host that does not answer (only with several hosts): its phones are not listed. */
export function hostLines(hosts: readonly HostStatus[] | undefined): string[] {
  return (hosts ?? [])
    .filter((h) => h.state !== 'connected')
    .map(
      (h) =>
        `Host ${clean(h.name)} (${clean(h.host)}:${h.port}): ${h.state}` +
        (h.error ? `: ${clean(h.error.message)}` : '') +
        '. Its phones are not listed; the other hosts are.',
    );
}

/**
 * Lists phones and simulators. Without a reachable adb server the simulators are still listed
 * and one line says why Android is unavailable: exit 0 when at least one device was listed, 2
 * (the command could not do its job) when adb is unreachable and nothing was listed.
 */
export async function devicesCommand(options: GlobalOptions, output: Output): Promise<number> {
  const { core, adbError } = await openDeviceSession(options);
  try {
    const phones = adbError === null ? await settledDevices(core) : [];
    const ios = await simulatorsOf(core);
    const views = [...phones, ...ios.views].sort((a, b) => a.serial.localeCompare(b.serial));
    const androidLine = adbError === null ? null : adbUnavailableLine(adbError);
    if (adbError !== null && views.length === 0) {
      // Nothing to list: the same error as before simulators existed, plus the iOS line.
      output.err(clean(ios.line));
      throw new LabError(adbError.code, adbError.message, {
        ...(adbError.hint ? { hint: adbError.hint } : {}),
        ...(adbError.detail ? { detail: adbError.detail } : {}),
        zh: adbError.zh,
      });
    }
    const primaryHost = options.hosts?.[0]?.name ?? LOCAL_HOST;
    const deadHosts = hostLines(core.cli.adb.hosts());
    if (options.json) {
      output.out(
        JSON.stringify(
          views.map((v) => deviceJson(v, primaryHost)),
          null,
          2,
        ),
      );
      for (const line of deadHosts) output.err(line);
      // stdout stays the documented array; the Android and iOS lines go to stderr.
      if (androidLine) output.err(androidLine);
      output.err(ios.line);
      return 0;
    }
    if (views.length === 0) {
      output.out(
        'No phones attached. Enable USB debugging and plug one in (see README), or run `npm run demo`.',
      );
      output.out(ios.line);
      return 0;
    }
    const withHost = options.hosts !== null;
    for (const line of table([
      [...(withHost ? ['HOST'] : []), 'SERIAL', 'STATE', 'PHONE', 'ROM', 'ANDROID', 'PUSH'],
      ...views.map((v) => [...(withHost ? [clean(v.host ?? primaryHost)] : []), ...describe(v)]),
    ]))
      output.out(line);
    for (const line of deadHosts) output.out(`\n${line}`);
    if (androidLine) output.out(`\n${androidLine}`);
    output.out(`${androidLine ? '' : '\n'}${clean(ios.line)}`);
    for (const view of views) {
      if (view.state !== 'device') output.out(`\n${clean(view.serial)}: ${deviceJson(view).help as string}`);
      if (view.identityError)
        output.out(`\n${clean(view.serial)}: ${view.identityError.message} ${view.identityError.hint ?? ''}`);
    }
    return 0;
  } finally {
    await core.close();
  }
}
