/**
 * How NotificationChannel and NotificationRecord print in `dumpsys notification`, per release.
 * Channel (NotificationChannel.dump/getFieldsString, AOSP frameworks/base core/java/android/app):
 * - 9: mId..mAudioAttributes, mBlockableSystem; 10 adds mAllowBubbles (boolean) and
 *   mImportanceLockedByOEM, and redacts the name to 3 chars + "..." without --noredact
 *   (TextUtils.trimToLengthWithEllipsis(mName, 3), as the HyperOS capture shows: "mName=Sel...").
 * - 11 adds mImportanceLockedDefaultApp, mOriginalImp, mParent, mConversationId, mDemoted,
 *   mImportantConvo, mAllowBubbles becomes -1; 12 adds mDeletedTimeMs; 14 renames mFgServiceShown
 *   to mUserVisibleTaskShown and drops mImportanceLockedByOEM (test/fixtures HyperOS 2 capture).
 * - 15+ prints mVibrationPattern/mVibrationEffect and "flags=0x800(FLAG_MUTE_HAPTIC) "; 16 adds
 *   mLastNotificationUpdateTimeMs (test/fixtures Pixel Android 16 capture). The 15 split is our
 *   reading of when the vibration-effect fields landed.
 * Record (NotificationRecord.dump): header "NotificationRecord(0x<hash>: pkg=... key=...:
 * Notification(...))" then indented fields; HyperOS adds " bbbc=0" after the key; before 10 the
 * Notification string starts "channel=X pri=0", from 10 "channel=X shortcut=null"; 16 prints
 * symbolic flags and "when=<when>/<posttime>". Without --noredact texts print as "String [length=N]".
 */
import type { ChannelState, NotificationRecordState } from '../../app-settings';
import { identityHash, type AppPackage, type PhoneState } from '../../state';

const IMPORTANCE_NAMES: Readonly<Record<number, string>> = {
  0: 'NONE',
  1: 'MIN',
  2: 'LOW',
  3: 'DEFAULT',
  4: 'HIGH',
  5: 'MAX',
};

/** NotificationListenerService.Ranking.importanceToString. */
export function importanceName(importance: number): string {
  return IMPORTANCE_NAMES[importance] ?? (importance === -1000 ? 'UNSPECIFIED' : `UNKNOWN(${importance})`);
}

function audioAttributes(sdk: number): string {
  if (sdk >= 35)
    return 'AudioAttributes: usage=USAGE_NOTIFICATION content=CONTENT_TYPE_SONIFICATION flags=0x800(FLAG_MUTE_HAPTIC)  tags= bundle=null';
  return `AudioAttributes: usage=USAGE_NOTIFICATION content=CONTENT_TYPE_SONIFICATION flags=${sdk >= 29 ? '0x800' : '0x0'} tags= bundle=null`;
}

/** NotificationChannel{...}; `redact` shortens the name as dump(pw, prefix, true) does (10+). */
export function channelText(sdk: number, ch: ChannelState, redact: boolean): string {
  const name = redact && sdk >= 29 && ch.name.length > 3 ? `${ch.name.slice(0, 3)}...` : ch.name;
  const vibration = ch.vibration ? '[0, 250, 250, 250]' : 'null';
  const parts = [
    `mId='${ch.id}'`,
    `mName=${name}`,
    `mDescription=${ch.description === '' ? '' : 'hasDescription '}`,
    `mImportance=${ch.importance}`,
    `mBypassDnd=${ch.bypassDnd}`,
    `mLockscreenVisibility=${ch.lockscreenVisibility}`,
    `mSound=${ch.sound ?? 'null'}`,
    `mLights=${ch.lights}`,
    'mLightColor=0',
    ...(sdk >= 35
      ? [`mVibrationPattern=${vibration}`, 'mVibrationEffect=null']
      : [`mVibration=${vibration}`]),
    `mUserLockedFields=${ch.userLockedFields.toString(16)}`,
    sdk >= 34 ? 'mUserVisibleTaskShown=false' : 'mFgServiceShown=false',
    `mVibrationEnabled=${ch.vibration}`,
    `mShowBadge=${ch.showBadge}`,
    `mDeleted=${ch.deleted}`,
    ...(sdk >= 31 ? [`mDeletedTimeMs=${ch.deletedTimeMs}`] : []),
    "mGroup='null'",
    `mAudioAttributes=${audioAttributes(sdk)}`,
    'mBlockableSystem=false',
  ];
  if (sdk >= 29) parts.push(`mAllowBubbles=${sdk >= 30 ? -1 : false}`);
  if (sdk >= 29 && sdk < 34) parts.push('mImportanceLockedByOEM=false');
  if (sdk >= 30) {
    parts.push(
      'mImportanceLockedDefaultApp=false',
      `mOriginalImp=${ch.originalImportance}`,
      'mParent=null',
      'mConversationId=null',
      'mDemoted=false',
      'mImportantConvo=false',
    );
  }
  if (sdk >= 36) parts.push('mLastNotificationUpdateTimeMs=0');
  return `NotificationChannel{${parts.join(', ')}}`;
}

function extra(key: string, value: string, redact: boolean): string {
  return `                ${key}=${redact ? `String [length=${value.length}]` : `String (${value})`}`;
}

/** One NotificationRecord block as NotificationRecord.dump prints it (prefix "    "). */
export function recordText(
  phone: PhoneState,
  app: AppPackage,
  record: NotificationRecordState,
  redact: boolean,
): string {
  const sdk = phone.sdk;
  const key = `0|${app.name}|${record.id}|null|${app.uid}`;
  const hash = identityHash(`nr:${key}`);
  const hyperos = phone.vendor.family === 'xiaomi' && sdk >= 34 ? ' bbbc=0' : '';
  const flags = sdk >= 36 ? 'AUTO_CANCEL' : '0x10';
  const defaults = sdk >= 36 ? '0' : '0x0';
  const head = sdk >= 29 ? `channel=${record.channelId} shortcut=null` : `channel=${record.channelId} pri=0`;
  const channel = app.settings.channels.get(record.channelId);
  const elapsed = record.postedAt - phone.bootEpoch;
  const lines = [
    `    NotificationRecord(0x0${hash}: pkg=${app.name} user=UserHandle{0} id=${record.id} ` +
      `tag=null importance=${record.importance} key=${key}${hyperos}: Notification(${head} ` +
      `contentView=null vibrate=null sound=null defaults=${defaults} flags=${flags} color=0x00000000 ` +
      `vis=PRIVATE))`,
    `      uid=${app.uid} userId=0`,
    `      opPkg=${app.name}`,
    `      icon=Icon(typ=RESOURCE pkg=${app.name} id=0x7f080001)`,
    `      flags=${flags}`,
    `      originalFlags=${flags}`,
    '      pri=0',
    `      key=${key}`,
    '      seen=false',
    `      groupKey=${key}`,
    '      notification=',
    '            fullscreenIntent=null',
    `            contentIntent=PendingIntent{${identityHash(`pi:${key}`)}: PendingIntentRecord{${identityHash(`pir:${key}`)} ${app.name} startActivity}}`,
    '            deleteIntent=null',
    '            number=0',
    '            groupAlertBehavior=0',
    `            when=${sdk >= 36 ? `${record.postedAt}/${record.postedAt}` : record.postedAt}`,
    '            tickerText=null',
    '            vis=0',
    '            contentView=null',
    '            bigContentView=null',
    '            headsUpContentView=null',
    '            color=0x00000000',
    `            timeout=${sdk >= 36 ? 'PT72H' : 'unknown'}`,
    '            extras={',
    extra('android.title', record.title, redact),
    extra('android.text', record.text, redact),
    `                android.appInfo=ApplicationInfo (ApplicationInfo{${identityHash(`ai:${app.name}`)} ${app.name}})`,
    '                android.showWhen=Boolean (true)',
    '            }',
    '      publicNotification=',
    '            None',
    `      stats=SingleNotificationStats{posttimeElapsedMs=${elapsed}, posttimeToFirstClickMs=-1, ` +
      `posttimeToDismissMs=-1, airtimeCount=0, airtimeMs=0, currentAirtimeStartElapsedMs=-1, ` +
      `airtimeExpandedMs=0, posttimeToFirstVisibleExpansionMs=-1, currentAirtimeExpandedStartElapsedMs=-1, ` +
      `requestedImportance=${record.importance}, naturalImportance=${record.importance}, ` +
      `isNoisy=${channel?.sound != null}}`,
    '      mContactAffinity=0.0',
    '      mPackagePriority=0',
    '      mPackageVisibility=-1000',
    `      mImportance=${importanceName(record.importance)}`,
    '      mImportanceExplanation=app',
    `      mIntercept=${record.intercepted}`,
    '      mHidden==false',
    `      mRankingTimeMs=${record.postedAt}`,
    `      mCreationTimeMs=${record.postedAt}`,
    `      mSound= ${channel?.sound ?? 'null'}`,
    `      mVibration= ${channel?.vibration ? 'Composed{...}' : 'null'}`,
    `      mAttributes= ${audioAttributes(sdk)}`,
    `      mShowBadge=${channel?.showBadge ?? true}`,
    ...(channel ? [`      effectiveNotificationChannel=${channelText(sdk, channel, false)}`] : []),
    '      mAdjustments=[]',
  ];
  return `${lines.join('\n')}\n`;
}
