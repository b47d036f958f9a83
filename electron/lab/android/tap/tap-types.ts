/** What tap-to-redirect reports, whichever way the tap was made. */

export type TapMethod = 'uiautomator' | 'appium';

export interface TapOutcome {
  readonly method: TapMethod;
  /** A notification row showing the record's title or text was found and tapped. */
  readonly tapped: boolean;
  /** The app came to the foreground after the tap (null: could not tell). */
  readonly landed: boolean | null;
  /** The package in the foreground after the tap. */
  readonly foregroundPackage: string | null;
  /** A log line of the app contains `ext` (null: no ext asked, or the log could not be read). */
  readonly extSeen: boolean | null;
  /** Plain-language account (phone text inside is untrusted: render as text). */
  readonly detail: string;
}

/** The captured notification, as the phone showed it. */
export interface TapTarget {
  readonly title: string | null;
  readonly text: string | null;
}
