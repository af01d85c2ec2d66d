import { describe, it, expect } from 'vitest';
import { TokenBucket } from './rate-limit';

const T0 = 1_000_000;

describe('TokenBucket', () => {
	it('allows `max` requests, then refuses', () => {
		const bucket = new TokenBucket(3, 60_000);
		expect(bucket.consume('ip:1', 1, T0)).toBe(true);
		expect(bucket.consume('ip:1', 1, T0)).toBe(true);
		expect(bucket.consume('ip:1', 1, T0)).toBe(true);
		expect(bucket.consume('ip:1', 1, T0)).toBe(false);
		expect(bucket.consume('ip:1', 1, T0 + 1_000)).toBe(false);
	});

	it('refills one token per interval', () => {
		const bucket = new TokenBucket(2, 60_000);
		bucket.consume('k', 1, T0);
		bucket.consume('k', 1, T0);
		expect(bucket.consume('k', 1, T0 + 59_999)).toBe(false);
		expect(bucket.consume('k', 1, T0 + 60_000)).toBe(true);
		expect(bucket.consume('k', 1, T0 + 60_001)).toBe(false);
		expect(bucket.consume('k', 1, T0 + 120_000)).toBe(true);
	});

	it('keeps partial intervals towards the next token', () => {
		const bucket = new TokenBucket(1, 60_000);
		bucket.consume('k', 1, T0);
		// A refused request at 30 s must not reset the clock: the token arrives at 60 s.
		expect(bucket.consume('k', 1, T0 + 30_000)).toBe(false);
		expect(bucket.consume('k', 1, T0 + 60_000)).toBe(true);
	});

	it('refills several tokens after several intervals, but never above max', () => {
		const bucket = new TokenBucket(3, 1_000);
		for (let i = 0; i < 3; i++) bucket.consume('k', 1, T0);
		const later = T0 + 10_000;
		expect(bucket.consume('k', 1, later)).toBe(true);
		expect(bucket.consume('k', 1, later)).toBe(true);
		expect(bucket.consume('k', 1, later)).toBe(true);
		expect(bucket.consume('k', 1, later)).toBe(false);
	});

	it('keeps keys independent', () => {
		const bucket = new TokenBucket(1, 60_000);
		expect(bucket.consume('phone:+84912345678', 1, T0)).toBe(true);
		expect(bucket.consume('phone:+84912345678', 1, T0)).toBe(false);
		expect(bucket.consume('phone:+84987654321', 1, T0)).toBe(true);
		expect(bucket.consume('ip:10.0.0.1', 1, T0)).toBe(true);
	});

	it('charges a larger cost in one go and refuses when not enough tokens remain', () => {
		const bucket = new TokenBucket(5, 60_000);
		expect(bucket.consume('k', 3, T0)).toBe(true);
		expect(bucket.consume('k', 3, T0)).toBe(false);
		expect(bucket.consume('k', 2, T0)).toBe(true);
		expect(bucket.consume('k', 1, T0)).toBe(false);
	});

	it('gives a full bucket again after reset', () => {
		const bucket = new TokenBucket(2, 60_000);
		bucket.consume('k', 1, T0);
		bucket.consume('k', 1, T0);
		expect(bucket.consume('k', 1, T0)).toBe(false);
		bucket.reset('k');
		expect(bucket.consume('k', 1, T0)).toBe(true);
		expect(bucket.consume('k', 1, T0)).toBe(true);
		expect(bucket.consume('k', 1, T0)).toBe(false);
	});

	it('resets only the given key', () => {
		const bucket = new TokenBucket(1, 60_000);
		bucket.consume('a', 1, T0);
		bucket.consume('b', 1, T0);
		bucket.reset('a');
		expect(bucket.consume('a', 1, T0)).toBe(true);
		expect(bucket.consume('b', 1, T0)).toBe(false);
	});
});

describe('TokenBucket.take', () => {
	it('answers 0 while tokens last, then the wait until the next token', () => {
		const bucket = new TokenBucket(2, 10_000);
		expect(bucket.take('k', 1, T0)).toBe(0);
		expect(bucket.take('k', 1, T0)).toBe(0);
		expect(bucket.take('k', 1, T0 + 4_000)).toBe(6_000);
		expect(bucket.take('k', 1, T0 + 10_000)).toBe(0);
	});
});
