import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache';

describe('TtlCache', () => {
	it('computes once per key within the time to live, then again', async () => {
		let t = 0;
		let calls = 0;
		const cache = new TtlCache<number>(5000, 10, () => t);
		const compute = async () => ++calls;
		expect(await Promise.all([cache.get('a', compute), cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 1, 1]);
		t = 4999;
		expect(await cache.get('a', compute)).toBe(1);
		t = 5000;
		expect(await cache.get('a', compute)).toBe(2);
		expect(await cache.get('b', compute)).toBe(3);
	});
	it('forgets a failed computation', async () => {
		const cache = new TtlCache<number>(5000, 10, () => 0);
		await expect(cache.get('a', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
		expect(await cache.get('a', async () => 7)).toBe(7);
	});
	it('keeps at most maxEntries keys', async () => {
		let calls = 0;
		const cache = new TtlCache<number>(5000, 2, () => 0);
		const compute = async () => ++calls;
		await cache.get('a', compute);
		await cache.get('b', compute);
		await cache.get('c', compute);
		expect(await cache.get('a', compute)).toBe(4);
	});
});

describe('TtlCache.delete and clear', () => {
	it('forgets one key, or all of them', async () => {
		let calls = 0;
		const cache = new TtlCache<number, number>(10_000, 10, () => 0);
		const compute = async () => ++calls;
		await cache.get(1, compute);
		await cache.get(2, compute);
		cache.delete(1);
		expect(await cache.get(1, compute)).toBe(3);
		expect(await cache.get(2, compute)).toBe(2);
		cache.clear();
		expect(await cache.get(2, compute)).toBe(4);
	});
});

describe('TtlCache with stale-while-revalidate', () => {
	it('answers with the previous value at once while one refresh runs', async () => {
		let t = 0;
		let calls = 0;
		let release: () => void = () => {};
		const cache = new TtlCache<number>(1000, 10, () => t, true);
		expect(await cache.get('a', async () => ++calls)).toBe(1);
		t = 1500;
		const slow = () => new Promise<number>((r) => (release = () => r(++calls)));
		expect(await cache.get('a', slow)).toBe(1); // stale, not waiting
		expect(await cache.get('a', slow)).toBe(1); // the refresh is already running: no second one
		release();
		await new Promise((r) => setTimeout(r, 0));
		expect(calls).toBe(2);
		expect(await cache.get('a', slow)).toBe(2);
	});

	it('waits when there is no previous value or after delete', async () => {
		let calls = 0;
		const cache = new TtlCache<number>(1000, 10, () => 0, true);
		expect(await cache.get('a', async () => ++calls)).toBe(1);
		cache.delete('a');
		expect(await cache.get('a', async () => ++calls)).toBe(2);
	});
});
