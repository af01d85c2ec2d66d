import { describe, expect, it } from 'vitest';
import { BackoffLock } from './backoff';

const T0 = 5_000_000;
const MIN = 60_000;

describe('BackoffLock', () => {
	const make = () => new BackoffLock({ free: 3, baseMs: 30_000, capMs: 15 * MIN, forgetMs: 60 * MIN });

	it('lets the first failures through without a lock', () => {
		const lock = make();
		for (let i = 0; i < 3; i++) lock.fail('k', T0);
		expect(lock.retryAfter('k', T0)).toBe(0);
	});

	it('doubles the lock with each further failure', () => {
		const lock = make();
		for (let i = 0; i < 4; i++) lock.fail('k', T0);
		expect(lock.retryAfter('k', T0)).toBe(30_000);
		lock.fail('k', T0 + 30_000);
		expect(lock.retryAfter('k', T0 + 30_000)).toBe(60_000);
		lock.fail('k', T0 + 90_000);
		expect(lock.retryAfter('k', T0 + 90_000)).toBe(120_000);
	});

	it('never locks longer than the cap, however many failures', () => {
		const lock = make();
		let t = T0;
		for (let i = 0; i < 200; i++) {
			lock.fail('k', t);
			expect(lock.retryAfter('k', t)).toBeLessThanOrEqual(15 * MIN);
			t += 1_000;
		}
		// An attacker who keeps failing keeps the lock at the cap, but it still ends on its own.
		expect(lock.retryAfter('k', t - 1_000 + 15 * MIN)).toBe(0);
	});

	it('forgets failures after a quiet period', () => {
		const lock = make();
		for (let i = 0; i < 10; i++) lock.fail('k', T0);
		expect(lock.retryAfter('k', T0 + 60 * MIN)).toBe(0);
		lock.fail('k', T0 + 60 * MIN);
		expect(lock.retryAfter('k', T0 + 60 * MIN)).toBe(0);
	});

	it('keeps keys apart and clears a key on reset', () => {
		const lock = make();
		for (let i = 0; i < 5; i++) lock.fail('a', T0);
		expect(lock.retryAfter('a', T0)).toBeGreaterThan(0);
		expect(lock.retryAfter('b', T0)).toBe(0);
		lock.reset('a');
		expect(lock.retryAfter('a', T0)).toBe(0);
	});
});
