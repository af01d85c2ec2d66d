import type { Executor } from '../db';
import * as contests from '../contests/contests';
import * as questions from '../questions/questions';
import { fromStored, spreadOf, type FormSpread } from '../questions/forms';
import { maskName } from '../../vn/text';
import * as events from './events';
import type { AttemptFact } from './facts';
import { findSharedOrigins, findPossibleDuplicates, type OriginCluster, type OriginEvent } from './detectors';
import { describeNetworks, type NetworkCluster } from './networks';
import { findAlikeGroups } from './alike';
import { findSpeed } from './speed';
import { buildCases, devicePoints, duplicatePoints, type Case, type Corroboration, type DuplicateEvidence, type Reason } from './cases';
import { listPersonKeys, reviewedPairs } from './duplicates';

const DAY = 24 * 60 * 60 * 1000;
/** The report reads at most this many finished attempts of a round (newest first). */
const REPORT_ATTEMPT_LIMIT = 20_000;

/** What the report shows about a person: masked name and unit only; details one click away. */
export interface PersonBrief {
	id: number;
	name: string;
	unitName: string;
	disqualified: boolean;
}

export interface FairnessReport {
	cases: Case[];
	/** Shared networks that explain nothing: folded into one line. */
	ordinaryNetworks: NetworkCluster[];
	/** Bursts of registrations from one address (a class signing up together, or a script): shown folded beside them. */
	registrationBursts: OriginCluster[];
	people: Record<number, PersonBrief>;
	attemptsRead: number;
	truncated: boolean;
}

export interface SuspiciousReport extends FairnessReport {
	round: { id: number; title: string; contestId: number };
	/** Equal forms (issue 15 item 6): the expected scores of the forms drawn, so organisers can say they were equivalent. */
	forms: FormSpread;
}

export interface ContestReport extends FairnessReport {
	contest: { id: number; title: string };
	rounds: { id: number; title: string; attemptsRead: number }[];
}

/** Every finished attempt of a round (newest 20,000) as the detectors read it, and the round's access log. */
async function loadRoundFacts(db: Executor, roundId: number, opensAt: number, closesAt: number) {
	const rows = await db
		.selectFrom('attempts')
		.innerJoin('users', 'users.id', 'attempts.user_id')
		.select([
			'attempts.id',
			'attempts.user_id',
			'attempts.started_at',
			'attempts.submitted_at',
			'attempts.duration_ms',
			'attempts.correct_count',
			'attempts.total',
			'attempts.disqualified_at',
			'users.created_at'
		])
		.where('attempts.round_id', '=', roundId)
		.where('attempts.status', 'in', ['submitted', 'expired'])
		.orderBy('attempts.id', 'desc')
		.limit(REPORT_ATTEMPT_LIMIT + 1)
		.execute();
	const truncated = rows.length > REPORT_ATTEMPT_LIMIT;
	const finished = rows.slice(0, REPORT_ATTEMPT_LIMIT);
	const ids = finished.map((a) => a.id);
	const userIds = [...new Set(finished.map((a) => a.user_id))];

	const [items, answers, accessEvents, origins, firstSeen] = await Promise.all([
		chunked(ids, (part) =>
			db
				.selectFrom('attempt_questions')
				.select(['attempt_id', 'position', 'question_id', 'question_version_id', 'correct'])
				.where('attempt_id', 'in', part)
				.execute()
		),
		chunked(ids, (part) =>
			db
				.selectFrom('attempt_answers')
				.select(['attempt_id', 'question_id', 'option_ids_json', 'saved_at', 'first_saved_at', 'changes'])
				.where('attempt_id', 'in', part)
				.execute()
		),
		events.listEventsOfRoundPeople(db, roundId, opensAt - 7 * DAY, closesAt),
		events.startOrigins(db, roundId),
		events.deviceFirstSeen(db, userIds)
	]);
	const versions = await questions.getVersions(db, [...new Set(items.map((i) => i.question_version_id))]);

	const answerOf = new Map<string, (typeof answers)[number]>();
	for (const a of answers) answerOf.set(`${a.attempt_id} ${a.question_id}`, a);
	const itemsOf = new Map<number, typeof items>();
	for (const it of items) {
		let l = itemsOf.get(it.attempt_id);
		if (!l) itemsOf.set(it.attempt_id, (l = []));
		l.push(it);
	}
	const signIns = new Map<number, number[]>();
	for (const e of accessEvents) {
		if (e.kind === 'attempt_start') continue;
		let l = signIns.get(e.userId);
		if (!l) signIns.set(e.userId, (l = []));
		l.push(e.at);
	}
	const registrations = new Map(accessEvents.filter((e) => e.kind === 'register').map((e) => [e.userId, e.at]));

	const facts: AttemptFact[] = finished.map((a) => {
		const shown = (itemsOf.get(a.id) ?? []).sort((x, y) => x.position - y.position);
		let textChars = 0;
		let answered = 0;
		let correctCount = 0;
		const list = shown.map((it) => {
			const v = versions.get(it.question_version_id);
			const row = answerOf.get(`${a.id} ${it.question_id}`);
			const ids = row ? (JSON.parse(row.option_ids_json) as string[]) : [];
			const choice = [...ids].sort().join('+');
			const right = v
				? v.options
						.filter((o) => o.correct)
						.map((o) => o.id)
						.sort()
						.join('+')
				: '';
			const correct = it.correct != null ? it.correct === 1 : choice !== '' && choice === right;
			const chars = v ? v.stem.length + v.options.reduce((n, o) => n + o.text.length, 0) : 0;
			textChars += chars;
			if (choice) answered++;
			if (correct) correctCount++;
			return {
				questionId: it.question_id,
				choice,
				correct,
				textChars: chars,
				firstSavedAt: row?.first_saved_at ?? null,
				savedAt: row?.saved_at ?? null,
				changes: row?.changes ?? null
			};
		});
		const origin = origins.get(a.id);
		const before = (signIns.get(a.user_id) ?? []).filter((t) => t <= a.started_at);
		const lastSignIn = before.length ? Math.max(...before) : null;
		const seen = origin?.deviceHash ? firstSeen.get(`${a.user_id} ${origin.deviceHash}`) : undefined;
		// A device "first seen at that sign-in": the sign-in was a login (a registration is every
		// account's first device) and the account had never used this device before it.
		const signInWasLogin = lastSignIn != null && registrations.get(a.user_id) !== lastSignIn;
		const freshDevice = seen != null && signInWasLogin && seen >= lastSignIn! - 1_000;
		const durationMs = a.duration_ms ?? 0;
		return {
			attemptId: a.id,
			userId: a.user_id,
			roundId,
			startedAt: a.started_at,
			submittedAt: a.submitted_at ?? a.started_at + durationMs,
			durationMs,
			questions: shown.length || a.total,
			answered,
			correctCount: a.correct_count ?? correctCount,
			textChars,
			answers: list,
			deviceHash: origin?.deviceHash ?? null,
			ipHash: origin?.ipHash ?? null,
			freshDevice,
			signInGapMs: lastSignIn == null ? null : a.started_at - lastSignIn,
			registeredAt: a.created_at,
			disqualified: a.disqualified_at != null
		};
	});
	return { facts, events: accessEvents as OriginEvent[], truncated };
}

/** 5+ accounts registered from one address within 10 minutes: folded with the ordinary networks, never a reason alone. */
const REGISTRATION_BURSTS = {
	device: { windowMs: 0, minAccounts: Number.MAX_SAFE_INTEGER },
	ip: { windowMs: 10 * 60 * 1000, minAccounts: 5 }
};

/** Device sharing: one browser used by 2+ accounts within a day (the IP side is networks.ts). */
const DEVICE_ONLY = { device: { windowMs: DAY, minAccounts: 2 }, ip: { windowMs: 0, minAccounts: Number.MAX_SAFE_INTEGER } };

/** The reasons one round's attempts give (duplicates are added by the caller, once). */
function roundReasons(roundId: number | null, facts: AttemptFact[], originEvents: OriginEvent[]) {
	const networks = describeNetworks(facts);
	const alike = findAlikeGroups(facts);
	const reasons: Reason[] = [
		...networks.filter((n) => n.points > 0).map((n): Reason => ({ kind: 'network', roundId, points: n.points, network: n })),
		...alike.map((g): Reason => ({ kind: 'alike', roundId, points: g.points, group: g })),
		...findSpeed(facts).map((s): Reason => ({ kind: 'speed', roundId, points: s.points, speed: s })),
		...findSharedOrigins(originEvents, DEVICE_ONLY).map((d): Reason => ({ kind: 'device', roundId, points: devicePoints(d), device: d }))
	];
	const registrationBursts = findSharedOrigins(
		originEvents.filter((e) => e.kind === 'register'),
		REGISTRATION_BURSTS
	);
	return { reasons, networks, alike, registrationBursts };
}

const REGISTERED_TOGETHER_MS = 2 * 60 * 60 * 1000;
const SAME_NETWORK_MS = 60 * 60 * 1000;

/**
 * Possible duplicates among everyone, kept where at least one side took part here, each with
 * what corroborates it: a device both used, a network both used within an hour, registrations
 * within two hours of each other, both taking part, answers alike.
 */
async function duplicateReasons(
	db: Executor,
	roundId: number | null,
	participants: Set<number>,
	originEvents: OriginEvent[],
	alikePairs: Set<string>
): Promise<Reason[]> {
	const [keys, reviewed] = await Promise.all([listPersonKeys(db), reviewedPairs(db)]);
	const pairs = findPossibleDuplicates(keys).filter(
		(p) => !reviewed.has(`${p.low}-${p.high}`) && (participants.has(p.low) || participants.has(p.high))
	);
	if (pairs.length === 0) return [];
	const ids = [...new Set(pairs.flatMap((p) => [p.low, p.high]))];
	const byUser = new Map<number, OriginEvent[]>();
	for (const e of originEvents) {
		let l = byUser.get(e.userId);
		if (!l) byUser.set(e.userId, (l = []));
		l.push(e);
	}
	const created = new Map(
		(await chunked(ids, (part) => db.selectFrom('users').select(['id', 'created_at']).where('id', 'in', part).execute())).map((r) => [
			r.id,
			r.created_at
		])
	);
	return pairs.map((p): Reason => {
		const a = byUser.get(p.low) ?? [];
		const b = byUser.get(p.high) ?? [];
		const c: Corroboration[] = [];
		const devA = new Set(a.map((e) => e.deviceHash).filter(Boolean));
		if (b.some((e) => e.deviceHash && devA.has(e.deviceHash))) c.push('same_device');
		if (a.some((x) => x.ipHash && b.some((y) => y.ipHash === x.ipHash && Math.abs(y.at - x.at) <= SAME_NETWORK_MS))) c.push('same_network');
		const ca = created.get(p.low);
		const cb = created.get(p.high);
		if (ca != null && cb != null && Math.abs(ca - cb) <= REGISTERED_TOGETHER_MS) c.push('registered_together');
		if (participants.has(p.low) && participants.has(p.high)) c.push('both_took_part');
		if (alikePairs.has(`${p.low}-${p.high}`)) c.push('answers_alike');
		const duplicate: DuplicateEvidence = { ...p, corroboration: c };
		return { kind: 'duplicate', roundId, points: duplicatePoints(duplicate), duplicate };
	});
}

function alikeUserPairs(groups: { userIds: number[] }[]): Set<string> {
	const s = new Set<string>();
	for (const g of groups) for (const a of g.userIds) for (const b of g.userIds) if (a < b) s.add(`${a}-${b}`);
	return s;
}

async function finish(
	db: Executor,
	reasons: Reason[],
	networks: NetworkCluster[],
	registrationBursts: OriginCluster[],
	attemptsRead: number,
	truncated: boolean
): Promise<FairnessReport> {
	const cases = buildCases(reasons);
	const named = new Set(cases.flatMap((c) => c.userIds));
	const ordinaryNetworks = networks.filter((n) => !n.userIds.some((u) => named.has(u)));
	const ids = new Set<number>(named);
	for (const c of cases) for (const r of c.reasons) if (r.kind === 'duplicate') ids.add(r.duplicate.low).add(r.duplicate.high);
	return { cases, ordinaryNetworks, registrationBursts, people: await peopleBriefs(db, [...ids]), attemptsRead, truncated };
}

/**
 * The fairness report of one round: the detectors over its finished attempts and the access log
 * of the people who took part (from a week before the round opened, to catch accounts
 * registered for it), joined into one list of cases.
 */
export async function roundReport(db: Executor, roundId: number): Promise<SuspiciousReport | null> {
	const round = await contests.findRound(db, roundId);
	if (!round) return null;
	const { facts, events: ev, truncated } = await loadRoundFacts(db, roundId, round.opensAt, round.closesAt);
	const { reasons, networks, alike, registrationBursts } = roundReasons(roundId, facts, ev);
	const participants = new Set(facts.map((f) => f.userId));
	reasons.push(...(await duplicateReasons(db, roundId, participants, ev, alikeUserPairs(alike))));
	const expected = await contests.listExpectedScores(db, roundId);
	return {
		round: { id: round.id, title: round.title, contestId: round.contestId },
		forms: { ...spreadOf(expected.map(fromStored)), band: round.formBand },
		...(await finish(db, reasons, networks, registrationBursts, facts.length, truncated))
	};
}

/** The contest view: every round's reasons, and duplicates across the contest, joined per person. */
export async function contestReport(db: Executor, contestId: number): Promise<ContestReport | null> {
	const contest = await contests.findContest(db, contestId);
	if (!contest) return null;
	const rounds = await contests.listRounds(db, contestId);
	const reasons: Reason[] = [];
	const networks: NetworkCluster[] = [];
	const bursts = new Map<string, OriginCluster>();
	const participants = new Set<number>();
	const allEvents: OriginEvent[] = [];
	const alikeGroups: { userIds: number[] }[] = [];
	const read: ContestReport['rounds'] = [];
	let truncated = false;
	for (const r of rounds) {
		const { facts, events: ev, truncated: t } = await loadRoundFacts(db, r.id, r.opensAt, r.closesAt);
		const out = roundReasons(r.id, facts, ev);
		reasons.push(...out.reasons);
		networks.push(...out.networks);
		// The same burst is seen from every round its accounts took part in: listed once.
		for (const b of out.registrationBursts) bursts.set(`${b.hash} ${b.from}`, b);
		alikeGroups.push(...out.alike);
		for (const f of facts) participants.add(f.userId);
		allEvents.push(...ev);
		read.push({ id: r.id, title: r.title, attemptsRead: facts.length });
		truncated ||= t;
	}
	reasons.push(...(await duplicateReasons(db, null, participants, allEvents, alikeUserPairs(alikeGroups))));
	const report = await finish(
		db,
		reasons,
		networks,
		[...bursts.values()],
		read.reduce((n, r) => n + r.attemptsRead, 0),
		truncated
	);
	return { contest: { id: contest.id, title: contest.title }, rounds: read, ...report };
}

async function peopleBriefs(db: Executor, ids: number[]): Promise<Record<number, PersonBrief>> {
	const rows = await chunked(ids, (part) =>
		db
			.selectFrom('users')
			.innerJoin('units', 'units.id', 'users.unit_id')
			.select(['users.id', 'users.full_name', 'users.disqualified_at', 'units.name as unit_name'])
			.where('users.id', 'in', part)
			.execute()
	);
	return Object.fromEntries(
		rows.map((r) => [r.id, { id: r.id, name: maskName(r.full_name), unitName: r.unit_name, disqualified: r.disqualified_at != null }])
	);
}

/** SQLite caps bound parameters; long id lists are queried in parts. */
async function chunked<T>(ids: number[], run: (part: number[]) => Promise<T[]>): Promise<T[]> {
	const out: T[] = [];
	for (let i = 0; i < ids.length; i += 900) out.push(...(await run(ids.slice(i, i + 900))));
	return out;
}
