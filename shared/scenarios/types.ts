/**
 * Offline-push scenarios: app state x message x expectation. Pure data, shared by the core (runs,
 * verdicts) and the renderer (catalog, sign-off matrix).
 *
 * Wording: scenario titles and expectation reasons are plain English + zh-CN pairs (`Bilingual`),
 * not shared/i18n message keys, so the catalog and its sources stay in one reviewable place. The
 * renderer picks `en` or `zhCN` by locale.
 */
import { PUSH_CHANNELS, type PushChannel, type RomName } from '../domain/device';

/** A sentence in both shipped languages. */
export interface Bilingual {
  readonly en: string;
  readonly zhCN: string;
}

/** The channels an expectation can be about: the Android channels plus Apple's APNs. */
export const TARGET_CHANNELS = [...PUSH_CHANNELS, 'apns'] as const;
export type TargetChannel = PushChannel | 'apns';

/** The offline states the lab puts the app in before sending. */
export const APP_STATES = [
  'foreground',
  'background',
  'screen-locked',
  'swiped-away',
  'force-stopped',
  'doze',
  'after-reboot',
  'logged-out',
  'kicked-offline',
] as const;
export type AppState = (typeof APP_STATES)[number];

/** Tencent IM element kinds, as they matter to offline push. */
export const MESSAGE_KINDS = ['text', 'image', 'audio', 'file', 'custom'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type Conversation = 'c2c' | 'group';

/** Per-vendor fields of OfflinePushInfo.AndroidInfo (Tencent REST names in comments). */
export interface VendorFields {
  /** OPPOChannelID: required on OPPO with Android 8+. */
  readonly oppoChannelId?: string;
  /** XiaoMiChannelID. */
  readonly xiaomiChannelId?: string;
  /** HuaWeiChannelID. */
  readonly huaweiChannelId?: string;
  /** GoogleChannelID (FCM). */
  readonly fcmChannelId?: string;
  /** HuaWeiImportance: NORMAL = service & communication, LOW = news & marketing. */
  readonly huaweiImportance?: 'NORMAL' | 'LOW';
  /** HuaWeiCategory, e.g. "IM". */
  readonly huaweiCategory?: string;
  /** HonorImportance. */
  readonly honorImportance?: 'NORMAL' | 'LOW';
  /** VIVOClassification: 1 system, 0 operational (Tencent's default is 1). Must agree with vivoCategory. */
  readonly vivoClassification?: 0 | 1;
  /**
   * VIVOCategory (vivo `category`): system IM, ACCOUNT, TODO, DEVICE_REMINDER, ORDER, SUBSCRIPTION;
   * operational NEWS, CONTENT, MARKETING, SOCIAL. Tencent's IM example sends "IM".
   */
  readonly vivoCategory?: string;
  /**
   * OPPOCategory (OPPO `category`): service IM, ACCOUNT, DEVICE_REMINDER, ORDER, TODO, SUBSCRIPTION;
   * marketing NEWS, CONTENT, MARKETING, SOCIAL. Tencent's IM example sends "IM".
   */
  readonly oppoCategory?: string;
  /** OPPONotifyLevel (OPPO `notify_level`, only with a category): 1 status bar, 2 + lock screen, 16 + banner. */
  readonly oppoNotifyLevel?: 1 | 2 | 16;
  /** MeiZuNoticeMsgType (Flyme `noticeBarInfo.noticeMsgType`): 1 私信 (private), 0 公信 (public). */
  readonly meizuNoticeMsgType?: 0 | 1;
}

/** What the lab sends: one Tencent IM message plus its offlinePushInfo. */
export interface MessageSpec {
  readonly kind: MessageKind;
  readonly conversation: Conversation;
  readonly sender: {
    /** Tencent user ID: the Android default title when there is no nickname. */
    readonly id: string;
    readonly nickname?: string;
    /** The sender's name card in the group (wins over the nickname in groups). */
    readonly groupNameCard?: string;
  };
  /** Group name, for group messages. */
  readonly groupName?: string;
  /** Text of a text element. */
  readonly text?: string;
  /** Custom element: data (never shown) and its own desc. */
  readonly custom?: { readonly data: string; readonly desc?: string };
  /** offlinePushInfo. */
  readonly push?: {
    readonly title?: string;
    readonly desc?: string;
    readonly ext?: string;
    /** Android sound: file name without extension (in res/raw); iOS: file name with extension. */
    readonly sound?: string;
    /** disablePush / PushFlag 1. */
    readonly disabled?: boolean;
    readonly vendor?: VendorFields;
  };
}

/** The phone as the runner sees it. Optional facts come from the doctor; null/absent = not known. */
export interface PhoneContext {
  readonly channel: TargetChannel;
  readonly rom: RomName | 'iOS' | null;
  /** Android API level; null when unknown (and on iOS). */
  readonly sdk: number | null;
  /** The channel's push service is installed and new enough (GMS for FCM, HMS Core > 20401300). */
  readonly pushServiceReady?: boolean | null;
  /** Why pushServiceReady is false, when known: not installed, or older than the channel needs. */
  readonly pushServiceProblem?: 'missing' | 'too-old' | null;
  /** Notifications turned off for the app (app-level block or POST_NOTIFICATIONS denied). */
  readonly notificationsBlocked?: boolean | null;
  /** The package is in Android's stopped state after the state was applied (dumpsys package). */
  readonly appStopped?: boolean | null;
  /** The ROM lets the app be started in the background (MIUI autostart and the like). */
  readonly autostartAllowed?: boolean | null;
}

/** What is known about the app under test and its push set-up. */
export interface AppProfile {
  /** Channel ids the vendor granted a high class (Xiaomi important, OPPO private message channel). */
  readonly highClassChannelIds?: readonly string[];
  /** Priority the backend uses for FCM; decides Doze delivery. */
  readonly fcmPriority?: 'high' | 'normal' | null;
  /** iOS build and the certificate its reported business ID belongs to. */
  readonly apns?: { readonly build: 'debug' | 'release'; readonly certificate: 'development' | 'production' };
  /** The app posts its own notification while in the foreground (then offline push cannot be told apart). */
  readonly postsOwnNotificationInForeground?: boolean;
}

/** Condition a scenario forces on top of the phone and app (e.g. notifications turned off). */
export interface ScenarioSetup {
  readonly notificationsBlocked?: boolean;
  readonly pushServiceReady?: boolean;
  readonly apns?: AppProfile['apns'];
}

export interface Scenario {
  /** Stable kebab-case id, e.g. "background-c2c-text". */
  readonly id: string;
  readonly state: AppState;
  readonly message: MessageSpec;
  readonly setup?: ScenarioSetup;
  /** Channels the scenario is meant for; absent = all. */
  readonly appliesTo?: readonly TargetChannel[];
  readonly title: Bilingual;
  readonly description: Bilingual;
  /** Rule ids (shared/scenarios/sources.ts) the scenario was written to check. */
  readonly sources: readonly string[];
}

/**
 * What should happen.
 * - 'shown': a notification must appear. Missing -> `ifMissing` ('fail', or 'inconclusive' when a
 *   documented vendor limit may legitimately drop it).
 * - 'not-shown': nothing may appear; appearing is a fail. Nothing appearing passes only when a
 *   positive control on the same phone in the same run showed (`needsPositiveControl`), because a
 *   dead channel also shows nothing.
 * - 'undecided': the sources do not settle it; whatever is observed, the run is 'inconclusive'.
 * - 'not-applicable': the scenario does not exist on this phone (Doze on iOS, an OPPO-only case
 *   elsewhere); it is not run.
 */
export type Outcome = 'shown' | 'not-shown' | 'undecided' | 'not-applicable';

/** A text to look for: the whole field (`exact`) or a part of title + text (`contains`). */
export interface TextMatch {
  readonly value: string;
  readonly match: 'exact' | 'contains';
}

/** Sound check: the default sound, a named custom sound, or not judged (with why, in `caveats`). */
export type SoundExpectation =
  | { readonly kind: 'default' }
  | { readonly kind: 'custom'; readonly name: string }
  | { readonly kind: 'not-checked' };

export interface Caveat {
  readonly rule: string;
  readonly text: Bilingual;
}

/**
 * Platform facts that make PushLab predict a push will be dropped (or held back) although the
 * product did everything right. A prediction never fails a push that showed, and never passes one
 * that did not: see Expectation.prediction.
 */
export const PREDICTION_FACTS = [
  'push-service-missing',
  'push-service-old',
  'doze',
  'low-class',
  'rom-stopped-swiped-app',
  'app-stopped',
] as const;
export type PredictionFact = (typeof PREDICTION_FACTS)[number];

export interface Prediction {
  readonly fact: PredictionFact;
  /** 'drop': may never show; 'delay': shows only after the phone leaves Doze. */
  readonly effect: 'drop' | 'delay';
  /** The fact as a clause, e.g. "the Honor push service was not found" (used in notes and reasons). */
  readonly text: Bilingual;
  readonly rule: string;
}

/**
 * What a cell of the catalog is:
 * - 'must-show' / 'must-not-show': a requirement on the product, from a seed rule (these may fail);
 * - 'predicted': the product must show it, but a platform fact predicts it will be dropped or
 *   held back (shown = pass with a note, missing = inconclusive with the fact);
 * - 'undecided', 'not-applicable': as in Outcome.
 */
export type ExpectationKind = 'must-show' | 'must-not-show' | 'predicted' | 'undecided' | 'not-applicable';

export interface Expectation {
  readonly outcome: Outcome;
  /**
   * A platform prediction on top of a 'shown' requirement; null for every other outcome. Only a
   * requirement ('not-shown') may fail a push that showed.
   */
  readonly prediction: Prediction | null;
  /** For 'shown': what a missing notification means. Null otherwise. */
  readonly ifMissing: 'fail' | 'inconclusive' | null;
  readonly needsPositiveControl: boolean;
  /** 'prompt' within the run's timeout; 'after-idle': judge only once Doze is left. Null unless shown. */
  readonly delivery: 'prompt' | 'after-idle' | null;
  /** Where the message surfaces instead, when not as a system notification (foreground: in the app). */
  readonly surface: 'notification' | 'in-app' | 'none' | 'unknown';
  readonly title: TextMatch | null;
  readonly text: TextMatch | null;
  /** Android notification channel the notification must be posted on; null = not checked. */
  readonly channelId: string | null;
  readonly sound: SoundExpectation;
  /** The ext string the tap handler must receive; null when none was sent. */
  readonly tapExt: string | null;
  readonly reason: Bilingual;
  /** Rule ids behind the outcome; never empty except for 'not-applicable'. */
  readonly rules: readonly string[];
  /** Things that may still change the observation, with their rule. */
  readonly caveats: readonly Caveat[];
}
