import type { Db } from '../db';
import type { Gender, QuestionKind } from '../db/types';
import * as users from '../users/users';
import * as attempts from '../attempts/service';
import * as contests from '../contests/contests';
import * as questions from '../questions/questions';
import { clearCaches } from '../cache';
import { hashPassword } from '../auth/password';
import { recordEvent } from '../auth/access-events';
import { audit } from '../audit';
import { hashDevice, hashIp, type Fingerprint } from '../auth/fingerprint';
import { seededRng, type Rng } from '../questions/draw';
import { foldVietnamese } from '../../vn/text';
import { CONSENT_VERSION } from '../../schemas/auth';
import * as roundBest from '../leaderboards/round-best';
import { seedUnitsAndBank } from './base';

/**
 * A synthetic adversarial round for measuring the fairness report (issue 18, item 7): ordinary
 * people behind shared school, office and carrier addresses with independent, realistic answers
 * and timings, plus one planted case of each cheat pattern the issue names. Everything goes
 * through the same writes production makes (users, access events with keyed device/IP hashes,
 * attempts started, autosaved and handed in through the attempt service), in time order, so
 * ids and timestamps look like a real round's. Every person's question draw and answers come
 * from their own random stream (`Sim.rng(...)`), never from one shared generator: no two sheets
 * are alike unless a pattern makes them so.
 *
 * Deterministic given `seed` (apart from the bank's random option ids, which the import makes).
 */

export const PATTERNS = ['sharingGroup', 'proxy', 'multiAccount', 'speedBot', 'slowedCheater'] as const;
export type PatternName = (typeof PATTERNS)[number];

export interface AdversarialTruth {
	roundId: number;
	contestId: number;
	/** Every honest participant (including the computer-room class). */
	honest: number[];
	/** The accounts of each planted pattern. */
	patterns: Record<PatternName, number[]>;
}

export interface AdversarialOptions {
	seed?: number;
	/** full: 150 honest behind 15 addresses; small: 30 behind 5 (for tests). */
	size?: 'full' | 'small';
	/** The round closes at `now` and opened 7 days before. Fixed by default, for determinism. */
	now?: number;
	/** Round settings the detectors might depend on. */
	revealPolicy?: 'after_submit' | 'after_close';
	/** Which patterns to plant (all by default); a pattern left out has an empty list in the truth. */
	include?: readonly PatternName[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Hanoi is UTC+7 all year. */
const HANOI = 7 * HOUR;
const DEFAULT_NOW = Date.UTC(2026, 10, 22, 15, 0); // Sunday 22:00 in Hanoi

/**
 * The too-fast floor of the report as it was when this data set was written (detectors.ts
 * FAST_RULES: 50 characters a second plus 1.5 s per answered question). The slowed-down cheater
 * is placed just above it, the bot near it; copied here so the data set stays what it is when
 * the detectors change.
 */
const FLOOR_AT_WRITING = { charsPerSecond: 50, msPerQuestion: 1_500 } as const;
export function floorMs(chars: number, answered: number): number {
	return (chars / FLOOR_AT_WRITING.charsPerSecond) * 1000 + answered * FLOOR_AT_WRITING.msPerQuestion;
}

// ---------------------------------------------------------------- random helpers

/** FNV-1a over the parts: the seed of one independent stream. */
function hashParts(parts: readonly (string | number)[]): number {
	let h = 0x811c9dc5;
	for (const ch of parts.join('\u0001')) {
		h ^= ch.codePointAt(0)!;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

function streamRng(...parts: (string | number)[]): Rng {
	const rng = seededRng(hashParts(parts));
	rng(); // the first output of mulberry32 is weakly mixed for nearby seeds
	return rng;
}

const uniform = (rng: Rng, a: number, b: number) => a + (b - a) * rng();
const int = (rng: Rng, a: number, b: number) => Math.floor(uniform(rng, a, b + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
function normal(rng: Rng): number {
	const u = Math.max(rng(), 1e-12);
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
const logNormal = (rng: Rng, median: number, sigma: number) => median * Math.exp(sigma * normal(rng));
function weighted<T>(rng: Rng, items: readonly T[], weight: (x: T) => number): T {
	const total = items.reduce((s, x) => s + weight(x), 0);
	let r = rng() * total;
	for (const x of items) {
		r -= weight(x);
		if (r <= 0) return x;
	}
	return items[items.length - 1];
}
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** A device id as the hooks make it: 32 characters of base32 (fingerprint.ts ensureDeviceId). */
function deviceId(rng: Rng): string {
	const abc = 'abcdefghijklmnopqrstuvwxyz234567';
	let s = '';
	for (let i = 0; i < 32; i++) s += abc[Math.floor(rng() * 32)];
	return s;
}

// ---------------------------------------------------------------- people

const FAMILY: [string, number][] = [
	['Nguyễn', 38],
	['Trần', 11],
	['Lê', 9],
	['Phạm', 7],
	['Hoàng', 5],
	['Vũ', 4],
	['Phan', 4],
	['Đặng', 3],
	['Bùi', 3],
	['Đỗ', 3],
	['Ngô', 2],
	['Dương', 2],
	['Đinh', 2],
	['Lý', 1],
	['Hà', 1],
	['Trịnh', 1],
	['Đào', 1],
	['Tạ', 1]
];
const MIDDLE_F = ['Thu', 'Ngọc', 'Thanh', 'Minh', 'Phương', 'Hồng', 'Kim', 'Bích', 'Hải', 'Diệu', 'Khánh', 'Lan'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thành', 'Tuấn', 'Ngọc', 'Duy', 'Xuân'];
const GIVEN_F = [
	'Hằng',
	'Lan',
	'Hương',
	'Mai',
	'Thảo',
	'Linh',
	'Trang',
	'Hà',
	'Yến',
	'Phương',
	'Nhung',
	'Dung',
	'Huyền',
	'Ngân',
	'Oanh',
	'Vân',
	'Anh',
	'Giang',
	'Hạnh',
	'Hoa',
	'Loan',
	'Ly',
	'Nga',
	'Quyên',
	'Thủy',
	'Tâm',
	'Chi',
	'Nhi',
	'Vy',
	'Uyên'
];
const GIVEN_M = ['Nam', 'Hùng', 'Dũng', 'Tuấn', 'Long', 'Sơn', 'Khánh', 'Phúc', 'Minh', 'Đạt', 'Hiếu', 'Quân', 'Thắng', 'Trung'];
/** Mobile prefixes in use in Viet Nam (Viettel, Vinaphone, MobiFone, Vietnamobile). */
const PHONE_PREFIXES = [
	'32',
	'33',
	'34',
	'35',
	'36',
	'37',
	'38',
	'39',
	'70',
	'76',
	'77',
	'78',
	'79',
	'81',
	'82',
	'83',
	'84',
	'85',
	'86',
	'88',
	'89',
	'90',
	'91',
	'93',
	'94',
	'96',
	'97',
	'98'
];

export interface Identity {
	fullName: string;
	birthDate: string;
	gender: Gender;
	unitId: number;
}

function drawName(rng: Rng, gender: Gender, opts: { thi?: boolean } = {}): string {
	const family = weighted(rng, FAMILY, (f) => f[1])[0];
	if (gender === 'male') return `${family} ${pick(rng, MIDDLE_M)} ${pick(rng, GIVEN_M)}`;
	const thi = opts.thi ?? rng() < 0.6;
	const middle = thi ? (rng() < 0.4 || opts.thi ? `Thị ${pick(rng, MIDDLE_F)}` : 'Thị') : pick(rng, MIDDLE_F);
	return `${family} ${middle} ${pick(rng, GIVEN_F)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
function drawBirthDate(rng: Rng, years: [number, number]): string {
	return `${int(rng, years[0], years[1])}-${pad(int(rng, 1, 12))}-${pad(int(rng, 1, 28))}`;
}

// ---------------------------------------------------------------- the bank as the simulation sees it

interface BankQuestion {
	id: number;
	kind: QuestionKind;
	/** Characters of stem and options: what the report's reading floor counts. */
	chars: number;
	correct: string[];
	wrong: string[];
	/** How hard the question is for people (logit scale): the bank's level plus its own quirks. */
	hardness: number;
	/** Attraction of each wrong option: one or two plausible distractors, the rest rarely chosen. */
	pull: Map<string, number>;
}

async function loadBank(db: Db, seed: number): Promise<Map<number, BankQuestion>> {
	const pool = await questions.listDrawPool(db);
	const versions = await questions.getVersions(
		db,
		pool.map((p) => p.versionId)
	);
	const bank = new Map<number, BankQuestion>();
	for (const p of pool) {
		const v = versions.get(p.versionId)!;
		// Keyed by question id and option position, not by the random option ids: the same for every seed run.
		const rng = streamRng(seed, 'question', p.id);
		const pull = new Map<string, number>();
		v.options.forEach((o) => {
			if (!o.correct) pull.set(o.id, Math.exp(1.3 * normal(rng)));
		});
		bank.set(p.id, {
			id: p.id,
			kind: v.kind,
			chars: v.stem.length + v.options.reduce((n, o) => n + o.text.length, 0),
			correct: v.options.filter((o) => o.correct).map((o) => o.id),
			wrong: v.options.filter((o) => !o.correct).map((o) => o.id),
			hardness: (p.difficulty - 2) * 0.8 + 0.6 * normal(rng),
			pull
		});
	}
	return bank;
}

/** A plausible wrong answer: the attractive distractors more often; for several-answer questions a partial or padded set. */
function wrongAnswer(q: BankQuestion, rng: Rng): string[] {
	const distractor = () => weighted(rng, q.wrong, (o) => q.pull.get(o) ?? 1);
	if (q.kind !== 'multiple' || q.correct.length === 0) return q.wrong.length ? [distractor()] : q.correct.slice(0, 1);
	const r = rng();
	if (r < 0.5 && q.correct.length > 1) {
		const drop = Math.floor(rng() * q.correct.length);
		return q.correct.filter((_, i) => i !== drop);
	}
	if (q.wrong.length && r < 0.85) return [...q.correct, distractor()];
	return q.wrong.length ? [distractor(), ...(rng() < 0.5 ? [q.correct[0]] : [])] : q.correct.slice(0, 1);
}

/** Chance that a person of `ability` gets `q` right (a guessing floor, then a logistic curve). */
function pRight(ability: number, q: BankQuestion): number {
	return 0.2 + 0.8 * logistic(1.3 * (ability - q.hardness));
}

// ---------------------------------------------------------------- the simulation

export interface ShownQuestion {
	q: BankQuestion;
	/** Option ids in the order this attempt shows them. */
	shown: string[];
}

/** What one attempt does after it started: answer saves (several per question when someone changes their mind) and the hand-in. */
export interface SheetPlan {
	saves: { at: number; questionId: number; optionIds: string[] }[];
	submitAt: number;
}

interface RoundFacts {
	id: number;
	contestId: number;
	opensAt: number;
	closesAt: number;
	timeLimitMs: number;
	revealAfterSubmit: boolean;
	predicts: boolean;
}

/**
 * The event queue that writes a round in time order. Patterns schedule actions (`at`); an
 * action may schedule more (a save after a start, the next attempt after a hand-in). `run()`
 * executes them all in order of time.
 */
export class Sim {
	private queue: { at: number; seq: number; fn: () => Promise<void> }[] = [];
	private seq = 0;
	private phones = new Set<string>();
	private sorted = true;
	private constructor(
		readonly db: Db,
		readonly round: RoundFacts,
		readonly bank: Map<number, BankQuestion>,
		readonly seed: number,
		readonly units: number[],
		private passwordHash: string
	) {}

	static async open(db: Db, roundId: number, opts: { seed: number; passwordHash?: string }): Promise<Sim> {
		const round = await contests.findRound(db, roundId);
		if (!round) throw new Error(`No round ${roundId}`);
		const unitRows = await db.selectFrom('units').select(['id']).where('parent_id', 'is not', null).orderBy('code').execute();
		const sim = new Sim(
			db,
			{
				id: round.id,
				contestId: round.contestId,
				opensAt: round.opensAt,
				closesAt: round.closesAt,
				timeLimitMs: round.timeLimitSeconds * 1000,
				revealAfterSubmit: round.revealPolicy === 'after_submit',
				predicts: round.predictionKind != null
			},
			await loadBank(db, opts.seed),
			opts.seed,
			unitRows.map((u) => u.id),
			opts.passwordHash ?? (await hashPassword(`adversarial-${opts.seed}`))
		);
		for (const r of await db.selectFrom('users').select('phone').execute()) sim.phones.add(r.phone);
		return sim;
	}

	/** An independent random stream for one purpose of one actor. */
	rng(...parts: (string | number)[]): Rng {
		return streamRng(this.seed, ...parts);
	}

	at(at: number, fn: () => Promise<void>): void {
		this.queue.push({ at, seq: this.seq++, fn });
		this.sorted = false;
	}

	async run(): Promise<void> {
		while (this.queue.length) {
			if (!this.sorted) {
				// Latest first, so the next action is popped off the end.
				this.queue.sort((a, b) => b.at - a.at || b.seq - a.seq);
				this.sorted = true;
			}
			await this.queue.pop()!.fn();
		}
		await roundBest.rebuildAll(this.db);
	}

	phone(rng: Rng): string {
		for (;;) {
			const p = `+84${pick(rng, PHONE_PREFIXES)}${String(int(rng, 0, 9_999_999)).padStart(7, '0')}`;
			if (!this.phones.has(p)) {
				this.phones.add(p);
				return p;
			}
		}
	}

	/** Registers a person at `at` from `origin` (the register page: the user row, then the access event). */
	register(who: Identity & { phone: string }, at: number, origin: Fingerprint, into: number[], then?: (id: number) => void): void {
		this.at(at, async () => {
			const id = await users.insertUser(this.db, {
				full_name: who.fullName,
				name_folded: foldVietnamese(who.fullName),
				birth_date: who.birthDate,
				gender: who.gender,
				phone: who.phone,
				email: null,
				national_id_hash: null,
				unit_id: who.unitId,
				role: 'participant',
				password_hash: this.passwordHash,
				consent_at: at,
				consent_version: CONSENT_VERSION,
				created_at: at
			});
			// As accounts.createAccount and users/service.register write it: the audit row, then the access event.
			await audit(this.db, {
				actorUserId: id,
				action: 'user.register',
				entity: 'user',
				entityId: id,
				details: { consentVersion: CONSENT_VERSION, guardianConfirmed: false },
				at
			});
			await recordEvent(this.db, { kind: 'register', userId: id, at, ...origin });
			into.push(id);
			then?.(id);
		});
	}

	/**
	 * Someone new to the round's data: a drawn identity (women by `female` share, born in `years`),
	 * registered at `at` from `origin`; returns their id once the registration has run.
	 */
	newcomer(
		rng: Rng,
		at: number,
		origin: Fingerprint,
		into: number[],
		opts: { years: [number, number]; female?: number; unitId?: number }
	): () => number {
		const gender: Gender = rng() < (opts.female ?? 1) ? 'female' : 'male';
		let uid = 0;
		this.register(
			{
				fullName: drawName(rng, gender),
				birthDate: drawBirthDate(rng, opts.years),
				gender,
				unitId: opts.unitId ?? pick(rng, this.units),
				phone: this.phone(rng)
			},
			at,
			origin,
			into,
			(id) => (uid = id)
		);
		return () => uid;
	}

	login(userId: () => number, at: number, origin: Fingerprint): void {
		this.at(at, () => recordEvent(this.db, { kind: 'login', userId: userId(), at, ...origin }));
	}

	/**
	 * Starts an attempt at `at` through the attempt service (its question draw from `drawRng`),
	 * then schedules the saves and the hand-in `plan` makes of the questions shown.
	 */
	attempt(
		userId: () => number,
		at: number,
		origin: Fingerprint,
		drawRng: Rng,
		plan: (shown: ShownQuestion[], startedAt: number) => SheetPlan,
		then?: (submittedAt: number, shown: ShownQuestion[]) => void
	): void {
		this.at(at, async () => {
			const uid = userId();
			const started = await attempts.startOrResume(this.db, uid, this.round.id, at, drawRng, origin);
			if (!started.ok) throw new Error(`attempt start refused: ${'message' in started ? started.message : started.status}`);
			const shown = started.view.questions.map((v) => ({ q: this.bank.get(v.id)!, shown: v.options.map((o) => o.id) }));
			const p = plan(shown, at);
			const attemptId = started.view.attemptId;
			const deadline = at + this.round.timeLimitMs;
			const submitAt = Math.min(p.submitAt, deadline - 2 * SECOND);
			for (const s of p.saves)
				this.at(Math.min(s.at, submitAt - 200), async () => {
					const r = await attempts.saveAnswer(this.db, uid, attemptId, s.questionId, s.optionIds, Math.min(s.at, submitAt - 200));
					if (!r.ok) throw new Error(`save refused: ${'message' in r ? r.message : r.status}`);
				});
			const prediction = this.round.predicts ? int(drawRng, 80, 4000) : null;
			this.at(submitAt, async () => {
				const r = await attempts.submit(this.db, uid, attemptId, prediction, submitAt);
				if (!r.ok) throw new Error(`submit refused: ${'message' in r ? r.message : r.status}`);
				then?.(submitAt, shown);
			});
		});
	}

	/**
	 * A moment on day `day` (0 = the round's first calendar day in Hanoi) at Hanoi time `hour`
	 * (fractional). A moment before the opening or after the close moves a day in (or out), so
	 * the round's first and last evenings are not crowded by clamping.
	 */
	moment(day: number, hour: number): number {
		const midnight = Math.floor((this.round.opensAt + HANOI) / DAY) * DAY - HANOI;
		let t = midnight + day * DAY + hour * HOUR;
		while (t < this.round.opensAt + MINUTE) t += DAY;
		while (t > this.round.closesAt - 20 * MINUTE) t -= DAY;
		return Math.max(this.round.opensAt + MINUTE, t);
	}

	get days(): number {
		return Math.max(1, Math.ceil((this.round.closesAt - this.round.opensAt) / DAY));
	}
}

// ---------------------------------------------------------------- sheet plans

/** A human pace: reading grows with the text, with person and question variance. */
interface Pace {
	/** Reading speed of this person, characters a second. */
	cps: number;
	/** Median seconds to decide and tap after reading. */
	think: number;
	/** Chance of changing an answer on a question. */
	change: number;
}

function drawPace(rng: Rng): Pace {
	return { cps: Math.min(35, Math.max(6, logNormal(rng, 14, 0.35))), think: logNormal(rng, 3, 0.4), change: uniform(rng, 0.02, 0.09) };
}

/**
 * An honest sheet: questions in order, reading time by length, a few changes of mind, an
 * occasional skipped question, several-answer questions ticked one box at a time, a look over
 * the sheet before handing in. `choose` gives the final answer of each question.
 */
function humanSheet(
	rng: Rng,
	shown: ShownQuestion[],
	start: number,
	pace: Pace,
	choose: (q: BankQuestion) => string[],
	limitMs: number,
	opts: { skip?: number; reviewMs?: [number, number]; seen?: Set<number> } = {}
): SheetPlan {
	const steps: { dt: number; questionId: number; optionIds: string[] }[] = [];
	let t = uniform(rng, 2, 7) * SECOND;
	for (const { q } of shown) {
		// A question seen (and revealed) in an earlier attempt is recognised after its first words.
		const reading = opts.seen?.has(q.id) ? uniform(rng, 0.3, 0.6) : 1;
		t += ((q.chars / pace.cps) * reading * Math.exp(0.25 * normal(rng)) + logNormal(rng, pace.think, 0.5) * reading) * SECOND;
		if (rng() < (opts.skip ?? 0.015)) continue;
		const final = choose(q);
		if (rng() < pace.change) {
			const first = wrongAnswer(q, rng);
			if (first.join() !== final.join()) {
				steps.push({ dt: t, questionId: q.id, optionIds: first });
				t += uniform(rng, 2, 14) * SECOND;
			}
		}
		if (final.length > 1)
			for (let i = 1; i < final.length; i++) {
				steps.push({ dt: t, questionId: q.id, optionIds: final.slice(0, i) });
				t += uniform(rng, 0.8, 2.5) * SECOND;
			}
		steps.push({ dt: t, questionId: q.id, optionIds: final });
		t += uniform(rng, 0.6, 2) * SECOND;
	}
	const [lo, hi] = opts.reviewMs ?? [4_000, 40_000];
	t += uniform(rng, lo, hi);
	// A slow reader near the time limit hurries: the whole sheet is squeezed into the time left.
	const scale = t > limitMs * 0.96 ? (limitMs * 0.96) / t : 1;
	return {
		saves: steps.map((s) => ({ at: start + Math.round(s.dt * scale), questionId: s.questionId, optionIds: s.optionIds })),
		submitAt: start + Math.round(t * scale)
	};
}

/** A person's own answer to a question: right with the chance their ability gives (better once they saw it revealed). */
function ownAnswer(rng: Rng, ability: number, q: BankQuestion, learned: Set<number>): string[] {
	const p = learned.has(q.id) ? Math.max(0.88, pRight(ability, q)) : pRight(ability, q);
	return rng() < p ? q.correct : wrongAnswer(q, rng);
}

// ---------------------------------------------------------------- addresses

interface Address {
	label: string;
	kind: 'carrier' | 'school' | 'office';
	ip: string;
	size: number;
	/** Units people behind this address belong to (a school or office is local; a carrier is everywhere). */
	units: number[];
	/**
	 * Moments when the unit's chat group or a meeting reminds everyone: most people behind the
	 * address start within half an hour after one of them, so honest neighbours cluster in time too.
	 */
	waves: number[];
}

const SIZES = {
	full: { carrier: [20, 16, 12, 9, 7], school: [24, 12, 9, 7, 6], office: [8, 7, 5, 4, 4], classSize: 20, group: 5 },
	small: { carrier: [8, 5], school: [9], office: [5, 3], classSize: 6, group: 4 }
} as const;

function addresses(sim: Sim, size: 'full' | 'small'): Address[] {
	const rng = sim.rng('addresses');
	const s = SIZES[size];
	const out: Address[] = [];
	const carrierNets = ['27.72', '113.185', '14.232', '171.224', '116.96'];
	const waves = (kind: Address['kind']) =>
		Array.from({ length: int(rng, 1, 2) }, () => sim.moment(int(rng, 0, sim.days - 1), dayHour(rng, kind)));
	s.carrier.forEach((n, i) =>
		out.push({
			label: `carrier-${i}`,
			kind: 'carrier',
			ip: `${carrierNets[i % 5]}.${int(rng, 1, 254)}.${int(rng, 1, 254)}`,
			size: n,
			units: sim.units,
			waves: waves('carrier')
		})
	);
	const local = () => {
		const u = int(rng, 0, sim.units.length - 1);
		return [sim.units[u], sim.units[(u + 1) % sim.units.length]];
	};
	s.school.forEach((n, i) =>
		out.push({
			label: `school-${i}`,
			kind: 'school',
			ip: `123.24.${int(rng, 1, 254)}.${int(rng, 1, 254)}`,
			size: n,
			units: local(),
			waves: waves('school')
		})
	);
	s.office.forEach((n, i) =>
		out.push({
			label: `office-${i}`,
			kind: 'office',
			ip: `118.70.${int(rng, 1, 254)}.${int(rng, 1, 254)}`,
			size: n,
			units: local(),
			waves: waves('office')
		})
	);
	return out;
}

/** A daytime hour in Hanoi, weighted to lunch and the evening (when people have time). */
function dayHour(rng: Rng, kind: Address['kind']): number {
	if (kind === 'school') return uniform(rng, 7.5, 16.5);
	if (kind === 'office') return rng() < 0.6 ? uniform(rng, 8, 17) : uniform(rng, 19, 22.5);
	return weighted(rng, [uniform(rng, 6.5, 8.5), uniform(rng, 11, 13.5), uniform(rng, 19, 23)], (_h) => 1);
}

// ---------------------------------------------------------------- honest people

/**
 * Ordinary participants behind shared addresses: uneven numbers per address, their own
 * devices (a quarter with a second one on a carrier network, a few who clear cookies once and
 * come back as a new device), independent abilities and paces, 1–3 attempts spread over the
 * round's days, some registering shortly before their first attempt; and at the first school a
 * class in a computer room that registers and starts side by side.
 */
function honestCrowd(sim: Sim, size: 'full' | 'small'): number[] {
	const ids: number[] = [];
	const addrs = addresses(sim, size);
	const carriers = addrs.filter((a) => a.kind === 'carrier');
	let n = 0;
	for (const addr of addrs) {
		for (let k = 0; k < addr.size; k++) {
			const who = n++;
			const inClass = addr === addrs.find((a) => a.kind === 'school') && k < SIZES[size].classSize;
			person(sim, who, addr, carriers, inClass, ids);
		}
	}
	return ids;
}

function person(sim: Sim, who: number, addr: Address, carriers: Address[], inClass: boolean, ids: number[]): void {
	const rng = sim.rng('honest', who);
	const student = addr.kind === 'school';
	const gender: Gender = student ? (rng() < 0.6 ? 'female' : 'male') : rng() < 0.82 ? 'female' : 'male';
	const identity: Identity & { phone: string } = {
		fullName: drawName(rng, gender),
		birthDate: drawBirthDate(rng, student ? [2008, 2010] : [1962, 2004]),
		gender,
		unitId: pick(rng, addr.units),
		phone: sim.phone(rng)
	};
	const ability = 0.5 + 1.0 * normal(rng);
	const pace = drawPace(rng);
	const home: Fingerprint = { deviceHash: hashDevice(deviceId(rng)), ipHash: hashIp(addr.ip) };
	const second = rng() < 0.25 ? ({ deviceHash: hashDevice(deviceId(rng)), ipHash: hashIp(pick(rng, carriers).ip) } as Fingerprint) : null;
	const clearsCookies = rng() < 0.05;
	let uid = 0;
	const userId = () => uid;

	// Attempt times: the class's first one together in the computer room; the others over the round's days.
	const tries = inClass ? 1 + (rng() < 0.4 ? 1 : 0) : weighted(rng, [1, 2, 3], (x) => [0.45, 0.35, 0.2][x - 1]);
	const classStart = sim.moment(2, 9.25) + (inClass ? int(rng, 0, 150) * SECOND : 0);
	const firstStart = inClass
		? classStart
		: rng() < 0.7
			? Math.min(pick(rng, addr.waves) + Math.round(logNormal(rng, 6, 0.8) * MINUTE), sim.round.closesAt - 20 * MINUTE)
			: sim.moment(int(rng, 0, sim.days - 1), dayHour(rng, addr.kind)) + int(rng, 0, 59) * SECOND;

	// Registration: long ago, in the days before, or minutes before the first attempt.
	const r = rng();
	const registeredAt = inClass
		? r < 0.45
			? classStart - int(rng, 4, 15) * MINUTE
			: sim.round.opensAt - int(rng, 2, 40) * DAY
		: r < 0.55
			? sim.round.opensAt - int(rng, 10, 120) * DAY
			: r < 0.85
				? firstStart - int(rng, 1, 6) * DAY - int(rng, 0, 600) * MINUTE
				: firstStart - int(rng, 2, 25) * MINUTE;
	const registeredRecently = firstStart - registeredAt < 30 * MINUTE;
	sim.register(identity, registeredAt, home, ids, (id) => (uid = id));

	const learned = new Set<number>();
	let device = home;
	let nextStart = firstStart;
	const takeOne = (k: number) => {
		if (k >= tries) return;
		const start = nextStart;
		// The second device now and then (a phone on the carrier instead of the school or office PC).
		let origin = second && k > 0 && rng() < 0.5 ? second : device;
		if (clearsCookies && k === 1) {
			device = { ...device, deviceHash: hashDevice(deviceId(rng)) };
			origin = device;
		}
		// A login first when the session has lapsed or the device is new; none right after registering.
		const freshSession = !(k === 0 && registeredRecently) && (origin !== home || rng() < 0.5);
		if (freshSession) sim.login(userId, start - int(rng, 20, 180) * SECOND, origin);
		sim.attempt(
			userId,
			start,
			origin,
			sim.rng('honest', who, 'draw', k),
			(shown, at) =>
				humanSheet(sim.rng('honest', who, 'sheet', k), shown, at, pace, (q) => ownAnswer(rng, ability, q, learned), sim.round.timeLimitMs, {
					seen: learned
				}),
			(submittedAt, shown) => {
				if (sim.round.revealAfterSubmit) for (const s of shown) learned.add(s.q.id);
				// Another try straight away (40 %) or on a later day.
				nextStart =
					rng() < 0.4 || inClass
						? submittedAt + int(rng, 15, 240) * SECOND
						: Math.max(submittedAt + HOUR, sim.moment(int(rng, 0, sim.days - 1), dayHour(rng, addr.kind)));
				if (nextStart >= sim.round.closesAt - 20 * MINUTE) return;
				takeOne(k + 1);
			}
		);
	};
	takeOne(0);
}

// ---------------------------------------------------------------- cheat patterns

/** A fresh person on their own home network and device (for pattern members not behind a shared address). */
function ownPlace(rng: Rng): { ip: string; device: () => Fingerprint } {
	const ip = `${pick(rng, ['42.113', '58.187', '1.54', '103.7'])}.${int(rng, 1, 254)}.${int(rng, 1, 254)}`;
	const dev = hashDevice(deviceId(rng));
	return { ip, device: () => ({ deviceHash: dev, ipHash: hashIp(ip) }) };
}

/**
 * An answer-sharing group (issue 18): 4–6 friends in a chat who start each attempt within 40 s
 * of each other and hand in within 35 s, each on their own device and network, each with their
 * own independently drawn questions, and who give the group's one answer to every question —
 * right or wrong (so the questions two members share carry the same choice, the group's shared
 * wrong choices included). `sessions` attempts each, on different days.
 */
export function sharingGroup(
	sim: Sim,
	opts: { size: number; sessions: number; label?: string; at?: number[]; ability?: number; registeredBefore?: number }
): number[] {
	const label = opts.label ?? 'group';
	const rng = sim.rng(label);
	const ids: number[] = [];
	const unit = pick(rng, sim.units);
	// The group's answer to each question, decided once (the member who knows, or the chat's vote).
	const groupRng = sim.rng(label, 'answers');
	const ability = opts.ability ?? 1.3;
	const answers = new Map<number, string[]>();
	const groupAnswer = (q: BankQuestion) => {
		let a = answers.get(q.id);
		if (!a) answers.set(q.id, (a = groupRng() < pRight(ability, q) ? q.correct : wrongAnswer(q, groupRng)));
		return a;
	};
	const starts =
		opts.at ??
		Array.from({ length: opts.sessions }, (_, k) => sim.moment(1 + ((k * 2) % Math.max(1, sim.days - 1)), uniform(rng, 19.5, 21.5)));
	const duration = starts.map(() => int(rng, 240, 420) * SECOND);
	for (let m = 0; m < opts.size; m++) {
		const mr = sim.rng(label, 'member', m);
		const place = ownPlace(mr);
		const before = (opts.registeredBefore ?? int(mr, 3, 30) * DAY) + int(mr, 0, 720) * MINUTE;
		const uid = sim.newcomer(mr, Math.min(starts[0] - HOUR, sim.round.opensAt - before), place.device(), ids, {
			years: [1975, 2002],
			female: 0.85,
			unitId: unit
		});
		starts.forEach((s, k) => {
			const start = s + int(mr, 0, 40) * SECOND;
			const handIn = s + duration[k] + int(mr, 0, 35) * SECOND;
			if (mr() < 0.6) sim.login(uid, start - int(mr, 30, 300) * SECOND, place.device());
			sim.attempt(uid, start, place.device(), sim.rng(label, 'member', m, 'draw', k), (shown, at0) => {
				// They answer at their own pace while the chat runs, and hand in together.
				const plan = humanSheet(
					sim.rng(label, 'member', m, 'sheet', k),
					shown,
					at0,
					{ cps: 18, think: 4, change: 0 },
					groupAnswer,
					sim.round.timeLimitMs,
					{
						skip: 0,
						reviewMs: [0, 0]
					}
				);
				const span = plan.submitAt - at0;
				const target = Math.min(handIn, at0 + sim.round.timeLimitMs - 5 * SECOND) - at0;
				const f = (target - 3 * SECOND) / span;
				return { saves: plan.saves.map((x) => ({ ...x, at: at0 + Math.round((x.at - at0) * f) })), submitAt: at0 + target };
			});
		});
	}
	return ids;
}

/**
 * A proxy taker: 8 people hand their passwords to one person, who takes their attempts one
 * after another from one address, each in a new private window (a device that account never
 * used), all perfect. The accounts were registered by their owners, on their own devices and
 * networks, in the days before.
 */
function proxyTaker(sim: Sim, opts: { accounts: number; day?: number } = { accounts: 8 }): number[] {
	const rng = sim.rng('proxy');
	const ids: number[] = [];
	const shop = `${pick(rng, ['42.114', '58.186'])}.${int(rng, 1, 254)}.${int(rng, 1, 254)}`;
	const uids: (() => number)[] = new Array(opts.accounts);
	for (let i = 0; i < opts.accounts; i++) {
		const ar = sim.rng('proxy', 'owner', i);
		const place = ownPlace(ar);
		uids[i] = sim.newcomer(ar, sim.round.opensAt - int(ar, 1, 12) * DAY + int(ar, 0, 600) * MINUTE, place.device(), ids, {
			years: [1970, 2004],
			female: 0.8
		});
	}
	const take = (i: number, at: number) => {
		if (i >= opts.accounts) return;
		const tr = sim.rng('proxy', 'take', i);
		const origin: Fingerprint = { deviceHash: hashDevice(deviceId(tr)), ipHash: hashIp(shop) };
		sim.login(uids[i], at, origin);
		const start = at + int(tr, 8, 40) * SECOND;
		sim.attempt(
			uids[i],
			start,
			origin,
			sim.rng('proxy', 'draw', i),
			(shown, at0) =>
				humanSheet(tr, shown, at0, { cps: 28, think: 1.5, change: 0 }, (q) => q.correct, sim.round.timeLimitMs, {
					skip: 0,
					reviewMs: [2_000, 6_000]
				}),
			(submittedAt) => take(i + 1, submittedAt + int(tr, 15, 90) * SECOND)
		);
	};
	take(0, sim.moment(opts.day ?? Math.min(3, sim.days - 1), uniform(rng, 20, 20.5)));
	return ids;
}

/**
 * One person with several accounts: the first registration, then near-match identities (birth
 * date a day off, day and month swapped, "Thị" dropped, a middle name reduced to its initial,
 * birth year one off), other phones, registered shortly after each other on the same phone or
 * laptop (sometimes in a private window) at home; each account taken with the same knowledge.
 */
function multiAccount(sim: Sim): number[] {
	const rng = sim.rng('multi');
	const ids: number[] = [];
	const family = weighted(rng, FAMILY, (f) => f[1])[0];
	const middle = pick(rng, MIDDLE_F);
	const given = pick(rng, GIVEN_F);
	const year = int(rng, 1978, 1996);
	const month = int(rng, 1, 9);
	// A day of month that is also a month (≤ 12) and differs from it: day and month can be swapped.
	const d = int(rng, month + 3, 12);
	const base = { name: `${family} Thị ${middle} ${given}`, birth: `${year}-${pad(month)}-${pad(d)}` };
	const variants = [
		base,
		{ name: base.name, birth: `${year}-${pad(month)}-${pad(d + 1)}` },
		{ name: base.name, birth: `${year}-${pad(d)}-${pad(month)}` },
		{ name: `${family} ${middle} ${given}`, birth: base.birth },
		{ name: `${family} Thị ${middle[0]}. ${given}`, birth: base.birth },
		{ name: base.name, birth: `${year + 1}-${pad(month)}-${pad(d)}` }
	];
	const unit = pick(rng, sim.units);
	const home = `${pick(rng, ['42.113', '1.54'])}.${int(rng, 1, 254)}.${int(rng, 1, 254)}`;
	const phoneDev = hashDevice(deviceId(rng));
	const laptopDev = hashDevice(deviceId(rng));
	const knows = new Map<number, string[]>();
	const ability = 0.9;
	const belief = (q: BankQuestion) => {
		let a = knows.get(q.id);
		if (!a) knows.set(q.id, (a = rng() < pRight(ability, q) ? q.correct : wrongAnswer(q, rng)));
		return a;
	};
	const uids: number[] = new Array(variants.length).fill(0);
	let t = sim.round.opensAt - int(rng, 1, 3) * DAY;
	variants.forEach((v, i) => {
		const vr = sim.rng('multi', 'account', i);
		const dev = i % 3 === 2 ? hashDevice(deviceId(vr)) /* a private window */ : i % 2 ? laptopDev : phoneDev;
		const origin: Fingerprint = { deviceHash: dev, ipHash: hashIp(home) };
		t += i === 3 ? int(vr, 6, 20) * HOUR : int(vr, 3, 40) * MINUTE;
		sim.register(
			{ fullName: v.name, birthDate: v.birth, gender: 'female', unitId: i === 4 ? pick(vr, sim.units) : unit, phone: sim.phone(vr) },
			t,
			origin,
			ids,
			(id) => (uids[i] = id)
		);
		const tries = 1 + (vr() < 0.5 ? 1 : 0);
		let start = Math.max(t + HOUR, sim.moment(int(vr, 0, sim.days - 1), uniform(vr, 19, 22.5)));
		for (let k = 0; k < tries && start < sim.round.closesAt - 20 * MINUTE; k++, start += int(vr, 1, 3) * HOUR + int(vr, 0, 59) * MINUTE) {
			sim.login(() => uids[i], start - int(vr, 20, 120) * SECOND, origin);
			sim.attempt(
				() => uids[i],
				start,
				origin,
				sim.rng('multi', 'draw', i, k),
				(shown, at0) =>
					humanSheet(
						sim.rng('multi', 'sheet', i, k),
						shown,
						at0,
						{ cps: 15, think: 3, change: 0.04 },
						(q) => (vr() < 0.9 ? belief(q) : ownAnswer(vr, ability, q, new Set())),
						sim.round.timeLimitMs
					),
				(_s, shown) => {
					// What a hand-in reveals, every account knows from then on.
					if (sim.round.revealAfterSubmit) for (const s of shown) knows.set(s.q.id, s.q.correct);
				}
			);
		}
	});
	return ids;
}

/**
 * A speed bot: one account, registered an hour before, its attempts back to back; each waits out
 * roughly the reading floor, then saves every answer (all right) within one second — gaps that
 * have nothing to do with the questions' length, never a change — and hands in at once.
 */
function speedBot(sim: Sim, opts: { attempts?: number; label?: string; at?: number } = {}): number[] {
	const label = opts.label ?? 'bot';
	const rng = sim.rng(label);
	const ids: number[] = [];
	const place = ownPlace(rng);
	const first = opts.at ?? sim.moment(Math.min(4, sim.days - 1), uniform(rng, 2, 4)); // the small hours
	const uid = sim.newcomer(rng, first - int(rng, 40, 80) * MINUTE, place.device(), ids, { years: [1985, 2003] });
	const take = (k: number, at: number) => {
		if (k >= (opts.attempts ?? 3)) return;
		sim.attempt(
			uid,
			at,
			place.device(),
			sim.rng(label, 'draw', k),
			(shown, at0) => {
				const chars = shown.reduce((n, s) => n + s.q.chars, 0);
				const wait = floorMs(chars, shown.length) * uniform(rng, 0.9, 1.08) - 1_000;
				let t = at0 + wait;
				const saves = shown.map((s) => ({ at: (t += int(rng, 40, 95)), questionId: s.q.id, optionIds: s.q.correct }));
				return { saves, submitAt: t + int(rng, 150, 400) };
			},
			(submittedAt) => take(k + 1, submittedAt + int(rng, 1_500, 4_000))
		);
	};
	take(0, first);
	return ids;
}

/**
 * A cheater with the answer key who slowed down by a fifth to pass the too-fast floor: all
 * right, never a change, answers spaced by the questions' length (as a careful reader's would
 * be) but only 5–20 % above the floor; two attempts some hours apart, from a carrier network.
 */
function slowedCheater(sim: Sim, opts: { carrierIp?: string } = {}): number[] {
	const rng = sim.rng('slowed');
	const ids: number[] = [];
	const ip = opts.carrierIp ?? `27.72.${int(rng, 1, 254)}.${int(rng, 1, 254)}`;
	const origin: Fingerprint = { deviceHash: hashDevice(deviceId(rng)), ipHash: hashIp(ip) };
	const uid = sim.newcomer(rng, sim.round.opensAt - int(rng, 2, 20) * DAY, origin, ids, { years: [1980, 2000] });
	const day = int(rng, 1, Math.max(1, sim.days - 2));
	[uniform(rng, 12, 13), uniform(rng, 20, 21.5)].forEach((hour, k) => {
		const start = sim.moment(day, hour);
		sim.login(uid, start - int(rng, 20, 90) * SECOND, origin);
		sim.attempt(uid, start, origin, sim.rng('slowed', 'draw', k), (shown, at0) => {
			const ratio = uniform(rng, 1.05, 1.2);
			let t = at0;
			const saves = shown.map((s) => ({
				at: (t += floorMs(s.q.chars, 1) * ratio * uniform(rng, 0.97, 1.03)),
				questionId: s.q.id,
				optionIds: s.q.correct
			}));
			return { saves, submitAt: t + int(rng, 300, 900) };
		});
	});
	return ids;
}

// ---------------------------------------------------------------- the whole round

/**
 * Writes one adversarial round into `db` (migrated; units and the starter bank are added when
 * missing): a published contest with a 7-day round that closes at `now`, 10 questions drawn
 * like the real contest (4 law, 3 safety skills, 3 children), 3 attempts each, 15 minutes.
 * Returns the ground truth: who is honest and who belongs to which planted pattern.
 */
export async function buildAdversarialRound(db: Db, opts: AdversarialOptions = {}): Promise<AdversarialTruth> {
	const seed = opts.seed ?? 18;
	const size = opts.size ?? 'full';
	const now = opts.now ?? DEFAULT_NOW;
	clearCaches();
	const hasBank = await db.selectFrom('questions').select('id').limit(1).executeTakeFirst();
	const setupAt = now - 200 * DAY;
	if (!hasBank) await db.transaction().execute((trx) => seedUnitsAndBank(trx, setupAt));
	const topics = new Map((await questions.listTopics(db)).map((t) => [t.code, t.id]));
	const quotas = [
		{ topicId: topics.get('bao-luc-gia-dinh')!, difficulty: null, count: 4 },
		{ topicId: topics.get('ky-nang')!, difficulty: null, count: 3 },
		{ topicId: topics.get('tre-em')!, difficulty: null, count: 3 }
	];
	const contestId = await contests.insertContest(
		db,
		{
			title: `Cuộc thi thử nghiệm công bằng (hạt giống ${seed})`,
			rules: 'Dữ liệu tổng hợp để đo báo cáo bất thường.',
			status: 'published'
		},
		setupAt
	);
	const roundId = await contests.insertRound(
		db,
		contestId,
		{
			title: 'Tuần thử nghiệm',
			opensAt: now - 7 * DAY,
			closesAt: now,
			questionCount: 10,
			timeLimitMinutes: 15,
			maxAttempts: 3,
			quotas,
			revealPolicy: opts.revealPolicy ?? 'after_submit',
			predictionKind: 'participants',
			predictionQuestion: 'Theo bạn, có bao nhiêu người tham gia tuần này?'
		},
		setupAt
	);
	const sim = await Sim.open(db, roundId, { seed });
	const honest = honestCrowd(sim, size);
	const plant: Record<PatternName, () => number[]> = {
		sharingGroup: () => sharingGroup(sim, { size: SIZES[size].group, sessions: 3 }),
		proxy: () => proxyTaker(sim, { accounts: 8 }),
		multiAccount: () => multiAccount(sim),
		speedBot: () => speedBot(sim),
		slowedCheater: () => slowedCheater(sim)
	};
	const include = new Set(opts.include ?? PATTERNS);
	const patterns = Object.fromEntries(PATTERNS.map((p) => [p, include.has(p) ? plant[p]() : []])) as Record<PatternName, number[]>;
	await sim.run();
	for (const list of [honest, ...Object.values(patterns)]) list.sort((a, b) => a - b);
	return { roundId, contestId, honest, patterns };
}
