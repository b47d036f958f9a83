/**
 * How many pushes one phone may take a day through a vendor sender, for the class this plan sender
 * sends (from the vendor limits): the run preflight compares it with the sends per phone, so a run
 * never burns a lab's daily quota by surprise. null = that class is not capped per device (service
 * categories, private messages, test messages), or the plan cannot tell (a Mi Push channel is
 * private or public as the Mi console registered it; the emulator and the vendor decide then).
 */
import { VENDOR_SEND_LIMITS as LIMITS, type LimitedVendor } from '../../../../shared/push/vendor-limits';
import type { PlanSender } from '../../../../shared/runs/plan';
import { OPPO_SERVICE_CATEGORIES, VIVO_SYSTEM_CATEGORIES } from '../../../../shared/runs/plan-vendor-senders';

const vivoClassOf = (category: string | undefined): 0 | 1 =>
  category === undefined || (VIVO_SYSTEM_CATEGORIES as readonly string[]).includes(category) ? 1 : 0;

export interface VendorSendCap {
  readonly vendor: LimitedVendor;
  readonly perDevicePerDay: number;
  readonly en: string;
  readonly zh: string;
}

export function vendorSendCap(config: Extract<PlanSender, { kind: LimitedVendor }>): VendorSendCap | null {
  const low = (vendor: LimitedVendor, en: string, zh: string): VendorSendCap | null => {
    const count = LIMITS[vendor].perDevicePerDay.low.count;
    return count === null
      ? null
      : {
          vendor,
          perDevicePerDay: count,
          en: `${en} (${count} a phone a day)`,
          zh: `${zh}（每台手机每天 ${count} 条）`,
        };
  };
  switch (config.kind) {
    case 'xiaomi':
      return null;
    case 'huawei':
    case 'honor':
      // importance LOW is the news & marketing class; test messages have their own quota.
      return config.testMessage === true || config.importance !== 'LOW'
        ? null
        : config.kind === 'huawei'
          ? low(
              'huawei',
              "HMS's cap on LOW importance (marketing) messages",
              '华为对 LOW 重要性（营销类）消息的限额',
            )
          : low(
              'honor',
              "Honor's cap on LOW importance (marketing) messages",
              '荣耀对 LOW 重要性（营销类）消息的限额',
            );
    case 'oppo':
      return (OPPO_SERVICE_CATEGORIES as readonly string[]).includes(config.category ?? 'IM')
        ? null
        : low(
            'oppo',
            `OPPO's cap on ${config.category ?? ''} (marketing) messages`,
            `OPPO 对 ${config.category ?? ''}（营销类）消息的限额`,
          );
    case 'vivo':
      // Test pushes are not counted; system messages are not capped per device. The class the
      // plan sets, as the vivo builder derives it (an operational category alone means 0).
      return (config.pushMode ?? 'test') === 'test' ||
        (config.classification ?? vivoClassOf(config.category)) === 1
        ? null
        : low('vivo', "vivo's cap on operational messages", 'vivo 对运营消息的限额');
    case 'meizu':
      return (config.noticeMsgType ?? 1) === 1
        ? null
        : low('meizu', "Flyme's cap on public (公信) messages", '魅族对公信消息的限额');
  }
}
