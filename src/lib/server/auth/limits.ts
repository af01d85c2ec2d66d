import { BackoffLock } from './backoff';
import { TokenBucket } from './rate-limit';

/**
 * Abuse limits, all in memory (one process). Per IP limits are generous because schools, offices
 * and mobile carriers put many real people behind one address (carrier-grade NAT is the norm in
 * Viet Nam); the per-account and per-device limits are the tight ones.
 */

/** Login: 30 posts per IP burst, one more every 2 s. */
export const loginByIp = new TokenBucket(30, 2_000);
/**
 * Failed logins for one identifier from one IP: 5 free, then 30 s, 1, 2, 4 … minutes, capped at
 * 15 minutes, forgotten after an hour of quiet. Other IPs are not affected by this lock.
 */
export const loginFailuresByPair = new BackoffLock({ free: 5, baseMs: 30_000, capMs: 15 * 60_000, forgetMs: 60 * 60_000 });
/**
 * Failed logins for one identifier from anywhere (a distributed guesser): 20 free, then back-off
 * capped at 15 minutes. A device the owner has already logged in or registered with is let
 * through this lock, so guessing from elsewhere cannot lock the owner out.
 */
export const loginFailuresByIdentifier = new BackoffLock({ free: 20, baseMs: 60_000, capMs: 15 * 60_000, forgetMs: 60 * 60_000 });

/**
 * Wrong current passwords on the profile form, per account: someone holding a stolen session
 * must not be able to guess the password there faster than at the login form.
 */
export const reauthFailuresByUser = new BackoffLock({ free: 5, baseMs: 30_000, capMs: 15 * 60_000, forgetMs: 60 * 60_000 });

/**
 * Registration. Per IP, two buckets: a class of 40 registering together from the school's one
 * address (or a carrier's NAT at a busy hour) must get through, so 60 at once, then one every
 * 10 s (6 a minute); and, against a script that paces itself, 200 over the longer run, then one
 * every 3 minutes (20 an hour) — a school's four classes in a morning still fit, hundreds of
 * accounts an hour from one address do not. Per device: 3 at once, one more every 10 minutes (a
 * family on one phone; pupils in a computer room each have their own machine). A burst that gets
 * through still shows in the round's fairness report (5+ accounts on one IP within 10 minutes,
 * registrations counted). takeAll charges every bucket, so requests refused by one still drain
 * the others: a flood keeps an address slow afterwards.
 */
export const registerByIp = new TokenBucket(60, 10_000);
export const registerByIpLong = new TokenBucket(200, 3 * 60_000);
export const registerByDevice = new TokenBucket(3, 10 * 60_000);

/** Starting/resuming attempts: 10 per account burst, one more every 6 s; 600 per IP, 5 per second. */
export const attemptStartByUser = new TokenBucket(10, 6_000);
export const attemptStartByIp = new TokenBucket(600, 200);
/** Autosaves and submits: 120 per account burst, 2 per second; 6000 per IP, 50 per second. */
export const attemptWriteByUser = new TokenBucket(120, 500);
export const attemptWriteByIp = new TokenBucket(6_000, 20);

/** Load tests and e2e runs from one machine would trip the limits; they can be turned off by env. */
export function limitsDisabled(): boolean {
	return process.env.HOITHI_DISABLE_RATE_LIMITS === '1';
}

/**
 * Takes one token from every bucket (key pairs); answers 0 or the longest wait in ms. Every bucket
 * is charged even when an earlier one refuses, so a flood keeps paying on all of its keys.
 */
export function takeAll(checks: [TokenBucket, string][], now = Date.now()): number {
	if (limitsDisabled()) return 0;
	let wait = 0;
	for (const [bucket, key] of checks) wait = Math.max(wait, bucket.take(key, 1, now));
	return wait;
}

/** Seconds for a Retry-After header (at least 1). */
export function retryAfterSeconds(ms: number): string {
	return String(Math.max(1, Math.ceil(ms / 1000)));
}
