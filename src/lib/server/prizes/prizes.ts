import type { Executor } from '../db';
import { lockingRowsOf } from '../db/sql';
import type { CertificateKind, PrizeAmendmentKind, PrizeCategory, PrizeEntryStatus } from '../db/types';
import type { CanonicalEntry } from './canonical';
import type { Tier } from './propose';

/** Prize plans, lists, entries, amendments and certificates: the queries (rules in service.ts). */

export const roundKey = (roundId: number) => `round:${roundId}`;
export const contestKey = (contestId: number) => `contest:${contestId}`;

/** Entries that hold a prize right now (a draft's proposals and confirmations; a frozen list's confirmations). */
export const ACTIVE: PrizeEntryStatus[] = ['proposed', 'review', 'confirmed'];

export interface RoundPlan {
	tiers: Tier[];
	participationCertificates: boolean;
	updatedAt: number;
}
export interface ContestPlan {
	participants: Tier[];
	rate: Tier[];
	participationCertificates: boolean;
	updatedAt: number;
}

async function findPlanRow(db: Executor, scopeKey: string) {
	return db.selectFrom('prize_plans').selectAll().where('scope_key', '=', scopeKey).executeTakeFirst();
}

export async function findRoundPlan(db: Executor, roundId: number): Promise<RoundPlan | null> {
	const r = await findPlanRow(db, roundKey(roundId));
	if (!r) return null;
	return {
		tiers: JSON.parse(r.tiers_json) as Tier[],
		participationCertificates: r.participation_certificates === 1,
		updatedAt: r.updated_at
	};
}

export async function findContestPlan(db: Executor, contestId: number): Promise<ContestPlan | null> {
	const r = await findPlanRow(db, contestKey(contestId));
	if (!r) return null;
	const t = JSON.parse(r.tiers_json) as { participants: Tier[]; rate: Tier[] };
	return { ...t, participationCertificates: r.participation_certificates === 1, updatedAt: r.updated_at };
}

export async function savePlan(
	db: Executor,
	p: {
		scopeKey: string;
		contestId: number;
		roundId: number | null;
		tiers: unknown;
		participationCertificates: boolean;
		actorId: number;
		at: number;
	}
): Promise<void> {
	const values = {
		tiers_json: JSON.stringify(p.tiers),
		participation_certificates: p.participationCertificates ? 1 : 0,
		updated_by: p.actorId,
		updated_at: p.at
	};
	await db
		.insertInto('prize_plans')
		.values({ scope_key: p.scopeKey, contest_id: p.contestId, round_id: p.roundId, ...values })
		.onConflict((oc) => oc.column('scope_key').doUpdateSet(values))
		.execute();
}

export type ListRow = Awaited<ReturnType<typeof findList>>;

export function findList(db: Executor, scopeKey: string) {
	return db.selectFrom('prize_lists').selectAll().where('scope_key', '=', scopeKey).executeTakeFirst();
}

export function findListById(db: Executor, id: number) {
	return db.selectFrom('prize_lists').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The list row, locked until the transaction ends (PostgreSQL): a second decision on it waits, then sees this one's. */
export function lockList(trx: Executor, id: number) {
	return lockingRowsOf(trx, trx.selectFrom('prize_lists').selectAll().where('id', '=', id), 'prize_lists').executeTakeFirst();
}

export async function deleteList(trx: Executor, id: number): Promise<void> {
	await trx.deleteFrom('prize_entries').where('list_id', '=', id).execute();
	await trx.deleteFrom('prize_lists').where('id', '=', id).execute();
}

export async function insertList(
	trx: Executor,
	l: { scopeKey: string; contestId: number; roundId: number | null; actual: number | null; actorId: number; at: number }
): Promise<number> {
	const r = await trx
		.insertInto('prize_lists')
		.values({
			scope_key: l.scopeKey,
			contest_id: l.contestId,
			round_id: l.roundId,
			actual: l.actual,
			proposed_by: l.actorId,
			proposed_at: l.at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return r.id;
}

export interface NewEntry {
	position: number;
	category: PrizeCategory;
	tier: number;
	tierName: string;
	userId: number | null;
	unitId: number | null;
	rank: number;
	score?: number | null;
	total?: number | null;
	durationMs?: number | null;
	submittedAt?: number | null;
	prediction?: number | null;
	distance?: number | null;
	participants?: number | null;
	target?: number | null;
	status: PrizeEntryStatus;
	review?: unknown;
	replacesEntryId?: number | null;
}

export async function insertEntries(trx: Executor, listId: number, entries: readonly NewEntry[], at: number): Promise<number[]> {
	const ids: number[] = [];
	// One statement per entry: lists are short (tens of rows) and SQLite caps bound parameters.
	for (const e of entries) {
		const r = await trx
			.insertInto('prize_entries')
			.values({
				list_id: listId,
				position: e.position,
				category: e.category,
				tier: e.tier,
				tier_name: e.tierName,
				user_id: e.userId,
				unit_id: e.unitId,
				rank: e.rank,
				score: e.score ?? null,
				total: e.total ?? null,
				duration_ms: e.durationMs ?? null,
				submitted_at: e.submittedAt ?? null,
				prediction: e.prediction ?? null,
				distance: e.distance ?? null,
				participants: e.participants ?? null,
				target: e.target ?? null,
				status: e.status,
				review_json: e.review == null ? null : JSON.stringify(e.review),
				decision_reason: null,
				decided_by: null,
				decided_at: null,
				replaces_entry_id: e.replacesEntryId ?? null,
				created_at: at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.push(r.id);
	}
	return ids;
}

/** A list's entries with the people's and units' names, in list order. */
export async function listEntries(db: Executor, listId: number) {
	const rows = await db
		.selectFrom('prize_entries as e')
		.leftJoin('users as u', 'u.id', 'e.user_id')
		.leftJoin('units as pu', 'pu.id', 'u.unit_id')
		.leftJoin('units as eu', 'eu.id', 'e.unit_id')
		.leftJoin('certificates as c', 'c.entry_id', 'e.id')
		.select([
			'c.code as certificate_code',
			'e.id',
			'e.position',
			'e.category',
			'e.tier',
			'e.tier_name',
			'e.user_id',
			'e.unit_id',
			'e.rank',
			'e.score',
			'e.total',
			'e.duration_ms',
			'e.submitted_at',
			'e.prediction',
			'e.distance',
			'e.participants',
			'e.target',
			'e.status',
			'e.review_json',
			'e.decision_reason',
			'e.decided_at',
			'e.replaces_entry_id',
			'u.full_name',
			'u.anonymised_at',
			'u.disqualified_at',
			'pu.id as person_unit_id',
			'pu.name as person_unit_name',
			'eu.name as unit_name'
		])
		.where('e.list_id', '=', listId)
		.orderBy('e.position')
		.execute();
	return rows;
}
export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

export function findEntry(db: Executor, entryId: number) {
	return db.selectFrom('prize_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
}

export async function setEntryStatus(
	trx: Executor,
	entryId: number,
	status: PrizeEntryStatus,
	d: { reason: string | null; actorId: number; at: number }
): Promise<void> {
	await trx
		.updateTable('prize_entries')
		.set({ status, decision_reason: d.reason, decided_by: d.actorId, decided_at: d.at })
		.where('id', '=', entryId)
		.execute();
}

export async function confirmActive(trx: Executor, listId: number, actorId: number, at: number): Promise<void> {
	await trx
		.updateTable('prize_entries')
		.set({ status: 'confirmed', decided_by: actorId, decided_at: at })
		.where('list_id', '=', listId)
		.where('status', '=', 'proposed')
		.execute();
}

/** The list's entries that hold a prize, as the canonical form lists them. */
export function canonicalEntries(rows: readonly EntryRow[]): CanonicalEntry[] {
	return rows
		.filter((r) => ACTIVE.includes(r.status))
		.map((r) => ({
			position: r.position,
			category: r.category,
			tier: r.tier,
			tierName: r.tier_name,
			userId: r.user_id,
			unitId: r.unit_id,
			rank: r.rank,
			score: r.score,
			total: r.total,
			durationMs: r.duration_ms,
			prediction: r.prediction,
			distance: r.distance,
			participants: r.participants,
			target: r.target
		}));
}

export async function markFrozen(trx: Executor, listId: number, hash: string, actorId: number, at: number): Promise<void> {
	await trx
		.updateTable('prize_lists')
		.set({ status: 'frozen', frozen_hash: hash, current_hash: hash, frozen_by: actorId, frozen_at: at })
		.where('id', '=', listId)
		.execute();
}

export async function setCurrentHash(trx: Executor, listId: number, hash: string): Promise<void> {
	await trx.updateTable('prize_lists').set({ current_hash: hash }).where('id', '=', listId).execute();
}

export async function markPublished(trx: Executor, listId: number, at: number): Promise<void> {
	await trx.updateTable('prize_lists').set({ published_at: at }).where('id', '=', listId).execute();
}

export async function insertAmendment(
	trx: Executor,
	a: {
		listId: number;
		entryId: number | null;
		kind: PrizeAmendmentKind;
		reason: string;
		hashAfter: string;
		details: unknown;
		actorId: number;
		at: number;
	}
): Promise<void> {
	await trx
		.insertInto('prize_amendments')
		.values({
			list_id: a.listId,
			entry_id: a.entryId,
			kind: a.kind,
			reason: a.reason,
			hash_after: a.hashAfter,
			details_json: JSON.stringify(a.details ?? {}),
			actor_user_id: a.actorId,
			at: a.at
		})
		.execute();
}

export async function listAmendments(db: Executor, listId: number) {
	return db
		.selectFrom('prize_amendments as a')
		.leftJoin('users as actor', 'actor.id', 'a.actor_user_id')
		.select(['a.id', 'a.entry_id', 'a.kind', 'a.reason', 'a.hash_after', 'a.details_json', 'a.at', 'actor.full_name as actor_name'])
		.where('a.list_id', '=', listId)
		.orderBy('a.id')
		.execute();
}

export async function insertCertificate(
	trx: Executor,
	c: {
		code: string;
		kind: CertificateKind;
		scopeKey: string;
		contestId: number;
		roundId: number | null;
		entryId: number | null;
		subjectKey: string;
		userId: number | null;
		unitId: number | null;
		at: number;
	}
): Promise<void> {
	await trx
		.insertInto('certificates')
		.values({
			code: c.code,
			kind: c.kind,
			scope_key: c.scopeKey,
			contest_id: c.contestId,
			round_id: c.roundId,
			entry_id: c.entryId,
			subject_key: c.subjectKey,
			user_id: c.userId,
			unit_id: c.unitId,
			issued_at: c.at,
			revoked_at: null,
			revoke_reason: null
		})
		.onConflict((oc) => oc.column('subject_key').doNothing())
		.execute();
}

export async function revokeCertificateOf(trx: Executor, entryId: number, reason: string, at: number): Promise<void> {
	await trx
		.updateTable('certificates')
		.set({ revoked_at: at, revoke_reason: reason })
		.where('entry_id', '=', entryId)
		.where('revoked_at', 'is', null)
		.execute();
}

/** A certificate with what its page and PDF show. */
export async function findCertificate(db: Executor, where: { code: string } | { subjectKey: string }) {
	let q = db
		.selectFrom('certificates as c')
		.innerJoin('contests as ct', 'ct.id', 'c.contest_id')
		.leftJoin('rounds as r', 'r.id', 'c.round_id')
		.leftJoin('prize_entries as e', 'e.id', 'c.entry_id')
		.leftJoin('users as u', 'u.id', 'c.user_id')
		.leftJoin('units as un', (j) => j.on((eb) => eb('un.id', '=', eb.fn.coalesce('c.unit_id', 'u.unit_id'))))
		.select([
			'c.code',
			'c.kind',
			'c.scope_key',
			'c.contest_id',
			'c.round_id',
			'c.entry_id',
			'c.user_id',
			'c.unit_id',
			'c.issued_at',
			'c.revoked_at',
			'c.revoke_reason',
			'ct.title as contest_title',
			'r.title as round_title',
			'e.tier_name',
			'e.category',
			'u.full_name',
			'u.anonymised_at',
			'un.name as unit_name'
		]);
	q = 'code' in where ? q.where('c.code', '=', where.code) : q.where('c.subject_key', '=', where.subjectKey);
	return q.executeTakeFirst();
}
export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

/** Codes of the certificates of a list's entries, in list order (revoked ones too). */
export async function certificateCodesOfList(
	db: Executor,
	listId: number
): Promise<{ code: string; entry_id: number; revoked_at: number | null }[]> {
	const rows = await db
		.selectFrom('certificates as c')
		.innerJoin('prize_entries as e', 'e.id', 'c.entry_id')
		.select(['c.code', 'e.id as entry_id', 'c.revoked_at'])
		.where('e.list_id', '=', listId)
		.orderBy('e.position')
		.execute();
	return rows.map((r) => ({ code: r.code, entry_id: r.entry_id, revoked_at: r.revoked_at }));
}

/** A person's certificates, newest first. */
export async function certificatesOfUser(db: Executor, userId: number) {
	return db
		.selectFrom('certificates as c')
		.innerJoin('contests as ct', 'ct.id', 'c.contest_id')
		.leftJoin('rounds as r', 'r.id', 'c.round_id')
		.leftJoin('prize_entries as e', 'e.id', 'c.entry_id')
		.select([
			'c.code',
			'c.kind',
			'c.round_id',
			'c.issued_at',
			'c.revoked_at',
			'ct.title as contest_title',
			'r.title as round_title',
			'e.tier_name'
		])
		.where('c.user_id', '=', userId)
		.orderBy('c.issued_at', 'desc')
		.execute();
}

/** Frozen, confirmed person prizes with contact details, for delivery (optionally one unit's). */
export async function deliveryRows(db: Executor, f: { unitId: number | null; roundId: number | null }) {
	let q = db
		.selectFrom('prize_entries as e')
		.innerJoin('prize_lists as l', 'l.id', 'e.list_id')
		.innerJoin('contests as ct', 'ct.id', 'l.contest_id')
		.leftJoin('rounds as r', 'r.id', 'l.round_id')
		.innerJoin('users as u', 'u.id', 'e.user_id')
		.innerJoin('units as un', 'un.id', 'u.unit_id')
		.leftJoin('certificates as c', 'c.entry_id', 'e.id')
		.select([
			'ct.title as contest_title',
			'r.title as round_title',
			'r.opens_at',
			'e.tier_name',
			'e.rank',
			'e.score',
			'e.total',
			'e.duration_ms',
			'u.full_name',
			'u.phone',
			'u.email',
			'u.birth_date',
			'un.code as unit_code',
			'un.name as unit_name',
			'c.code as certificate_code'
		])
		.where('l.status', '=', 'frozen')
		.where('e.status', '=', 'confirmed');
	if (f.unitId != null) q = q.where('u.unit_id', '=', f.unitId);
	if (f.roundId != null) q = q.where('l.round_id', '=', f.roundId);
	return q.orderBy('ct.id').orderBy('r.opens_at').orderBy('e.position').execute();
}

/** Frozen lists of a contest (round lists and the unit list). */
export function listsOfContest(db: Executor, contestId: number) {
	return db.selectFrom('prize_lists').selectAll().where('contest_id', '=', contestId).execute();
}
