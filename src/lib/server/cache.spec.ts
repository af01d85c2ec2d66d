import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache';

describe('TtlCache', () => {
	it('computes once for concurrent callers and reuses the value within the TTL', async () => {
		const cache = new TtlCache<string, number>(1000);
		let calls = 0;
		const compute = async () => ++calls;
		const [a, b] = await Promise.all([cache.get('k', compute, 0), cache.get('k', compute, 10)]);
		expect([a, b, calls]).toEqual([1, 1, 1]);
		expect(await cache.get('k', compute, 999)).toBe(1);
		expect(await cache.get('k', compute, 1000)).toBe(2);
	});

	it('does not keep a failed computation', async () => {
		const cache = new TtlCache<string, number>(1000);
		await expect(cache.get('k', async () => Promise.reject(new Error('x')), 0)).rejects.toThrow('x');
		await Promise.resolve();
		expect(await cache.get('k', async () => 5, 1)).toBe(5);
	});

	it('keeps at most `max` keys, dropping the oldest', async () => {
		const cache = new TtlCache<number, number>(10_000, 2);
		let calls = 0;
		const compute = async () => ++calls;
		await cache.get(1, compute, 0);
		await cache.get(2, compute, 0);
		await cache.get(3, compute, 0);
		await cache.get(2, compute, 1);
		expect(calls).toBe(3);
		await cache.get(1, compute, 1);
		expect(calls).toBe(4);
	});

	it('forgets everything on clear', async () => {
		const cache = new TtlCache<string, number>(10_000);
		let calls = 0;
		await cache.get('k', async () => ++calls, 0);
		cache.clear();
		await cache.get('k', async () => ++calls, 1);
		expect(calls).toBe(2);
	});
});
