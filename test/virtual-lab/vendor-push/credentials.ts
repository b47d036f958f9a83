/**
 * Test credentials made at test time, never checked in: console secrets and push tokens shaped
 * like the vendors' (a Mi regId is base64 with + / =, HMS and Honor tokens letters, digits, - _).
 */
import { randomBytes } from 'node:crypto';

/** A Mi Push AppSecret (base64, as the console shows it). */
export const makeXiaomiAppSecret = (): string => randomBytes(16).toString('base64');
/** A client secret as AppGallery Connect / Honor's console show it (64 hex). */
export const makeClientSecret = (): string => randomBytes(32).toString('hex');
/** A Mi Push regId: 44-64 base64 characters, with / + and =. */
export const makeXiaomiRegId = (): string =>
  `${randomBytes(33).toString('base64')}/+${randomBytes(4).toString('base64')}`;
/** An HMS push token (about 130 characters). */
export const makeHuaweiToken = (): string => `IQAAAACy${randomBytes(90).toString('base64url')}`;
/** A Honor push token. */
export const makeHonorToken = (): string => `HN${randomBytes(80).toString('base64url')}`;
/** An OPPO registration ID (letters, digits, _ -; OPPO's start with the region, e.g. CN_). */
export const makeOppoRegId = (): string => `CN_${randomBytes(16).toString('hex')}`;
/** A vivo regId (digits and letters, about 24 characters). */
export const makeVivoRegId = (): string => `1650${randomBytes(10).toString('hex')}`;
/** A Flyme pushId. */
export const makeMeizuPushId = (): string => `UU${randomBytes(15).toString('hex')}`;
/** A console secret as OPPO, vivo and Flyme show them (32 hex). */
export const makeHexSecret = (): string => randomBytes(16).toString('hex');
