import type { Db, Executor } from '../db';
import { lockingRowsOf } from '../db/sql';
import * as roundBest from '../leaderboards/round-best';
import { audit } from '../audit';
import { formatNumber } from '../../vn/number';
import { invalidateUserSessions } from '../auth/sessions';

/**
 * Organisers' decisions: disqualify or reinstate a person or an attempt, merge or dismiss a
 * possible duplicate. Each one needs a reason, changes state in one transaction and writes the
 * audit log (who, when, what, why) in the same transaction. Leaderboards and unit counts already
 * leave out disqualified attempts and people (leaderboards/counted.ts), so nothing else changes.
 */

export type DecisionResult = { ok: true; message: string } | { ok: false; status: 400 | 404 | 409; message: string };

const ok = (message: string): DecisionResult => ({ ok: true, message });
const no = (status: 400 | 404 | 409, message: string): DecisionResult => ({ ok: false, status, message });

export async function disqualifyAttempt(
	db: Db,
	actorId: number,
	attemptId: number,
	reason: string,
	now = Date.now()
): Promise<DecisionResult> {
	return db.transaction().execute(async (trx) => {
		// Locked (PostgreSQL): a second decision on the attempt waits, then finds this one's.
		const a = await lockingRowsOf(
			trx,
			trx.selectFrom('attempts').select(['id', 'round_id', 'user_id', 'disqualified_at']).where('id', '=', attemptId),
			'attempts'
		).executeTakeFirst();
		if (!a) return no(404, 'Không tìm thấy lượt thi.');
		if (a.disqualified_at != null) return no(409, 'Lượt thi này đã bị loại trước đó.');
		await trx.updateTable('attempts').set({ disqualified_at: now, disqualify_reason: reason }).where('id', '=', attemptId).execute();
		await roundBest.refreshBest(trx, a.round_id, a.user_id);
		await audit(trx, {
			actorUserId: actorId,
			action: 'attempt.disqualify',
			entity: 'attempt',
			entityId: attemptId,
			at: now,
			details: { reason, roundId: a.round_id, userId: a.user_id }
		});
		return ok(`Đã loại lượt thi #${attemptId}.`);
	});
}

export async function reinstateAttempt(
	db: Db,
	actorId: number,
	attemptId: number,
	reason: string,
	now = Date.now()
): Promise<DecisionResult> {
	return db.transaction().execute(async (trx) => {
		const a = await lockingRowsOf(
			trx,
			trx.selectFrom('attempts').select(['id', 'round_id', 'user_id', 'disqualified_at', 'disqualify_reason']).where('id', '=', attemptId),
			'attempts'
		).executeTakeFirst();
		if (!a) return no(404, 'Không tìm thấy lượt thi.');
		if (a.disqualified_at == null) return no(409, 'Lượt thi này không bị loại.');
		await trx.updateTable('attempts').set({ disqualified_at: null, disqualify_reason: null }).where('id', '=', attemptId).execute();
		await roundBest.refreshBest(trx, a.round_id, a.user_id);
		await audit(trx, {
			actorUserId: actorId,
			action: 'attempt.reinstate',
			entity: 'attempt',
			entityId: attemptId,
			at: now,
			details: { reason, previousReason: a.disqualify_reason, roundId: a.round_id, userId: a.user_id }
		});
		return ok(`Đã khôi phục lượt thi #${attemptId}.`);
	});
}

const STAFF = ['organiser', 'admin'];

export async function disqualifyUser(db: Db, actorId: number, userId: number, reason: string, now = Date.now()): Promise<DecisionResult> {
	return db.transaction().execute((trx) => disqualifyUserIn(trx, actorId, userId, reason, now));
}

/**
 * disqualifyUser inside a transaction the caller holds (the prize review marks the winner's entry
 * in the same transaction): the one path that disqualifies a person.
 */
export async function disqualifyUserIn(
	trx: Executor,
	actorId: number,
	userId: number,
	reason: string,
	now = Date.now()
): Promise<DecisionResult> {
	if (actorId === userId) return no(400, 'Bạn không thể tự loại chính mình.');
	const u = await lockingRowsOf(
		trx,
		trx.selectFrom('users').select(['id', 'role', 'disqualified_at']).where('id', '=', userId),
		'users'
	).executeTakeFirst();
	if (!u) return no(404, 'Không tìm thấy người dự thi.');
	if (STAFF.includes(u.role)) return no(400, 'Không thể loại tài khoản của Ban Tổ chức.');
	if (u.disqualified_at != null) return no(409, 'Người này đã bị loại trước đó.');
	await trx.updateTable('users').set({ disqualified_at: now, disqualify_reason: reason }).where('id', '=', userId).execute();
	await roundBest.refreshPerson(trx, userId);
	await audit(trx, { actorUserId: actorId, action: 'user.disqualify', entity: 'user', entityId: userId, at: now, details: { reason } });
	return ok('Đã loại người dự thi: mọi lượt thi của người này không được tính.');
}

export async function reinstateUser(db: Db, actorId: number, userId: number, reason: string, now = Date.now()): Promise<DecisionResult> {
	return db.transaction().execute(async (trx) => {
		const u = await lockingRowsOf(
			trx,
			trx.selectFrom('users').select(['id', 'disqualified_at', 'disqualify_reason', 'merged_into']).where('id', '=', userId),
			'users'
		).executeTakeFirst();
		if (!u) return no(404, 'Không tìm thấy người dự thi.');
		if (u.disqualified_at == null) return no(409, 'Người này không bị loại.');
		if (u.merged_into != null) return no(409, `Tài khoản này đã được gộp vào tài khoản #${u.merged_into}, không thể khôi phục.`);
		await trx.updateTable('users').set({ disqualified_at: null, disqualify_reason: null }).where('id', '=', userId).execute();
		await roundBest.refreshPerson(trx, userId);
		await audit(trx, {
			actorUserId: actorId,
			action: 'user.reinstate',
			entity: 'user',
			entityId: userId,
			at: now,
			details: { reason, previousReason: u.disqualify_reason }
		});
		return ok('Đã khôi phục người dự thi.');
	});
}

async function recordReview(
	trx: Executor,
	r: { a: number; b: number; decision: 'dismissed' | 'merged'; kept: number | null; actorId: number; at: number; note: string }
): Promise<boolean> {
	const res = await trx
		.insertInto('duplicate_reviews')
		.values({
			user_low: Math.min(r.a, r.b),
			user_high: Math.max(r.a, r.b),
			decision: r.decision,
			kept_user_id: r.kept,
			decided_by: r.actorId,
			decided_at: r.at,
			note: r.note
		})
		.onConflict((oc) => oc.columns(['user_low', 'user_high']).doNothing())
		.executeTakeFirst();
	return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function dismissDuplicate(
	db: Db,
	actorId: number,
	a: number,
	b: number,
	reason: string,
	now = Date.now()
): Promise<DecisionResult> {
	if (a === b) return no(400, 'Hai tài khoản phải khác nhau.');
	return db.transaction().execute(async (trx) => {
		const found = await trx.selectFrom('users').select('id').where('id', 'in', [a, b]).execute();
		if (found.length !== 2) return no(404, 'Không tìm thấy tài khoản.');
		if (!(await recordReview(trx, { a, b, decision: 'dismissed', kept: null, actorId, at: now, note: reason })))
			return no(409, 'Cặp tài khoản này đã được xử lý.');
		await audit(trx, {
			actorUserId: actorId,
			action: 'duplicate.dismiss',
			entity: 'user',
			entityId: Math.min(a, b),
			at: now,
			details: { users: [a, b], reason }
		});
		return ok('Đã ghi nhận: hai tài khoản là hai người khác nhau.');
	});
}

/**
 * Merges a duplicate account into the one kept. The rule that keeps attempt numbers unique and
 * the attempt cap intact: for each round, the duplicate's attempts move to the kept account only
 * if the kept account has no attempt in that round (its numbers 1…n then stay unique and within
 * the cap). Where both accounts took part in a round, moving could exceed the cap and clash
 * numbers — and taking part twice is exactly the abuse — so the duplicate's attempts of that
 * round stay where they are and are disqualified with the reason. The duplicate account is then
 * disqualified, marked merged, and logged out; its phone/email/CCCD stay reserved so it cannot
 * be registered again.
 */
export async function mergeDuplicate(
	db: Db,
	actorId: number,
	keepId: number,
	dupId: number,
	reason: string,
	now = Date.now()
): Promise<DecisionResult & { moved?: number[]; disqualified?: number[] }> {
	if (keepId === dupId) return no(400, 'Hai tài khoản phải khác nhau.');
	return db.transaction().execute(async (trx) => {
		// Both rows locked, in id order (PostgreSQL): a second merge of either account waits, then sees merged_into.
		const people = await lockingRowsOf(
			trx,
			trx.selectFrom('users').select(['id', 'role', 'merged_into']).where('id', 'in', [keepId, dupId]).orderBy('id'),
			'users'
		).execute();
		if (people.length !== 2) return no(404, 'Không tìm thấy tài khoản.');
		if (people.some((p) => STAFF.includes(p.role))) return no(400, 'Không thể gộp tài khoản của Ban Tổ chức.');
		if (people.some((p) => p.merged_into != null)) return no(409, 'Một trong hai tài khoản đã được gộp trước đó.');
		if (!(await recordReview(trx, { a: keepId, b: dupId, decision: 'merged', kept: keepId, actorId, at: now, note: reason })))
			return no(409, 'Cặp tài khoản này đã được xử lý.');

		const dupAttempts = await trx
			.selectFrom('attempts')
			.select(['id', 'round_id', 'disqualified_at'])
			.where('user_id', '=', dupId)
			.execute();
		const keptRounds = new Set(
			(await trx.selectFrom('attempts').select('round_id').distinct().where('user_id', '=', keepId).execute()).map((r) => r.round_id)
		);
		const moved: number[] = [];
		const disqualified: number[] = [];
		for (const a of dupAttempts) {
			if (!keptRounds.has(a.round_id)) moved.push(a.id);
			else if (a.disqualified_at == null) disqualified.push(a.id);
		}
		if (moved.length) await trx.updateTable('attempts').set({ user_id: keepId }).where('id', 'in', moved).execute();
		if (disqualified.length)
			await trx
				.updateTable('attempts')
				.set({ disqualified_at: now, disqualify_reason: `Tài khoản trùng, đã gộp vào #${keepId}: ${reason}` })
				.where('id', 'in', disqualified)
				.execute();
		await trx
			.updateTable('users')
			.set({ disqualified_at: now, disqualify_reason: `Tài khoản trùng, đã gộp vào #${keepId}: ${reason}`, merged_into: keepId })
			.where('id', '=', dupId)
			.execute();
		await invalidateUserSessions(trx, dupId);
		await roundBest.refreshPerson(trx, dupId);
		await roundBest.refreshPerson(trx, keepId);
		await audit(trx, {
			actorUserId: actorId,
			action: 'user.merge',
			entity: 'user',
			entityId: dupId,
			at: now,
			details: { keptUserId: keepId, duplicateUserId: dupId, movedAttempts: moved, disqualifiedAttempts: disqualified, reason }
		});
		return {
			...ok(
				`Đã gộp tài khoản #${dupId} vào #${keepId}: chuyển ${formatNumber(moved.length)} lượt thi, loại ${formatNumber(disqualified.length)} lượt thi trùng đợt.`
			),
			moved,
			disqualified
		};
	});
}
