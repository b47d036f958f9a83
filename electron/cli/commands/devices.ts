/** `pushlab devices [--json]`: every attached phone with its identity. */
import type { DeviceView } from '../../../shared/domain/device';
import { translate, translateDynamic } from '../../../shared/i18n';
import { clean, table, type Output } from '../output';
import type { GlobalOptions } from '../options';
import { openSession, settledDevices } from '../session';

/** The documented JSON shape of one phone (README: "pushlab devices --json"). */
export function deviceJson(view: DeviceView): Record<string, unknown> {
  const id = view.identity;
  return {
    serial: view.serial,
    platform: view.platform,
    state: view.state,
    transport: view.transport,
    help: view.state === 'device' ? null : translate('en', `adbState.${view.state}.help`),
    manufacturer: id?.manufacturer ?? null,
    brand: id?.brand ?? null,
    model: id?.model ?? null,
    marketingName: id?.marketingName ?? null,
    device: id?.device ?? null,
    androidVersion: id?.androidVersion ?? null,
    sdk: id?.sdk ?? null,
    rom: id ? { name: id.rom.name, version: id.rom.version } : null,
    pushChannel: id?.pushChannel ?? null,
    pushChannelReason: id ? (translateDynamic('en', id.pushChannelReason.key, id.pushChannelReason.values) ?? id.pushChannelReason.key) : null,
    pushServices: id ? id.pushServices.map((s) => ({ package: s.package, name: s.name, versionCode: s.versionCode, meetsMinimum: s.meetsMinimum })) : [],
    abis: id?.abis ?? [],
    identityError: view.identityError,
    firstSeen: view.firstSeen,
    lastSeen: view.lastSeen,
  };
}

function describe(view: DeviceView): string[] {
  const id = view.identity;
  const name = id ? `${id.brand} ${id.marketingName ?? id.model}` : '';
  const rom = id ? `${id.rom.name}${id.rom.version ? ' ' + id.rom.version : ''}` : '';
  const android = id ? `Android ${id.androidVersion} (SDK ${id.sdk ?? '?'})` : '';
  const channel = id ? id.pushChannel : view.identityError ? 'identity failed' : '';
  return [clean(view.serial), view.state, clean(name), clean(rom), android, channel];
}

export async function devicesCommand(options: GlobalOptions, output: Output): Promise<number> {
  const core = await openSession(options);
  try {
    const views = await settledDevices(core);
    if (options.json) {
      output.out(JSON.stringify(views.map(deviceJson), null, 2));
      return 0;
    }
    if (views.length === 0) {
      output.out('No phones attached. Enable USB debugging and plug one in (see README), or run `npm run demo`.');
      return 0;
    }
    for (const line of table([['SERIAL', 'STATE', 'PHONE', 'ROM', 'ANDROID', 'PUSH'], ...views.map(describe)])) output.out(line);
    for (const view of views) {
      if (view.state !== 'device') output.out(`\n${clean(view.serial)}: ${translate('en', `adbState.${view.state}.help`)}`);
      if (view.identityError) output.out(`\n${clean(view.serial)}: ${view.identityError.message} ${view.identityError.hint ?? ''}`);
    }
    return 0;
  } finally {
    await core.close();
  }
}
