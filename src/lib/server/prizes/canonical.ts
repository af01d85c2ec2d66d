import { createHash } from 'node:crypto';

/**
 * The canonical content of a prize list, and its SHA-256 (issue 16 item 5: a frozen list is stored
 * with the hash of its canonical content, so anyone holding the published list can check it).
 *
 * The canonical form, version 1 — JSON text with:
 * - keys of every object sorted by UTF-16 code unit order (JavaScript's default sort), at every level;
 * - no whitespace between tokens; strings NFC-normalised, escaped as JSON.stringify does;
 * - numbers as JSON.stringify writes them (integers only are stored: ms, counts, scores);
 *   `null` for a missing value, never an absent key;
 * - the top object `{ v: 1, scope, contestId, roundId, actual, entries }`, `entries` in list order
 *   (position ascending), each `{ position, category, tier, tierName, userId, unitId, rank, score,
 *   total, durationMs, prediction, distance, participants, target }` — who won what and why, never
 *   a name or a phone number (those may be corrected or erased without changing the decision).
 * The hash is lowercase hex of SHA-256 over the UTF-8 bytes of that text.
 */
const CANONICAL_VERSION = 1;

export interface CanonicalEntry {
	position: number;
	category: string;
	tier: number;
	tierName: string;
	userId: number | null;
	unitId: number | null;
	rank: number;
	score: number | null;
	total: number | null;
	durationMs: number | null;
	prediction: number | null;
	distance: number | null;
	participants: number | null;
	target: number | null;
}

export interface CanonicalList {
	scope: string;
	contestId: number;
	roundId: number | null;
	actual: number | null;
	entries: CanonicalEntry[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** JSON text with sorted keys, no whitespace, NFC strings (see above). */
export function canonicalJson(value: unknown): string {
	return write(value as Json);
}

function write(v: Json): string {
	if (v === null || v === undefined) return 'null';
	if (typeof v === 'string') return JSON.stringify(v.normalize('NFC'));
	if (typeof v === 'number') {
		if (!Number.isFinite(v)) throw new Error('canonical JSON has no place for ' + v);
		return JSON.stringify(v);
	}
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	if (Array.isArray(v)) return '[' + v.map(write).join(',') + ']';
	const keys = Object.keys(v).sort();
	return '{' + keys.map((k) => JSON.stringify(k.normalize('NFC')) + ':' + write(v[k] === undefined ? null : v[k])).join(',') + '}';
}

/** The list's canonical text: entries by position, every field present. */
export function canonicalList(list: CanonicalList): string {
	const entries = [...list.entries]
		.sort((a, b) => a.position - b.position)
		.map((e) => ({
			position: e.position,
			category: e.category,
			tier: e.tier,
			tierName: e.tierName,
			userId: e.userId ?? null,
			unitId: e.unitId ?? null,
			rank: e.rank,
			score: e.score ?? null,
			total: e.total ?? null,
			durationMs: e.durationMs ?? null,
			prediction: e.prediction ?? null,
			distance: e.distance ?? null,
			participants: e.participants ?? null,
			target: e.target ?? null
		}));
	return canonicalJson({
		v: CANONICAL_VERSION,
		scope: list.scope,
		contestId: list.contestId,
		roundId: list.roundId ?? null,
		actual: list.actual ?? null,
		entries
	});
}

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function listHash(list: CanonicalList): string {
	return sha256Hex(canonicalList(list));
}
