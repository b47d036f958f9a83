/**
 * A vendor's documented send limits as data, for the plan's preflight (how many sends a run may
 * make per vendor before it starts) and the emulators. Numbers are per app unless said otherwise.
 */
export interface VendorPushLimits {
  readonly channel: 'oppo' | 'vivo' | 'meizu' | 'xiaomi' | 'huawei' | 'honor';
  /** Service/communication (私信, system) pushes per device per day; null = not limited. */
  readonly highClassPerDevicePerDay: number | null;
  /** News/marketing (公信, operational) pushes per device per day: usual and news-app figures. */
  readonly lowClassPerDevicePerDay: { readonly usual: number; readonly news: number };
  /** The app's daily total, as the vendor words it (depends on the app's user count). */
  readonly dailyTotal: { readonly en: string; readonly zh: string };
  /** Requests per second the vendor allows an app (range over app sizes). */
  readonly qps: { readonly min: number; readonly max: number };
  /** Local hours (UTC+8) when low-class pushes are held; null = none documented. */
  readonly lowClassQuietHours: { readonly from: string; readonly to: string } | null;
  /** Test pushes (vivo pushMode 1) do not count against the quotas. */
  readonly testPushesExempt: boolean;
  /** Auth-token calls the vendor allows (null: no token, or not documented). */
  readonly authCalls: { readonly en: string; readonly zh: string } | null;
  /** Where the figures come from (see the closing note for what could not be confirmed). */
  readonly sources: readonly string[];
}
