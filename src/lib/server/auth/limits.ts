import { config } from '../config';
import { exclusive, type Conn, type Db, type Program } from '../db';
import { BackoffLock } from './backoff';
import { ProcessBucket, TokenBucket, type Limit } from './rate-limit';

/**
 * Abuse limits, shared by every server process through the database (rate_buckets, backoff_locks)
 * — except the per-IP limits of the hot attempt API, kept per process (ProcessBucket: see there and
 * below). Per IP limits are generous because schools, offices and mobile carriers put many real
 * people behind one address (carrier-grade NAT is the norm in Viet Nam); the per-account and
 * per-device limits are the tight ones.
 */

/** Login: 30 posts per IP burst, one more every 2 s. */
export const loginByIp = new TokenBucket('login-ip', 30, 2_000);
/**
 * Failed logins for one identifier from one IP: 5 free, then 30 s, 1, 2, 4 … minutes, capped at
 * 15 minutes, forgotten after an hour of quiet. Other IPs are not affected by this lock.
 */
export const loginFailuresByPair = new BackoffLock('login-pair', { free: 5, baseMs: 30_000, capMs: 15 * 60_000, forgetMs: 60 * 60_000 });
/**
 * Failed logins for one identifier from anywhere (a distributed guesser): 20 free, then back-off
 * capped at 15 minutes. A device the owner has already logged in or registered with is let
 * through this lock, so guessing from elsewhere cannot lock the owner out.
 */
export const loginFailuresByIdentifier = new BackoffLock('login-identifier', {
	free: 20,
	baseMs: 60_000,
	capMs: 15 * 60_000,
	forgetMs: 60 * 60_000
});

/**
 * Wrong current passwords on the profile form, per account: someone holding a stolen session
 * must not be able to guess the password there faster than at the login form.
 */
export const reauthFailuresByUser = new BackoffLock('reauth-user', { free: 5, baseMs: 30_000, capMs: 15 * 60_000, forgetMs: 60 * 60_000 });

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
export const registerByIp = new TokenBucket('register-ip', 60, 10_000);
export const registerByIpLong = new TokenBucket('register-ip-long', 200, 3 * 60_000);
export const registerByDevice = new TokenBucket('register-device', 3, 10 * 60_000);

/**
 * Forgotten passwords (users/password-help.ts). Entering a reset code: 20 posts per IP burst, one
 * more every 30 s; wrong codes per phone number back off like failed logins (5 free, then 30 s
 * doubling, capped at 15 minutes), so nobody can try codes against one account quickly from many
 * addresses either (the codes have 136 bits: the limits are for the noise, not the maths). Asking
 * for an email link: 10 per IP burst, one more every minute; 3 per address, one more every 10
 * minutes (nobody's inbox is flooded). Officers issuing codes: 30 at once, one more every minute.
 */
export const resetByIp = new TokenBucket('reset-ip', 20, 30_000);
export const resetFailuresByPhone = new BackoffLock('reset-phone', { free: 5, baseMs: 30_000, capMs: 15 * 60_000, forgetMs: 60 * 60_000 });
export const resetLinkByIp = new TokenBucket('reset-link-ip', 10, 60_000);
export const resetLinkByEmail = new TokenBucket('reset-link-email', 3, 10 * 60_000);
export const resetIssueByOfficer = new TokenBucket('reset-issue-officer', 30, 60_000);

const processes = () => config().SERVER_PROCESSES;

/**
 * Starting/resuming attempts: 10 per account burst, one more every 6 s; 600 per IP, 5 per second.
 * Autosaves and submits: 120 per account burst, 2 per second; 6000 per IP, 50 per second. The
 * account buckets are charged in the attempt's own write transaction (attempts/service.ts: one
 * row more in a commit that happens anyway). The IP buckets are per process, each process holding
 * its share: in the database they would be one row written by every request of a crowd behind one
 * address — on PostgreSQL a row lock all of them queue for — and one more page in every commit of
 * the hottest path, for a limit that is only a coarse backstop to the exact per-account one.
 */
export const attemptStartByUser = new TokenBucket('attempt-start-user', 10, 6_000);
export const attemptStartByIp = new ProcessBucket(600, 200, processes);
export const attemptWriteByUser = new TokenBucket('attempt-write-user', 120, 500);
export const attemptWriteByIp = new ProcessBucket(6_000, 20, processes);

/**
 * Practice answers (anyone, no account needed): per person — the account, else the device — 60 at
 * once, one more a second (nobody reads an explanation faster); per IP 600 at once, 10 a second
 * (a class practising together behind one address).
 */
export const practiceByPerson = new TokenBucket('practice-person', 60, 1_000);
export const practiceByIp = new TokenBucket('practice-ip', 600, 100);

/** Every bucket in the database, for the sweep (pruneLimits). */
const SHARED_BUCKETS = [
	loginByIp,
	registerByIp,
	registerByIpLong,
	registerByDevice,
	attemptStartByUser,
	attemptWriteByUser,
	practiceByPerson,
	practiceByIp,
	resetByIp,
	resetLinkByIp,
	resetLinkByEmail,
	resetIssueByOfficer
];
const SHARED_LOCKS = [loginFailuresByPair, loginFailuresByIdentifier, reauthFailuresByUser, resetFailuresByPhone];

/** Load tests and e2e runs from one machine would trip the limits; they can be turned off by env. */
export function limitsDisabled(): boolean {
	return process.env.HOITHI_DISABLE_RATE_LIMITS === '1';
}

/**
 * Takes one token from every bucket (key pairs) on `c` — inside the caller's transaction when it
 * has one; answers 0 or the longest wait in ms. Every bucket is charged even when an earlier one
 * refuses, so a flood keeps paying on all of its keys.
 */
export function* takeAll(c: Conn, checks: [Limit, string][], now = Date.now()): Program<number> {
	if (limitsDisabled()) return 0;
	let wait = 0;
	for (const [bucket, key] of checks) wait = Math.max(wait, yield* bucket.take(c, key, 1, now));
	return wait;
}

/** takeAll in a write transaction of its own (the login and registration forms). */
export function charge(db: Db, checks: [Limit, string][], now = Date.now()): Promise<number> {
	if (limitsDisabled()) return Promise.resolve(0);
	return exclusive(db, (c) => takeAll(c, checks, now));
}

/** Forgets the buckets that have refilled and the back-offs that are forgotten (the sweep). */
export async function pruneLimits(db: Db, now = Date.now()): Promise<number> {
	let n = 0;
	for (const b of SHARED_BUCKETS) n += await b.prune(db, now);
	for (const l of SHARED_LOCKS) n += await l.prune(db, now);
	return n;
}

/** Seconds for a Retry-After header (at least 1). */
export function retryAfterSeconds(ms: number): string {
	return String(Math.max(1, Math.ceil(ms / 1000)));
}
