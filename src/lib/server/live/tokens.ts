import { createHash, getRandomValues } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { keyedHash } from '../auth/keyed-hash';

/**
 * The secrets of the live hội thi: judge links and device keys. Only hashes reach the database
 * (live_judges.token_hash, live_players.device_hash), so a leaked database opens no judge link and
 * names no phone.
 */

/** A new judge link's token (for livePaths.judge) and the hash to store (live-setup makes judges with it). */
export function newJudgeToken(): { token: string; hash: string } {
	const bytes = new Uint8Array(20);
	getRandomValues(bytes);
	const token = encodeBase32LowerCaseNoPadding(bytes);
	return { token, hash: judgeTokenHash(token) };
}

/** SHA-256 of a judge token (hex): the token is random, so a plain hash is enough to look it up. */
export function judgeTokenHash(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * A player's device: the keyed hash of the site's device id (auth/fingerprint.ts), under its own
 * label so that it cannot be matched with the fairness records of the same browser.
 */
export function liveDeviceHash(deviceKey: string): string {
	return keyedHash('live-device', deviceKey);
}
