import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../db';
import { buildAdversarialRound, floorMs, type AdversarialTruth } from './adversarial';

/**
 * The adversarial data set is only worth measuring on if it is what it claims: this checks the
 * small set, as written into a real SQLite file, against the properties the issue asks for.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-adversarial-'));
let db: Db;
let truth: AdversarialTruth;

interface AttemptFacts {
	id: number;
	userId: number;
	startedAt: number;
	submittedAt: number;
	durationMs: number;
	score: number;
	total: number;
	questions: number[];
	/** questionId → chosen option ids (sorted, joined). */
	choice: Map<number, string>;
	correct: Map<number, string>;
	chars: number;
	saves: number[];
}

let byUser: Map<number, AttemptFacts[]>;

async function loadAttempts(): Promise<Map<number, AttemptFacts[]>> {
	const rows = await db
		.selectFrom('attempts')
		.select(['id', 'user_id', 'started_at', 'submitted_at', 'duration_ms', 'score', 'total', 'status'])
		.where('round_id', '=', truth.roundId)
		.orderBy('started_at')
		.execute();
	const items = await db
		.selectFrom('attempt_questions as aq')
		.innerJoin('attempts as a', 'a.id', 'aq.attempt_id')
		.innerJoin('question_versions as v', 'v.id', 'aq.question_version_id')
		.select(['aq.attempt_id', 'aq.question_id', 'v.stem', 'v.options_json'])
		.where('a.round_id', '=', truth.roundId)
		.execute();
	const answers = await db
		.selectFrom('attempt_answers as x')
		.innerJoin('attempts as a', 'a.id', 'x.attempt_id')
		.select(['x.attempt_id', 'x.question_id', 'x.option_ids_json', 'x.saved_at'])
		.where('a.round_id', '=', truth.roundId)
		.execute();
	const facts = new Map<number, AttemptFacts>();
	for (const r of rows) {
		expect(r.status).toBe('submitted');
		facts.set(r.id, {
			id: r.id,
			userId: r.user_id,
			startedAt: r.started_at,
			submittedAt: r.submitted_at!,
			durationMs: r.duration_ms!,
			score: r.score!,
			total: r.total,
			questions: [],
			choice: new Map(),
			correct: new Map(),
			chars: 0,
			saves: []
		});
	}
	for (const it of items) {
		const f = facts.get(it.attempt_id)!;
		const options = JSON.parse(it.options_json) as { id: string; text: string; correct: boolean }[];
		f.questions.push(it.question_id);
		f.correct.set(
			it.question_id,
			options
				.filter((o) => o.correct)
				.map((o) => o.id)
				.sort()
				.join('+')
		);
		f.chars += it.stem.length + options.reduce((n, o) => n + o.text.length, 0);
	}
	for (const a of answers) {
		const f = facts.get(a.attempt_id)!;
		f.choice.set(a.question_id, (JSON.parse(a.option_ids_json) as string[]).sort().join('+'));
		f.saves.push(a.saved_at);
	}
	const out = new Map<number, AttemptFacts[]>();
	for (const f of facts.values()) {
		f.saves.sort((a, b) => a - b);
		let l = out.get(f.userId);
		if (!l) out.set(f.userId, (l = []));
		l.push(f);
	}
	return out;
}

const attemptsOf = (ids: number[]) => ids.flatMap((id) => byUser.get(id) ?? []);
const perfect = (a: AttemptFacts) => a.score === a.total && a.total > 0;

beforeAll(async () => {
	db = openDatabase(path.join(dir, 'small.db'));
	await migrateToLatest(db);
	truth = await buildAdversarialRound(db, { seed: 7, size: 'small' });
	byUser = await loadAttempts();
}, 60_000);

afterAll(async () => {
	await db.destroy();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('the adversarial data set (small)', () => {
	it('has 30 honest people and every pattern, each person in one group only, each with attempts', () => {
		expect(truth.honest).toHaveLength(30);
		expect(Object.fromEntries(Object.entries(truth.patterns).map(([k, v]) => [k, v.length]))).toEqual({
			sharingGroup: 4,
			proxy: 8,
			multiAccount: 6,
			speedBot: 1,
			slowedCheater: 1
		});
		const all = [truth.honest, ...Object.values(truth.patterns)].flat();
		expect(new Set(all).size).toBe(all.length);
		for (const id of all) expect(byUser.get(id)?.length ?? 0, `user ${id}`).toBeGreaterThan(0);
	});

	it('writes what production writes: a register event per person, an attempt_start per attempt with keyed device and IP hashes', async () => {
		const events = await db.selectFrom('access_events').select(['kind', 'user_id', 'attempt_id', 'device_hash', 'ip_hash']).execute();
		const all = [truth.honest, ...Object.values(truth.patterns)].flat();
		const registered = new Set(events.filter((e) => e.kind === 'register').map((e) => e.user_id));
		for (const id of all) expect(registered.has(id), `user ${id}`).toBe(true);
		const starts = new Set(events.filter((e) => e.kind === 'attempt_start').map((e) => e.attempt_id));
		for (const a of attemptsOf(all)) expect(starts.has(a.id), `attempt ${a.id}`).toBe(true);
		for (const e of events) {
			expect(e.device_hash).toMatch(/^[0-9a-f]{64}$/);
			expect(e.ip_hash).toMatch(/^[0-9a-f]{64}$/);
		}
		// Attempt ids follow time, as in a real round.
		const rows = await db.selectFrom('attempts').select(['id', 'started_at']).where('round_id', '=', truth.roundId).orderBy('id').execute();
		for (let i = 1; i < rows.length; i++) expect(rows[i].started_at).toBeGreaterThanOrEqual(rows[i - 1].started_at);
	});

	it('gives honest people independent sheets: no two attempts with the same question set; ordinary scores and speeds', () => {
		const honest = attemptsOf(truth.honest);
		expect(honest.length).toBeGreaterThan(40);
		const sets = honest.map((a) => [...a.questions].sort((x, y) => x - y).join(','));
		expect(new Set(sets).size).toBe(sets.length);
		// Ordinary people: a spread of scores, few perfect sheets, all slower than the reading floor.
		const scores = new Set(honest.map((a) => a.score));
		expect(scores.size).toBeGreaterThanOrEqual(4);
		expect(honest.filter(perfect).length / honest.length).toBeLessThan(0.3);
		for (const a of honest) expect(a.durationMs, `attempt ${a.id}`).toBeGreaterThan(floorMs(a.chars, a.choice.size));
	});

	it('puts honest people behind few shared addresses, unevenly, and seats a class side by side at one of them', async () => {
		const starts = await db
			.selectFrom('access_events')
			.select(['user_id', 'ip_hash', 'at'])
			.where('kind', '=', 'attempt_start')
			.where('user_id', 'in', truth.honest)
			.execute();
		const perIp = new Map<string, Set<number>>();
		for (const s of starts) {
			let set = perIp.get(s.ip_hash!);
			if (!set) perIp.set(s.ip_hash!, (set = new Set()));
			set.add(s.user_id);
		}
		expect(perIp.size).toBe(5);
		const sizes = [...perIp.values()].map((s) => s.size).sort((a, b) => a - b);
		expect(sizes[sizes.length - 1]).toBeGreaterThan(2 * sizes[0]);
		// The class: 6 different accounts starting within 3 minutes at one address.
		const busiest = [...perIp.entries()].map(([ip]) => {
			const times = starts.filter((s) => s.ip_hash === ip).sort((a, b) => a.at - b.at);
			let best = 0;
			for (let i = 0; i < times.length; i++) {
				const users = new Set(times.filter((t) => t.at >= times[i].at && t.at - times[i].at <= 3 * 60_000).map((t) => t.user_id));
				best = Math.max(best, users.size);
			}
			return best;
		});
		expect(Math.max(...busiest)).toBeGreaterThanOrEqual(6);
	});

	it('makes the sharing group start within 40 s and hand in within 35 s, with one choice on every shared question', () => {
		const members = truth.patterns.sharingGroup;
		const sessions = members.map((id) => byUser.get(id)!);
		expect(sessions.every((s) => s.length === 3)).toBe(true);
		for (let k = 0; k < 3; k++) {
			const at = sessions.map((s) => s[k]);
			const span = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
			expect(span(at.map((a) => a.startedAt))).toBeLessThanOrEqual(40_000);
			expect(span(at.map((a) => a.submittedAt))).toBeLessThanOrEqual(35_000);
		}
		// Independent draws: the sets differ; on the questions two members share, the same choice.
		const all = attemptsOf(members);
		const sets = all.map((a) => [...a.questions].sort((x, y) => x - y).join(','));
		expect(new Set(sets).size).toBe(sets.length);
		let shared = 0;
		let sharedWrong = 0;
		for (let i = 0; i < all.length; i++)
			for (let j = i + 1; j < all.length; j++) {
				if (all[i].userId === all[j].userId) continue;
				for (const q of all[i].questions) {
					if (!all[j].questions.includes(q)) continue;
					shared++;
					expect(all[i].choice.get(q), `question ${q}`).toBe(all[j].choice.get(q));
					if (all[i].choice.get(q) !== all[i].correct.get(q)) sharedWrong++;
				}
			}
		expect(shared).toBeGreaterThanOrEqual(5);
		expect(sharedWrong).toBeGreaterThan(0);
		expect(all.some((a) => !perfect(a))).toBe(true);
	});

	it('makes the proxy take 8 accounts strictly one after another from one address, each on a device the account never used, all perfect', async () => {
		const ids = truth.patterns.proxy;
		const all = attemptsOf(ids).sort((a, b) => a.startedAt - b.startedAt);
		expect(all).toHaveLength(8);
		expect(new Set(all.map((a) => a.userId)).size).toBe(8);
		for (let i = 1; i < all.length; i++) expect(all[i].startedAt).toBeGreaterThan(all[i - 1].submittedAt);
		expect(all.every(perfect)).toBe(true);
		const events = await db
			.selectFrom('access_events')
			.select(['user_id', 'kind', 'at', 'device_hash', 'ip_hash', 'attempt_id'])
			.where('user_id', 'in', ids)
			.orderBy('at')
			.execute();
		const startEvents = events.filter((e) => e.kind === 'attempt_start');
		expect(new Set(startEvents.map((e) => e.ip_hash)).size).toBe(1);
		for (const s of startEvents) {
			const before = events.filter((e) => e.user_id === s.user_id && e.at < s.at);
			// Only the sign-in just before the start has seen this device.
			expect(before.filter((e) => e.device_hash === s.device_hash).map((e) => e.kind)).toEqual(['login']);
			expect(before.some((e) => e.kind === 'register')).toBe(true);
		}
	});

	it('makes the speed bot perfect, near the reading floor, every answer saved within a second, attempts back to back', () => {
		const all = attemptsOf(truth.patterns.speedBot);
		expect(all).toHaveLength(3);
		for (const a of all) {
			expect(perfect(a)).toBe(true);
			const floor = floorMs(a.chars, a.choice.size);
			expect(a.durationMs / floor).toBeGreaterThan(0.85);
			expect(a.durationMs / floor).toBeLessThan(1.12);
			expect(a.saves[a.saves.length - 1] - a.saves[0]).toBeLessThanOrEqual(1_000);
			expect(a.submittedAt - a.saves[a.saves.length - 1]).toBeLessThan(1_000);
		}
		for (let i = 1; i < all.length; i++) expect(all[i].startedAt - all[i - 1].submittedAt).toBeLessThan(5_000);
	});

	it('places the slowed-down cheater just above the reading floor, perfect, answers spaced by question length', () => {
		const all = attemptsOf(truth.patterns.slowedCheater);
		expect(all.length).toBeGreaterThanOrEqual(2);
		for (const a of all) {
			expect(perfect(a)).toBe(true);
			const ratio = a.durationMs / floorMs(a.chars, a.choice.size);
			expect(ratio).toBeGreaterThan(1);
			expect(ratio).toBeLessThan(1.25);
		}
	});

	it('gives the person with several accounts near-match identities, registered shortly after each other', async () => {
		const people = await db
			.selectFrom('users')
			.select(['id', 'full_name', 'birth_date', 'created_at', 'phone'])
			.where('id', 'in', truth.patterns.multiAccount)
			.orderBy('id')
			.execute();
		const [base, ...rest] = people;
		const [y, m, d] = base.birth_date.split('-');
		const initials = base.full_name.split(' ');
		expect(initials[1]).toBe('Thị');
		expect(rest.map((p) => [p.full_name, p.birth_date])).toEqual([
			[base.full_name, `${y}-${m}-${String(Number(d) + 1).padStart(2, '0')}`],
			[base.full_name, `${y}-${d}-${m}`],
			[initials.filter((w) => w !== 'Thị').join(' '), base.birth_date],
			[[initials[0], 'Thị', initials[2][0] + '.', initials[3]].join(' '), base.birth_date],
			[base.full_name, `${Number(y) + 1}-${m}-${d}`]
		]);
		expect(new Set(people.map((p) => p.phone)).size).toBe(6);
		expect(people[5].created_at - people[0].created_at).toBeLessThan(2 * 24 * 60 * 60 * 1000);
	});

	it('is deterministic given the seed', async () => {
		const other = openDatabase(path.join(dir, 'again.db'));
		await migrateToLatest(other);
		const again = await buildAdversarialRound(other, { seed: 7, size: 'small' });
		const summary = async (d: Db, t: AdversarialTruth) =>
			d
				.selectFrom('attempts')
				.innerJoin('users', 'users.id', 'attempts.user_id')
				.select(['users.full_name', 'users.birth_date', 'attempts.started_at', 'attempts.submitted_at', 'attempts.score'])
				.where('attempts.round_id', '=', t.roundId)
				.orderBy('attempts.id')
				.execute();
		expect(await summary(other, again)).toEqual(await summary(db, truth));
		await other.destroy();
	});
});
