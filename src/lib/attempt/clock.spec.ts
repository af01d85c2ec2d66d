import { describe, expect, it } from 'vitest';
import { ServerClock, clockText, dueWarning } from './clock';

describe('ServerClock', () => {
	it('follows the server, not a phone clock that is hours off', () => {
		let local = 1_000_000 + 3 * 3_600_000; // phone three hours fast
		const clock = new ServerClock(() => local);
		const serverNow = 1_000_000;
		// 200 ms round trip: the server's "now" is taken as the middle of it, i.e. this local instant.
		clock.sync(serverNow, local - 100, local + 100);
		expect(clock.now()).toBe(serverNow);
		local += 60_000;
		expect(clock.now()).toBe(serverNow + 60_000);
		expect(clock.left(serverNow + 15 * 60_000)).toBe(14 * 60_000);
	});

	it('keeps the estimate from the fastest round trip', () => {
		const clock = new ServerClock(() => 0);
		clock.sync(5_000, 0, 200); // offset 4900
		clock.sync(9_999, 0, 2_000); // slower: ignored
		expect(clock.now()).toBe(4_900);
		clock.sync(5_010, 0, 20); // faster: taken
		expect(clock.now()).toBe(5_000);
	});

	it('never reports negative time left', () => {
		const clock = new ServerClock(() => 10_000);
		expect(clock.left(5_000)).toBe(0);
	});
});

describe('countdown text and warnings', () => {
	it('formats mm:ss rounding up, so 0:00 means really no time', () => {
		expect(clockText(15 * 60_000)).toBe('15:00');
		expect(clockText(59_001)).toBe('01:00');
		expect(clockText(1)).toBe('00:01');
		expect(clockText(-5)).toBe('00:00');
	});

	it('warns once at five minutes and once at one minute', () => {
		expect(dueWarning(6 * 60_000, { five: false, one: false })).toBeNull();
		expect(dueWarning(5 * 60_000, { five: false, one: false })).toBe('five');
		expect(dueWarning(4 * 60_000, { five: true, one: false })).toBeNull();
		expect(dueWarning(60_000, { five: true, one: false })).toBe('one');
		expect(dueWarning(30_000, { five: false, one: false })).toBe('one');
		expect(dueWarning(30_000, { five: true, one: true })).toBeNull();
		expect(dueWarning(0, { five: false, one: false })).toBeNull();
	});
});
