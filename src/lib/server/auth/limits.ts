import { TokenBucket } from './rate-limit';

/** Login: 10 tries per IP burst, one more every 6 s; per identifier 5 tries, one more a minute. */
export const loginByIp = new TokenBucket(10, 6_000);
export const loginByIdentifier = new TokenBucket(5, 60_000);
/** Registration: 5 accounts per IP burst, one more every 2 minutes. */
export const registerByIp = new TokenBucket(5, 120_000);

/** Load tests and e2e runs from one machine would trip the limits; they can be raised by env. */
export function limitsDisabled(): boolean {
	return process.env.HOITHI_DISABLE_RATE_LIMITS === '1';
}
