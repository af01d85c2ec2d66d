import { createHmac } from 'node:crypto';
import { config } from '../config';

/**
 * Keyed hash (HMAC-SHA-256) for identifiers we must compare but never store in clear:
 * citizen IDs (CCCD), later IP addresses. Without HASH_SECRET the 12-digit space could be
 * brute-forced from a leaked database in minutes, hence a key and not a plain hash.
 */
export function keyedHash(purpose: string, value: string): string {
	return createHmac('sha256', config().HASH_SECRET).update(`${purpose}:${value}`).digest('hex');
}
