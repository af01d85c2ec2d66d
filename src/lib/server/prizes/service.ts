import { randomBytes } from 'node:crypto';
import { getDb, type Db, type Executor } from '../db';
import { audit } from '../audit';
import { invalidate, registerCache, TtlCache } from '../cache';
import * as contests from '../contests/contests';
import { roundPhase } from '../../contests/phase';
import { rankRound } from '../leaderboards/rounds';
import { unitRanking } from '../leaderboards/units';
import { publicName } from '../leaderboards/names';
import { roundReport } from '../fairness/report';
import { usersOf } from '../fairness/cases';
import { disqualifyUserIn } from '../fairness/decisions';
import { formatNumber } from '../../vn/number';
import { formatDateTime, formatDuration } from '../../vn/time';
import { formatPhone } from '../../vn/phone';
import { writeWorkbook, type SheetColumn } from '../reports/sheets';
import type { PrizeEntryStatus } from '../db/types';
import { CODE_ALPHABET, type ContestPlanInput, type RoundPlanInput } from '../../schemas/prizes';
import { listHash } from './canonical';
import { nextInRank, officialRanking, proposeUnitPrizes, proposeWinners, type Candidate, type RankedCandidate } from './propose';
import * as q from './prizes';
import { renderCertificates, type CertificateContent } from './certificate-pdf';

/**
 * Prizes of a round (people) and of a contest (units), from the proposal to the frozen, published
 * list and its certificates (issue 16 items 5 and 6). Every decision runs in one transaction with
 * its audit-log row; the list row is locked first, so two organisers deciding at once are
 * serialised and the second sees the first's decision (freezing twice is refused, not repeated).
 */

const ORGANISATION = 'Hội Liên hiệp Phụ nữ thành phố Hà Nội';

export type Result<T extends object = object> =
	({ ok: true; message: string } & T) | { ok: false; status: 400 | 404 | 409; message: string };
const ok = <T extends object>(message: string, extra?: T) => ({ ok: true as const, message, ...(extra ?? ({} as T)) });
const no = (status: 400 | 404 | 409, message: string) => ({ ok: false as const, status, message });

/** Why a winner is marked for review: the fairness report names them (its reasons' kinds and points). */
export interface ReviewNote {
	kinds: string[];
	points: number;
	/** Where the evidence is: the fairness page, at this person's case. */
	href: string;
}

/** 10 symbols of Crockford's base32 (no I, L, O, U): 50 bits, unguessable enough for a page that shows only masked names. */
function newCertificateCode(): string {
	const bytes = randomBytes(10);
	return [...bytes].map((b) => CODE_ALPHABET[b & 31]).join('');
}

const STATUS_LABEL: Record<PrizeEntryStatus, string> = {
	proposed: 'Đề xuất',
	review: 'Cần xem xét',
	confirmed: 'Đã xác nhận',
	disqualified: 'Bị loại',
	substituted: 'Đã thay thế',
	revoked: 'Đã thu hồi'
};

const CATEGORY_LABEL = {
	person: 'Giải cá nhân',
	participants: 'Đơn vị có nhiều người dự thi',
	rate: 'Đơn vị có tỷ lệ tham gia cao'
} as const;

// ————————————————————————————————— plans

export async function saveRoundPlan(actorId: number, roundId: number, input: RoundPlanInput, now = Date.now()): Promise<Result> {
	const db = getDb();
	const round = await contests.findRound(db, roundId);
	if (!round) return no(404, 'Không tìm thấy đợt thi.');
	return db.transaction().execute(async (trx) => {
		const list = await q.findList(trx, q.roundKey(roundId));
		if (list?.status === 'frozen') return no(409, 'Danh sách đạt giải của đợt này đã chốt: không thể đổi cơ cấu giải.');
		await q.savePlan(trx, {
			scopeKey: q.roundKey(roundId),
			contestId: round.contestId,
			roundId,
			tiers: input.tiers,
			participationCertificates: input.participationCertificates,
			actorId,
			at: now
		});
		await audit(trx, { actorUserId: actorId, action: 'prizes.plan', entity: 'round', entityId: roundId, at: now, details: { ...input } });
		return ok(`Đã lưu cơ cấu giải: ${formatNumber(input.tiers.reduce((n, t) => n + t.count, 0))} giải.`);
	});
}

export async function saveContestPlan(actorId: number, contestId: number, input: ContestPlanInput, now = Date.now()): Promise<Result> {
	const db = getDb();
	if (!(await contests.findContest(db, contestId))) return no(404, 'Không tìm thấy cuộc thi.');
	return db.transaction().execute(async (trx) => {
		const list = await q.findList(trx, q.contestKey(contestId));
		if (list?.status === 'frozen') return no(409, 'Danh sách giải đơn vị đã chốt: không thể đổi cơ cấu giải.');
		await q.savePlan(trx, {
			scopeKey: q.contestKey(contestId),
			contestId,
			roundId: null,
			tiers: { participants: input.participants, rate: input.rate },
			participationCertificates: input.participationCertificates,
			actorId,
			at: now
		});
		await audit(trx, {
			actorUserId: actorId,
			action: 'prizes.plan',
			entity: 'contest',
			entityId: contestId,
			at: now,
			details: { ...input }
		});
		return ok('Đã lưu cơ cấu giải đơn vị.');
	});
}

// ————————————————————————————————— proposing

/** The round's official ranking with the prediction tie-break (a closed round), each person once. */
async function roundRanking(db: Db, roundId: number, now: number): Promise<{ actual: number | null; ranking: RankedCandidate[] }> {
	const { actual, entries } = await rankRound(db, roundId, now);
	const candidates: Candidate[] = entries.map((e) => ({ ...e }));
	return { actual, ranking: officialRanking(candidates, actual) };
}

/** The people the round's fairness report names, with what to show beside their entry. */
async function reviewNotes(db: Executor, roundId: number): Promise<Map<number, ReviewNote>> {
	const report = await roundReport(db, roundId);
	const out = new Map<number, ReviewNote>();
	for (const c of report?.cases ?? [])
		for (const u of c.userIds)
			out.set(u, {
				kinds: [...new Set(c.reasons.filter((r) => usersOf(r).includes(u)).map((r) => r.kind))],
				points: c.points[u],
				href: `/organiser/fairness/rounds/${roundId}#case-person-${u}`
			});
	return out;
}

/**
 * Proposes a closed round's winners from its official ranking (replacing an earlier draft, never a
 * frozen list): tiers in order, disqualified people left out, one prize each; everyone the fairness
 * report names is marked for review.
 */
export async function proposeRound(actorId: number, roundId: number, now = Date.now()): Promise<Result> {
	const db = getDb();
	const round = await contests.findRound(db, roundId);
	if (!round) return no(404, 'Không tìm thấy đợt thi.');
	if (roundPhase(round, now) !== 'closed') return no(409, 'Đợt thi chưa kết thúc: chỉ đề xuất người đạt giải sau khi đợt thi đóng.');
	const plan = await q.findRoundPlan(db, roundId);
	if (!plan || plan.tiers.length === 0) return no(400, 'Vui lòng lưu cơ cấu giải trước khi đề xuất.');
	const existing = await q.findList(db, q.roundKey(roundId));
	if (existing?.status === 'frozen') return no(409, 'Danh sách đã chốt: chỉ có thể sửa đổi kèm lý do.');
	const [{ actual, ranking }, notes] = await Promise.all([roundRanking(db, roundId, now), reviewNotes(db, roundId)]);
	const winners = proposeWinners(ranking, actual, plan.tiers);
	return db.transaction().execute(async (trx) => {
		const again = await q.findList(trx, q.roundKey(roundId));
		if (again) {
			const locked = await q.lockList(trx, again.id);
			if (locked?.status === 'frozen') return no(409, 'Danh sách đã chốt: chỉ có thể sửa đổi kèm lý do.');
			await q.deleteList(trx, again.id);
		}
		const listId = await q.insertList(trx, {
			scopeKey: q.roundKey(roundId),
			contestId: round.contestId,
			roundId,
			actual,
			actorId,
			at: now
		});
		await q.insertEntries(
			trx,
			listId,
			winners.map((w) => ({
				position: w.position,
				category: 'person' as const,
				tier: w.tier,
				tierName: w.tierName,
				userId: w.userId,
				unitId: null,
				rank: w.rank,
				score: w.score,
				total: w.total,
				durationMs: w.durationMs,
				submittedAt: w.submittedAt,
				prediction: w.prediction,
				distance: w.distance,
				status: notes.has(w.userId) ? ('review' as const) : ('proposed' as const),
				review: notes.get(w.userId) ?? null
			})),
			now
		);
		const flagged = winners.filter((w) => notes.has(w.userId)).length;
		await audit(trx, {
			actorUserId: actorId,
			action: 'prizes.propose',
			entity: 'round',
			entityId: roundId,
			at: now,
			details: { listId, winners: winners.length, review: flagged, actual }
		});
		return ok(
			`Đã đề xuất ${formatNumber(winners.length)} người đạt giải` + (flagged ? `; ${formatNumber(flagged)} người cần xem xét.` : '.'),
			{ listId }
		);
	});
}

/** Proposes a contest's unit prizes once all its rounds have closed. */
export async function proposeContest(actorId: number, contestId: number, now = Date.now()): Promise<Result> {
	const db = getDb();
	const contest = await contests.findContest(db, contestId);
	if (!contest) return no(404, 'Không tìm thấy cuộc thi.');
	const rounds = await contests.listRounds(db, contestId);
	if (rounds.length === 0 || rounds.some((r) => roundPhase(r, now) !== 'closed'))
		return no(409, 'Cuộc thi còn đợt chưa kết thúc: giải đơn vị được đề xuất sau đợt cuối.');
	const plan = await q.findContestPlan(db, contestId);
	if (!plan || plan.participants.length + plan.rate.length === 0) return no(400, 'Vui lòng lưu cơ cấu giải đơn vị trước khi đề xuất.');
	const units = await unitRanking(db, { contestId });
	const prizes = proposeUnitPrizes(units, plan);
	return db.transaction().execute(async (trx) => {
		const again = await q.findList(trx, q.contestKey(contestId));
		if (again) {
			const locked = await q.lockList(trx, again.id);
			if (locked?.status === 'frozen') return no(409, 'Danh sách đã chốt: chỉ có thể sửa đổi kèm lý do.');
			await q.deleteList(trx, again.id);
		}
		const listId = await q.insertList(trx, { scopeKey: q.contestKey(contestId), contestId, roundId: null, actual: null, actorId, at: now });
		await q.insertEntries(
			trx,
			listId,
			prizes.map((p) => ({ ...p, userId: null, status: 'proposed' as const })),
			now
		);
		await audit(trx, {
			actorUserId: actorId,
			action: 'prizes.propose',
			entity: 'contest',
			entityId: contestId,
			at: now,
			details: { listId, units: prizes.length }
		});
		return ok(`Đã đề xuất ${formatNumber(prizes.length)} giải đơn vị.`, { listId });
	});
}

// ————————————————————————————————— review (a draft list)

/** Runs `fn` in a transaction with the list's row locked first (a missing list is a 404). */
function onLockedList<T extends object>(
	listId: number,
	fn: (trx: Executor, list: NonNullable<q.ListRow>) => Promise<Result<T>>
): Promise<Result<T>> {
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const list = await q.lockList(trx, listId);
			if (!list) return no(404, 'Không tìm thấy danh sách đạt giải.');
			return fn(trx, list);
		});
}

/** Runs `fn` on an entry of a draft list, the list locked; refuses frozen lists and entries of other lists. */
async function onDraftEntry(
	listId: number,
	entryId: number,
	fn: (trx: Executor, list: NonNullable<q.ListRow>, entry: NonNullable<Awaited<ReturnType<typeof q.findEntry>>>) => Promise<Result>
): Promise<Result> {
	return onLockedList(listId, async (trx, list) => {
		if (list.status === 'frozen') return no(409, 'Danh sách đã chốt: chỉ có thể sửa đổi kèm lý do (mục "Sửa đổi sau khi chốt").');
		const entry = await q.findEntry(trx, entryId);
		if (!entry || entry.list_id !== listId) return no(404, 'Không tìm thấy người trong danh sách.');
		return fn(trx, list, entry);
	});
}

export function confirmEntry(actorId: number, listId: number, entryId: number, now = Date.now()): Promise<Result> {
	return onDraftEntry(listId, entryId, async (trx, _list, e) => {
		if (!['proposed', 'review'].includes(e.status))
			return no(409, `Không thể xác nhận: người này ${STATUS_LABEL[e.status].toLowerCase()}.`);
		await q.setEntryStatus(trx, e.id, 'confirmed', { reason: null, actorId, at: now });
		await audit(trx, {
			actorUserId: actorId,
			action: 'prizes.confirm',
			entity: 'prize_entry',
			entityId: e.id,
			at: now,
			details: { listId, userId: e.user_id }
		});
		return ok('Đã xác nhận người đạt giải.');
	});
}

/**
 * Disqualifies a proposed winner through the fairness decision (fairness/decisions.ts: the person's
 * results stop counting, audit-logged) and marks the entry, in one transaction. Someone already
 * disqualified elsewhere is only marked here.
 */
export function disqualifyEntry(actorId: number, listId: number, entryId: number, reason: string, now = Date.now()): Promise<Result> {
	return onDraftEntry(listId, entryId, async (trx, _list, e) => {
		if (!q.ACTIVE.includes(e.status)) return no(409, `Không thể loại: người này ${STATUS_LABEL[e.status].toLowerCase()}.`);
		if (e.user_id == null) return no(400, 'Chỉ loại được người dự thi, không loại đơn vị.');
		const d = await disqualifyUserIn(trx, actorId, e.user_id, reason, now);
		if (!d.ok && d.status !== 409) return no(d.status, d.message);
		await q.setEntryStatus(trx, e.id, 'disqualified', { reason, actorId, at: now });
		await audit(trx, {
			actorUserId: actorId,
			action: 'prizes.disqualify',
			entity: 'prize_entry',
			entityId: e.id,
			at: now,
			details: { listId, userId: e.user_id, reason }
		});
		invalidate(trx, 'results');
		return ok('Đã loại người này khỏi danh sách và khỏi kết quả đợt thi. Có thể thay bằng người kế tiếp.');
	});
}

/** The next person in rank not on the list yet, or a refusal when nobody is left. */
async function substituteFor(
	trx: Executor,
	list: NonNullable<q.ListRow>,
	old: { id: number; tier: number; tier_name: string },
	status: PrizeEntryStatus,
	now: number
): Promise<{ ok: true; entryId: number; userId: number; rank: number } | { ok: false; status: 409; message: string }> {
	if (list.round_id == null) return { ok: false, status: 409, message: 'Giải đơn vị không thay thế được: hãy đề xuất lại danh sách.' };
	const { ranking } = await roundRanking(trx as Db, list.round_id, now);
	const rows = await q.listEntries(trx, list.id);
	const next = nextInRank(ranking, new Set(rows.map((r) => r.user_id).filter((u): u is number => u != null)));
	if (!next) return { ok: false, status: 409, message: 'Không còn người nào kế tiếp trong bảng xếp hạng để thay thế.' };
	const [entryId] = await q.insertEntries(
		trx,
		list.id,
		[
			{
				position: Math.max(0, ...rows.map((r) => r.position)) + 1,
				category: 'person',
				tier: old.tier,
				tierName: old.tier_name,
				userId: next.userId,
				unitId: null,
				rank: next.rank,
				score: next.score,
				total: next.total,
				durationMs: next.durationMs,
				submittedAt: next.submittedAt,
				prediction: next.prediction,
				distance: next.distance,
				status,
				replacesEntryId: old.id
			}
		],
		now
	);
	return { ok: true, entryId, userId: next.userId, rank: next.rank };
}

/**
 * Replaces an entry of a draft list by the next in rank (same prize): a proposed winner the
 * organiser passes over (with a reason), or one already disqualified. The substitute is reviewed
 * like everyone else when the fairness report names them.
 */
export async function substituteEntry(actorId: number, listId: number, entryId: number, reason: string, now = Date.now()): Promise<Result> {
	const list0 = await q.findListById(getDb(), listId);
	const notes = list0?.round_id != null ? await reviewNotes(getDb(), list0.round_id) : new Map<number, ReviewNote>();
	return onDraftEntry(listId, entryId, async (trx, list, e) => {
		if (!q.ACTIVE.includes(e.status) && e.status !== 'disqualified')
			return no(409, `Không thể thay thế: người này ${STATUS_LABEL[e.status].toLowerCase()}.`);
		const taken = await trx.selectFrom('prize_entries').select('id').where('replaces_entry_id', '=', e.id).executeTakeFirst();
		if (taken) return no(409, 'Người này đã được thay thế trước đó.');
		const sub = await substituteFor(trx, list, e, 'proposed', now);
		if (!sub.ok) return no(sub.status, sub.message);
		const note = notes.get(sub.userId);
		if (note) {
			await trx
				.updateTable('prize_entries')
				.set({ status: 'review', review_json: JSON.stringify(note) })
				.where('id', '=', sub.entryId)
				.execute();
		}
		if (e.status !== 'disqualified') await q.setEntryStatus(trx, e.id, 'substituted', { reason, actorId, at: now });
		await audit(trx, {
			actorUserId: actorId,
			action: 'prizes.substitute',
			entity: 'prize_entry',
			entityId: e.id,
			at: now,
			details: { listId, replaced: e.user_id, by: sub.userId, rank: sub.rank, reason }
		});
		return ok(`Đã thay bằng người xếp hạng ${formatNumber(sub.rank)}` + (note ? ' (cần xem xét).' : '.'));
	});
}

// ————————————————————————————————— freeze, publish, amend

async function currentHash(trx: Executor, list: NonNullable<q.ListRow>): Promise<string> {
	const rows = await q.listEntries(trx, list.id);
	return listHash({
		scope: list.scope_key,
		contestId: list.contest_id,
		roundId: list.round_id,
		actual: list.actual,
		entries: q.canonicalEntries(rows)
	});
}

async function issuePrizeCertificate(
	trx: Executor,
	list: NonNullable<q.ListRow>,
	entry: { id: number; user_id: number | null; unit_id: number | null },
	at: number
) {
	await q.insertCertificate(trx, {
		code: newCertificateCode(),
		kind: 'prize',
		scopeKey: list.scope_key,
		contestId: list.contest_id,
		roundId: list.round_id,
		entryId: entry.id,
		subjectKey: `entry:${entry.id}`,
		userId: entry.user_id,
		unitId: entry.unit_id,
		at
	});
}

/**
 * Freezes a draft list: every proposal becomes a confirmed prize, the list is stored with the SHA-256
 * of its canonical content (canonical.ts) and each prize gets its certificate code. Refused while
 * anyone is still marked for review, for an empty list, and for a list already frozen.
 */
export async function freezeList(actorId: number, listId: number, now = Date.now()): Promise<Result<{ hash?: string }>> {
	return onLockedList(listId, async (trx, list) => {
		if (list.status === 'frozen') return no(409, 'Danh sách đã được chốt trước đó; không chốt lại được. Hãy dùng "Sửa đổi" kèm lý do.');
		const rows = await q.listEntries(trx, listId);
		const review = rows.filter((r) => r.status === 'review').length;
		if (review) return no(409, `Còn ${formatNumber(review)} người cần xem xét: hãy xác nhận, loại hoặc thay thế trước khi chốt.`);
		const active = rows.filter((r) => q.ACTIVE.includes(r.status));
		if (active.length === 0) return no(409, 'Danh sách chưa có người đạt giải nào để chốt.');
		await q.confirmActive(trx, listId, actorId, now);
		const hash = await currentHash(trx, list);
		await q.markFrozen(trx, listId, hash, actorId, now);
		for (const e of active) await issuePrizeCertificate(trx, list, e, now);
		await audit(trx, {
			actorUserId: actorId,
			action: 'prizes.freeze',
			entity: 'prize_list',
			entityId: listId,
			at: now,
			details: { scope: list.scope_key, hash, prizes: active.length }
		});
		return ok(`Đã chốt danh sách ${formatNumber(active.length)} giải. Mã băm SHA-256: ${hash}`, { hash });
	});
}

export async function publishList(actorId: number, listId: number, now = Date.now()): Promise<Result> {
	return onLockedList(listId, async (trx, list) => {
		if (list.status !== 'frozen') return no(409, 'Chỉ công bố được danh sách đã chốt.');
		if (list.published_at != null) return no(409, 'Danh sách đã được công bố trước đó.');
		await q.markPublished(trx, listId, now);
		invalidate(trx, 'prizes');
		await audit(trx, {
			actorUserId: actorId,
			action: 'prizes.publish',
			entity: 'prize_list',
			entityId: listId,
			at: now,
			details: { scope: list.scope_key }
		});
		return ok('Đã công bố "Kết quả đạt giải".');
	});
}

/**
 * An amendment of a frozen list, always with a reason: revoke a prize (its certificate is revoked
 * with it), or revoke and give the prize to the next in rank. Each is kept with the list's new hash.
 */
export async function amendList(
	actorId: number,
	listId: number,
	entryId: number,
	kind: 'revoke' | 'substitute',
	reason: string,
	now = Date.now()
): Promise<Result> {
	return onLockedList(listId, async (trx, list) => {
		if (list.status !== 'frozen') return no(409, 'Danh sách chưa chốt: hãy sửa trực tiếp trong phần xem xét.');
		const e = await q.findEntry(trx, entryId);
		if (!e || e.list_id !== listId) return no(404, 'Không tìm thấy người trong danh sách.');
		if (e.status !== 'confirmed') return no(409, `Không thể sửa đổi: giải này ${STATUS_LABEL[e.status].toLowerCase()}.`);
		await q.setEntryStatus(trx, e.id, 'revoked', { reason, actorId, at: now });
		await q.revokeCertificateOf(trx, e.id, reason, now);
		let by: { userId: number; rank: number } | null = null;
		if (kind === 'substitute') {
			const sub = await substituteFor(trx, list, e, 'confirmed', now);
			// Throwing rolls the revocation back: a refused amendment changes nothing.
			if (!sub.ok) throw new Refused(sub.message);
			await issuePrizeCertificate(trx, list, { id: sub.entryId, user_id: sub.userId, unit_id: null }, now);
			by = { userId: sub.userId, rank: sub.rank };
		}
		const hash = await currentHash(trx, list);
		await q.setCurrentHash(trx, listId, hash);
		invalidate(trx, 'prizes');
		await q.insertAmendment(trx, {
			listId,
			entryId: e.id,
			kind,
			reason,
			hashAfter: hash,
			details: { userId: e.user_id, unitId: e.unit_id, tierName: e.tier_name, by },
			actorId,
			at: now
		});
		await audit(trx, {
			actorUserId: actorId,
			action: `prizes.amend.${kind}`,
			entity: 'prize_list',
			entityId: listId,
			at: now,
			details: { entryId: e.id, userId: e.user_id, reason, by, hash }
		});
		return ok(
			kind === 'revoke' ? 'Đã thu hồi giải và giấy chứng nhận.' : `Đã thu hồi giải và trao cho người xếp hạng ${formatNumber(by!.rank)}.`
		);
	}).catch((e: unknown) => {
		if (e instanceof Refused) return no(409, e.message);
		throw e;
	});
}

class Refused extends Error {}

// ————————————————————————————————— views

function entryView(r: q.EntryRow) {
	const isPerson = r.category === 'person';
	return {
		id: r.id,
		position: r.position,
		category: r.category,
		tier: r.tier,
		tierName: r.tier_name,
		userId: r.user_id,
		unitId: r.unit_id,
		name: isPerson ? publicName(r.full_name ?? '', r.anonymised_at) : (r.unit_name ?? ''),
		unitName: isPerson ? (r.person_unit_name ?? '') : (r.unit_name ?? ''),
		personUnitId: r.person_unit_id,
		rank: r.rank,
		score: r.score,
		total: r.total,
		durationMs: r.duration_ms,
		prediction: r.prediction,
		distance: r.distance,
		participants: r.participants,
		target: r.target,
		status: r.status,
		statusLabel: STATUS_LABEL[r.status],
		review: r.review_json ? (JSON.parse(r.review_json) as ReviewNote) : null,
		decisionReason: r.decision_reason,
		replacesEntryId: r.replaces_entry_id,
		certificateCode: r.certificate_code
	};
}

async function listView(db: Executor, list: NonNullable<q.ListRow>) {
	const [rows, amendments] = await Promise.all([q.listEntries(db, list.id), q.listAmendments(db, list.id)]);
	const entries = rows.map(entryView);
	const nameOf = new Map(entries.map((e) => [e.id, e.name]));
	return {
		id: list.id,
		status: list.status,
		actual: list.actual,
		proposedAt: list.proposed_at,
		frozenAt: list.frozen_at,
		frozenHash: list.frozen_hash,
		currentHash: list.current_hash,
		publishedAt: list.published_at,
		entries,
		amendments: amendments.map((a) => ({
			id: a.id,
			kind: a.kind,
			reason: a.reason,
			hashAfter: a.hash_after,
			at: a.at,
			actorName: a.actor_name ?? '',
			entryName: a.entry_id != null ? (nameOf.get(a.entry_id) ?? '') : '',
			tierName: (JSON.parse(a.details_json) as { tierName?: string }).tierName ?? ''
		}))
	};
}
export type ListView = Awaited<ReturnType<typeof listView>>;

/** The organisers' prize page of a round. */
export async function roundPrizesPage(roundId: number, now = Date.now()) {
	const db = getDb();
	// Read afresh (not the public pages' cached round): the organiser acts on the round as it is now.
	const round = await contests.findRound(db, roundId);
	const contest = round && (await contests.findContest(db, round.contestId));
	if (!round || !contest) return null;
	const [plan, list] = await Promise.all([q.findRoundPlan(db, roundId), q.findList(db, q.roundKey(roundId))]);
	return {
		round,
		contest,
		closed: roundPhase(round, now) === 'closed',
		plan,
		list: list ? await listView(db, list) : null
	};
}

export async function contestPrizesPage(contestId: number, now = Date.now()) {
	const db = getDb();
	const contest = await contests.findContest(db, contestId);
	if (!contest) return null;
	const [rounds, plan, list] = await Promise.all([
		contests.listRounds(db, contestId),
		q.findContestPlan(db, contestId),
		q.findList(db, q.contestKey(contestId))
	]);
	return {
		contest,
		rounds,
		closed: rounds.length > 0 && rounds.every((r) => roundPhase(r, now) === 'closed'),
		plan,
		list: list ? await listView(db, list) : null
	};
}

/** What the public sees of a published list: prizes held now, masked names, and the amendment trail (no reasons, no ids). */
function publicList(v: ListView) {
	return {
		frozenAt: v.frozenAt,
		publishedAt: v.publishedAt,
		frozenHash: v.frozenHash,
		currentHash: v.currentHash,
		actual: v.actual,
		entries: v.entries
			.filter((e) => e.status === 'confirmed')
			.map((e) => ({
				position: e.position,
				category: e.category,
				tierName: e.tierName,
				name: e.name,
				unitName: e.unitName,
				rank: e.rank,
				score: e.score,
				total: e.total,
				durationMs: e.durationMs,
				prediction: e.prediction,
				distance: e.distance,
				participants: e.participants,
				target: e.target
			})),
		// Which prize changed and when, not whose: a revoked winner is not named in public.
		amendments: v.amendments.map((a) => ({ kind: a.kind, at: a.at, tierName: a.tierName, hashAfter: a.hashAfter }))
	};
}
export type PublicList = ReturnType<typeof publicList>;

/**
 * The public prize pages are crowd pages (linked from the home page): cached, and cleared when a
 * list is published or amended ('prizes'), a round or contest changes, or results change (a name
 * erased on request).
 */
const publicCache = registerCache('prizes.public', new TtlCache<unknown, string>(60_000, 500), {
	prizes: 'clear',
	contests: 'clear',
	results: 'clear'
});

/** A round's public "Kết quả đạt giải": null when the round is unknown or its contest a draft. */
export function publicRoundPrizes(roundId: number) {
	return publicCache.get(`round:${roundId}`, () => loadPublicRound(roundId)) as ReturnType<typeof loadPublicRound>;
}

async function loadPublicRound(roundId: number) {
	const db = getDb();
	const found = await contests.roundWithContest(db, roundId);
	if (!found || found.contest.status === 'draft') return null;
	const list = await q.findList(db, q.roundKey(roundId));
	return {
		round: found.round,
		contest: found.contest,
		list: list && list.published_at != null ? publicList(await listView(db, list)) : null
	};
}

/** A contest's public "Kết quả đạt giải": the unit prizes and every round's published list. */
export function publicContestPrizes(contestId: number) {
	return publicCache.get(`contest:${contestId}`, () => loadPublicContest(contestId)) as ReturnType<typeof loadPublicContest>;
}

async function loadPublicContest(contestId: number) {
	const db = getDb();
	const contest = await contests.findContest(db, contestId);
	if (!contest || contest.status === 'draft') return null;
	const [rounds, lists] = await Promise.all([contests.listRounds(db, contestId), q.listsOfContest(db, contestId)]);
	const published = new Map(lists.filter((l) => l.published_at != null).map((l) => [l.scope_key, l]));
	const roundLists = [];
	for (const r of rounds) {
		const l = published.get(q.roundKey(r.id));
		roundLists.push({ round: { id: r.id, title: r.title }, list: l ? publicList(await listView(db, l)) : null });
	}
	const unitList = published.get(q.contestKey(contestId));
	return { contest, rounds: roundLists, units: unitList ? publicList(await listView(db, unitList)) : null };
}

// ————————————————————————————————— certificates

function contentOf(c: q.CertificateRow, origin: string): CertificateContent {
	const unitPrize = c.category === 'participants' || c.category === 'rate';
	return {
		code: c.code,
		verifyUrl: `${origin}/v/${c.code}`,
		kind: c.kind,
		holder: unitPrize ? (c.unit_name ?? '') : c.anonymised_at != null ? publicName('', c.anonymised_at) : (c.full_name ?? ''),
		unitName: unitPrize ? null : c.unit_name,
		prizeName: c.tier_name
			? unitPrize
				? `${c.tier_name} — ${CATEGORY_LABEL[c.category as 'participants' | 'rate'].toLowerCase()}`
				: c.tier_name
			: null,
		contestTitle: c.contest_title,
		roundTitle: c.round_title,
		issuedAt: c.issued_at,
		organisation: ORGANISATION,
		revoked: c.revoked_at != null
	};
}

/** What /v/{code} shows: valid or revoked, and the masked holder. Null for an unknown code. */
export async function verifyCertificate(code: string) {
	const c = await q.findCertificate(getDb(), { code });
	if (!c) return null;
	const unitPrize = c.category === 'participants' || c.category === 'rate';
	return {
		code: c.code,
		kind: c.kind,
		valid: c.revoked_at == null,
		revokedAt: c.revoked_at,
		contestTitle: c.contest_title,
		roundTitle: c.round_title,
		prizeName: c.tier_name,
		category: c.category,
		holder: unitPrize ? (c.unit_name ?? '') : publicName(c.full_name ?? '', c.anonymised_at),
		unitName: unitPrize ? null : c.unit_name,
		issuedAt: c.issued_at
	};
}

/** One certificate as PDF, for its holder or an organiser; null when the viewer may not have it (or it does not exist). */
export async function certificatePdf(code: string, viewer: { id: number; staff: boolean }, origin: string): Promise<Buffer | null> {
	const c = await q.findCertificate(getDb(), { code });
	if (!c || (!viewer.staff && c.user_id !== viewer.id)) return null;
	return renderCertificates([contentOf(c, origin)]);
}

/** Every certificate of a frozen list in one PDF (revoked ones left out). */
export async function listCertificatesPdf(
	actorId: number,
	listId: number,
	origin: string,
	now = Date.now()
): Promise<Result<{ pdf?: Buffer }>> {
	const db = getDb();
	const list = await q.findListById(db, listId);
	if (!list) return no(404, 'Không tìm thấy danh sách đạt giải.');
	if (list.status !== 'frozen') return no(409, 'Danh sách chưa chốt: chỉ in giấy chứng nhận cho danh sách đã chốt.');
	const codes = (await q.certificateCodesOfList(db, listId)).filter((c) => c.revoked_at == null);
	if (codes.length === 0) return no(409, 'Danh sách không còn giải nào để in giấy chứng nhận.');
	const rows = [];
	for (const c of codes) rows.push((await q.findCertificate(db, { code: c.code }))!);
	const pdf = await renderCertificates(rows.map((r) => contentOf(r, origin)));
	await audit(db, {
		actorUserId: actorId,
		action: 'prizes.certificates',
		entity: 'prize_list',
		entityId: listId,
		at: now,
		details: { count: rows.length }
	});
	return ok(`${formatNumber(rows.length)} giấy chứng nhận`, { pdf });
}

/**
 * A participation certificate for someone with a counted result in a closed round whose plan turns
 * them on: issued (once) on the first download, then the same code every time.
 */
export async function participationCertificate(
	userId: number,
	roundId: number,
	origin: string,
	now = Date.now()
): Promise<Result<{ pdf?: Buffer; code?: string }>> {
	const db = getDb();
	const round = await contests.findRound(db, roundId);
	if (!round) return no(404, 'Không tìm thấy đợt thi.');
	const plan = await q.findRoundPlan(db, roundId);
	if (!plan?.participationCertificates) return no(404, 'Đợt thi này không cấp giấy chứng nhận tham gia.');
	if (roundPhase(round, now) !== 'closed') return no(409, 'Giấy chứng nhận tham gia được cấp sau khi đợt thi kết thúc.');
	const counted = await db
		.selectFrom('round_best')
		.select('user_id')
		.where('round_id', '=', roundId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!counted) return no(404, 'Bạn chưa có kết quả được tính trong đợt thi này.');
	const subjectKey = `participation:${q.roundKey(roundId)}:${userId}`;
	await q.insertCertificate(db, {
		code: newCertificateCode(),
		kind: 'participation',
		scopeKey: q.roundKey(roundId),
		contestId: round.contestId,
		roundId,
		entryId: null,
		subjectKey,
		userId,
		unitId: null,
		at: now
	});
	const c = (await q.findCertificate(db, { subjectKey }))!;
	return ok('', { pdf: await renderCertificates([contentOf(c, origin)]), code: c.code });
}

/** "Kết quả của tôi": the person's certificates, and the closed rounds where they may download a participation one. */
export async function myCertificates(userId: number, now = Date.now()) {
	const db = getDb();
	const certs = await q.certificatesOfUser(db, userId);
	const eligible = await db
		.selectFrom('round_best as b')
		.innerJoin('prize_plans as p', 'p.round_id', 'b.round_id')
		.innerJoin('rounds as r', 'r.id', 'b.round_id')
		.select(['r.id', 'r.title', 'r.closes_at'])
		.where('b.user_id', '=', userId)
		.where('p.participation_certificates', '=', 1)
		.where('r.closes_at', '<=', now)
		.execute();
	return {
		prizes: certs
			.filter((c) => c.kind === 'prize')
			.map((c) => ({
				code: c.code,
				contestTitle: c.contest_title,
				roundTitle: c.round_title,
				prizeName: c.tier_name,
				issuedAt: c.issued_at,
				revoked: c.revoked_at != null
			})),
		participation: eligible.map((r) => ({ roundId: r.id, roundTitle: r.title }))
	};
}

// ————————————————————————————————— delivery export

const DELIVERY_COLUMNS: SheetColumn[] = [
	{ header: 'STT', width: 6 },
	{ header: 'Cuộc thi', width: 30 },
	{ header: 'Đợt thi', width: 14 },
	{ header: 'Giải', width: 18 },
	{ header: 'Hạng', width: 8 },
	{ header: 'Họ và tên', width: 26 },
	{ header: 'Ngày sinh', width: 12 },
	{ header: 'Số điện thoại', width: 16 },
	{ header: 'Email', width: 24 },
	{ header: 'Mã đơn vị', width: 10 },
	{ header: 'Đơn vị', width: 24 },
	{ header: 'Điểm', width: 8 },
	{ header: 'Thời gian làm bài', width: 14 },
	{ header: 'Mã giấy chứng nhận', width: 16 }
];

/**
 * The prize-delivery sheet (full name, phone, unit…; registration collects no postal address):
 * every frozen, confirmed person prize, or one unit's, or one round's. Which unit a viewer may ask
 * for is the route's check (a district lead: their own only). Audit-logged.
 */
export async function deliveryFile(
	actorId: number,
	f: { unitId: number | null; roundId: number | null },
	now = Date.now()
): Promise<Uint8Array> {
	const db = getDb();
	const rows = await q.deliveryRows(db, f);
	await audit(db, {
		actorUserId: actorId,
		action: 'prizes.export',
		entity: 'prize_list',
		entityId: f.roundId,
		at: now,
		details: { ...f, rows: rows.length }
	});
	return writeWorkbook([
		{
			name: 'Trao giải',
			title: ['Danh sách trao giải', `Xuất lúc ${formatDateTime(now)}`],
			columns: DELIVERY_COLUMNS,
			rows: rows.map((r, i) => [
				i + 1,
				r.contest_title,
				r.round_title ?? '',
				r.tier_name,
				r.rank,
				r.full_name,
				r.birth_date.split('-').reverse().join('/'),
				formatPhone(r.phone),
				r.email ?? '',
				r.unit_code,
				r.unit_name,
				r.score == null ? '' : `${r.score}/${r.total ?? ''}`,
				r.duration_ms == null ? '' : formatDuration(r.duration_ms),
				r.certificate_code ?? ''
			])
		}
	]);
}

/** A unit's frozen winners (the district page), without contact details. */
export async function unitWinners(unitId: number) {
	const rows = await q.deliveryRows(getDb(), { unitId, roundId: null });
	return rows.map((r) => ({
		contestTitle: r.contest_title,
		roundTitle: r.round_title,
		tierName: r.tier_name,
		rank: r.rank,
		fullName: r.full_name,
		score: r.score,
		total: r.total,
		durationMs: r.duration_ms,
		certificateCode: r.certificate_code
	}));
}

/** The id of the list of a round or a contest, if one was proposed. */
export async function listIdOf(scope: { roundId: number } | { contestId: number }): Promise<number | null> {
	const l = await q.findList(getDb(), 'roundId' in scope ? q.roundKey(scope.roundId) : q.contestKey(scope.contestId));
	return l?.id ?? null;
}
