/**
 * Same message, other link: each vendor sender -> its local emulator -> the virtual phone that owns
 * the token, which posts what the Tencent path would show (title, line, channel, ext for the tap).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSender } from '../../../../electron/lab/push';
import { startMeizuServer } from '../../../virtual-lab/meizu/server';
import { startOppoServer } from '../../../virtual-lab/oppo/server';
import { startVivoServer } from '../../../virtual-lab/vivo/server';
import { connectVendorPushToPhones, type VendorPhone } from '../../../virtual-lab/vendor-push/deliver';
import { DEMO_CHANNELS } from '../../../virtual-lab/world/demo-app';
import { APP, backgroundPhone } from '../../../unit/virtual-lab/tencent/helpers';
import { hex, labDeps, scenarioRequest } from './helpers';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('vendor senders deliver to the virtual phone that owns the token', () => {
  it('OPPO, vivo and Meizu phones each show the scenario as the Tencent path would', async () => {
    const tokens = { oppo: `CN_${hex(16)}`, vivo: `1650${hex(10)}`, meizu: `UU${hex(15)}` };
    const secrets = { OPPO: hex(16), VIVO: hex(16), MEIZU: hex(16) };
    const { deps, clock } = labDeps({ OPPO: secrets.OPPO, VIVO: secrets.VIVO, MEIZU: secrets.MEIZU });
    const now = () => clock.now;
    const oppo = await startOppoServer({
      app: { appKey: 'a1b2c3d4e5f60718', masterSecret: secrets.OPPO, package: APP },
      devices: [{ token: tokens.oppo, package: APP }],
      now,
    });
    const vivo = await startVivoServer({
      app: { appId: '105', appKey: 'vivo-app-key', appSecret: secrets.VIVO, package: APP },
      devices: [{ token: tokens.vivo, package: APP }],
      testDevices: [tokens.vivo],
      now,
    });
    const meizu = await startMeizuServer({
      app: { appId: '123', appSecret: secrets.MEIZU, package: APP },
      devices: [{ token: tokens.meizu, package: APP }],
      now,
    });
    closers.push(oppo.close, vivo.close, meizu.close);
    const profiles = {
      oppo: 'oppo-coloros15-android15-1',
      vivo: 'vivo-originos5-android15-1',
      meizu: 'meizu-flyme12.1-android15-1',
    } as const;
    const phones: VendorPhone[] = [];
    for (const vendor of ['oppo', 'vivo', 'meizu'] as const) {
      const android = await backgroundPhone(profiles[vendor], { options: { launchChannels: DEMO_CHANNELS } });
      phones.push({ serial: vendor.toUpperCase(), android });
    }
    const owners = new Map(Object.entries(tokens).map(([vendor, token]) => [token, vendor.toUpperCase()]));
    const delivery = connectVendorPushToPhones([oppo, vivo, meizu], { phones: () => phones, owners, now });
    const senders = {
      oppo: createSender(
        { kind: 'oppo', appKey: 'a1b2c3d4e5f60718', masterSecret: { env: 'OPPO' }, baseUrl: oppo.url },
        deps,
      ),
      vivo: createSender(
        { kind: 'vivo', appId: '105', appKey: 'vivo-app-key', appSecret: { env: 'VIVO' }, baseUrl: vivo.url },
        deps,
      ),
      meizu: createSender(
        { kind: 'meizu', appId: '123', appSecret: { env: 'MEIZU' }, baseUrl: meizu.url },
        deps,
      ),
    };
    for (const vendor of ['oppo', 'vivo', 'meizu'] as const) {
      const receipt = await senders[vendor].send(
        scenarioRequest('background-ext-redirect', vendor, tokens[vendor]),
      );
      expect(delivery.log.at(-1)).toMatchObject({
        vendor,
        messageId: receipt.requestId,
        serial: vendor.toUpperCase(),
        shown: true,
      });
    }
    for (const phone of phones) {
      expect(phone.android.notifications(APP)).toMatchObject([
        {
          title: 'Denny',
          text: expect.stringMatching(/^Denny:/),
          ext: '{"conversation":"c2c_pushlab_sender"}',
        },
      ]);
    }
    expect(phones[0]?.android.notifications(APP)[0]?.channelId).toBe('pushlab_im');
  });
});
