/**
 * The push service of the phone's channel: installed, enabled and new enough (HMS Core newer than
 * 20401300; Google Play services for FCM). Without it the vendor channel delivers nothing.
 */
import type { DoctorCheck } from '../../../../shared/domain/doctor';
import { CHANNEL_NAMES } from '../../android/identity/channel';
import { packageLines } from '../evidence';
import { SOURCES, type PushServiceFact } from '../facts-types';
import { makeCheck, msg, notRead, type CheckContext } from './check';
import { CHANNEL_TABLE } from '../../../../shared/vendors/vendor-table';

function serviceEvidence(service: PushServiceFact): string[] {
  return [
    `${service.package}:`,
    ...packageLines(service.text, service.package, [/^\s*versionCode=/, /^\s*versionName=/]),
    ...packageLines(service.text, service.package, [/^\s*User 0:/]).map(
      (l) => /enabled=\d+/.exec(l)?.[0] ?? '',
    ),
  ];
}

export function pushServiceChecks(ctx: CheckContext): DoctorCheck[] {
  const title = msg('check.push.service.title');
  if (!ctx.identity) return [notRead('push.service', title, ctx, SOURCES.identity)];
  const channel = ctx.identity.pushChannel;
  // iOS has no push service app to check (APNs is part of the system).
  if (channel === 'apns') return [];
  const channelName = CHANNEL_NAMES[channel];
  const services = ctx.facts.pushServices;
  if (!services) return [notRead('push.service', title, ctx, SOURCES.pushServices)];
  if (services.length === 0) {
    return [
      makeCheck('push.service', title, {
        status: 'ok',
        advice: msg('check.push.service.none', { channel: channelName }),
        evidence: '',
      }),
    ];
  }
  const installed = services.filter((s) => s.info !== null);
  const service = installed[0];
  if (!service || !service.info) {
    const names = services.map((s) => `${s.name} (${s.package})`).join(', ');
    // Honor's push SDK can bind to a proxy in the system package, so a missing agent is not proof.
    return [
      makeCheck('push.service', title, {
        status: CHANNEL_TABLE[channel].proxied ? 'warn' : 'fail',
        advice: msg(channel === 'fcm' ? 'check.push.service.missingGms' : 'check.push.service.missing', {
          service: names,
          channel: channelName,
        }),
        evidence: services.map((s) => `dumpsys package ${s.package}: not installed`),
      }),
    ];
  }
  const { info } = service;
  const evidence = serviceEvidence(service);
  if (info.enabled === false) {
    return [
      makeCheck('push.service', title, {
        status: 'fail',
        advice: msg('check.push.service.disabled', { service: service.name, channel: channelName }),
        evidence,
      }),
    ];
  }
  const minimum = service.minimumVersionCode;
  if (minimum !== null) {
    if (info.versionCode === null) {
      return [
        makeCheck('push.service', title, {
          status: 'unknown',
          advice: msg('check.push.service.versionUnknown', { service: service.name, minimum }),
          evidence,
        }),
      ];
    }
    if (info.versionCode < minimum) {
      return [
        makeCheck('push.service', title, {
          status: 'fail',
          advice: msg('check.push.service.tooOld', {
            service: service.name,
            version: info.versionCode,
            minimum: minimum - 1,
          }),
          evidence,
        }),
      ];
    }
  }
  return [
    makeCheck('push.service', title, {
      status: 'ok',
      advice: msg('check.push.service.ok', {
        service: service.name,
        version: info.versionName ?? String(info.versionCode ?? '?'),
        channel: channelName,
      }),
      evidence,
    }),
  ];
}
