import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalList, listHash, sha256Hex, type CanonicalList } from './canonical';

const entry = (position: number, userId: number) => ({
	position,
	category: 'person',
	tier: 0,
	tierName: 'Giải Nhất',
	userId,
	unitId: null,
	rank: position,
	score: 10,
	total: 10,
	durationMs: 61_000,
	prediction: 120,
	distance: 3,
	participants: null,
	target: null
});
const LIST: CanonicalList = { scope: 'round:7', contestId: 2, roundId: 7, actual: 117, entries: [entry(1, 40), entry(2, 41)] };

describe('canonical form', () => {
	it('sorts keys at every level and writes no whitespace', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: 'x' }], c: true } })).toBe('{"a":{"c":true,"d":[1,{"y":"x","z":null}]},"b":1}');
	});

	it('normalises strings to NFC, so the same text typed two ways hashes the same', () => {
		const decomposed = 'Giải Nhất'.normalize('NFD');
		expect(decomposed).not.toBe('Giải Nhất');
		expect(canonicalJson({ t: decomposed })).toBe(canonicalJson({ t: 'Giải Nhất' }));
	});

	it('is the same whatever order the entries and keys come in', () => {
		const shuffled: CanonicalList = {
			entries: [{ ...entry(2, 41) }, Object.fromEntries(Object.entries(entry(1, 40)).reverse()) as ReturnType<typeof entry>],
			actual: 117,
			roundId: 7,
			contestId: 2,
			scope: 'round:7'
		};
		expect(canonicalList(shuffled)).toBe(canonicalList(LIST));
		expect(listHash(shuffled)).toBe(listHash(LIST));
	});

	it('changes the hash when anything decided changes', () => {
		const h = listHash(LIST);
		expect(listHash({ ...LIST, entries: [entry(1, 40), { ...entry(2, 41), tierName: 'Giải Nhì' }] })).not.toBe(h);
		expect(listHash({ ...LIST, actual: 118 })).not.toBe(h);
		expect(listHash({ ...LIST, entries: [entry(1, 40)] })).not.toBe(h);
	});

	it('is SHA-256 of the UTF-8 text, as hex (a stable known value)', () => {
		expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(listHash(LIST)).toBe(sha256Hex(canonicalList(LIST)));
		expect(canonicalList(LIST).startsWith('{"actual":117,"contestId":2,"entries":[{"category":"person"')).toBe(true);
	});

	it('refuses values JSON cannot carry', () => {
		expect(() => canonicalJson({ x: Number.NaN })).toThrow();
	});
});
