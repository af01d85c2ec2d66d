import type { Db, Executor } from '../db';
import type { DeletionStatus, Role } from '../db/types';
import { audit } from '../audit';
import { invalidateUserSessions } from '../auth/sessions';
import { isUniqueViolation, withSavepoint } from '../db/errors';
import { lockingRowsOf } from '../db/sql';

/**
 * Personal data of participants (Vietnam's Decree 13/2023 on personal-data protection): what we
 * hold about a person can be downloaded by that person, and erased at their request once an
 * organiser confirms. Erasure keeps results for the statistics and the prize history but removes
 * everything that identifies the person. Every export is written to the audit log.
 */
export const ANONYMOUS_NAME = 'Người dự thi ẩn danh';

export interface PersonalDataExport {
	exportedAt: string;
	account: {
		id: number;
		fullName: string;
		birthDate: string;
		gender: string;
		phone: string;
		email: string | null;
		nationalId: string;
		unit: string;
		role: Role;
		createdAt: string;
		consent: { at: string; textVersion: string };
		guardian: { name: string; phone: string; confirmedAt: string } | null;
	};
	attempts: {
		round: string;
		contest: string;
		attemptNo: number;
		status: string;
		startedAt: string;
		submittedAt: string | null;
		score: number | null;
		total: number;
		prediction: number | null;
		disqualified: boolean;
		answers: { questionId: number; chosenOptionIds: string[]; savedAt: string }[];
	}[];
	accessEvents: { kind: string; at: string }[];
	deletionRequests: { requestedAt: string; status: DeletionStatus; decidedAt: string | null }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Everything held about a person, as JSON; logs the export (who, whose) in the audit log. */
export async function exportPersonalData(db: Db, userId: number, actorUserId: number): Promise<PersonalDataExport | null> {
	return db.transaction().execute(async (trx) => {
		const u = await trx
			.selectFrom('users')
			.innerJoin('units', 'units.id', 'users.unit_id')
			.selectAll('users')
			.select('units.name as unit_name')
			.where('users.id', '=', userId)
			.executeTakeFirst();
		if (!u) return null;
		const [attempts, answers, events, requests, practice] = await Promise.all([
			trx
				.selectFrom('attempts')
				.innerJoin('rounds', 'rounds.id', 'attempts.round_id')
				.innerJoin('contests', 'contests.id', 'rounds.contest_id')
				.select([
					'attempts.id',
					'attempts.attempt_no',
					'attempts.status',
					'attempts.started_at',
					'attempts.submitted_at',
					'attempts.score',
					'attempts.total',
					'attempts.prediction',
					'attempts.disqualified_at',
					'rounds.title as round_title',
					'contests.title as contest_title'
				])
				.where('attempts.user_id', '=', userId)
				.orderBy('attempts.started_at')
				.execute(),
			trx
				.selectFrom('attempt_answers')
				.innerJoin('attempts', 'attempts.id', 'attempt_answers.attempt_id')
				.select([
					'attempt_answers.attempt_id',
					'attempt_answers.question_id',
					'attempt_answers.option_ids_json',
					'attempt_answers.saved_at'
				])
				.where('attempts.user_id', '=', userId)
				.execute(),
			trx.selectFrom('access_events').select(['kind', 'at']).where('user_id', '=', userId).orderBy('at').execute(),
			trx
				.selectFrom('deletion_requests')
				.select(['requested_at', 'status', 'decided_at'])
				.where('user_id', '=', userId)
				.orderBy('id')
				.execute(),
			trx
				.selectFrom('practice_answers')
				.select(['question_id', 'option_ids_json', 'correct', 'answered_at'])
				.where('user_id', '=', userId)
				.orderBy('id')
				.execute()
		]);
		await audit(trx, {
			actorUserId,
			action: 'personal_data.export',
			entity: 'user',
			entityId: userId,
			details: { self: actorUserId === userId }
		});
		return {
			exportedAt: iso(Date.now()),
			account: {
				id: u.id,
				fullName: u.full_name,
				birthDate: u.birth_date,
				gender: u.gender,
				phone: u.phone,
				email: u.email,
				nationalId: u.national_id_hash ? 'Chỉ lưu mã băm có khóa (HMAC) của số CCCD, không lưu số gốc.' : 'Không cung cấp.',
				unit: u.unit_name,
				role: u.role,
				createdAt: iso(u.created_at),
				consent: { at: iso(u.consent_at), textVersion: u.consent_version },
				guardian:
					u.guardian_name && u.guardian_confirmed_at
						? { name: u.guardian_name, phone: u.guardian_phone ?? '', confirmedAt: iso(u.guardian_confirmed_at) }
						: null
			},
			attempts: attempts.map((a) => ({
				round: a.round_title,
				contest: a.contest_title,
				attemptNo: a.attempt_no,
				status: a.status,
				startedAt: iso(a.started_at),
				submittedAt: a.submitted_at == null ? null : iso(a.submitted_at),
				score: a.score,
				total: a.total,
				prediction: a.prediction,
				disqualified: a.disqualified_at != null,
				answers: answers
					.filter((x) => x.attempt_id === a.id)
					.map((x) => ({ questionId: x.question_id, chosenOptionIds: JSON.parse(x.option_ids_json) as string[], savedAt: iso(x.saved_at) }))
			})),
			practiceAnswers: practice.map((p) => ({
				questionId: p.question_id,
				chosenOptionIds: JSON.parse(p.option_ids_json) as string[],
				correct: p.correct === 1,
				answeredAt: iso(p.answered_at)
			})),
			accessEvents: events.map((e) => ({ kind: e.kind, at: iso(e.at) })),
			deletionRequests: requests.map((r) => ({
				requestedAt: iso(r.requested_at),
				status: r.status,
				decidedAt: r.decided_at == null ? null : iso(r.decided_at)
			}))
		};
	});
}

export type PrivacyResult = { ok: true; message: string } | { ok: false; status: 400 | 404 | 409; message: string };

/** A person asks for their data to be erased; at most one request waits at a time (unique index). */
export async function requestDeletion(db: Db, userId: number, reason: string, now = Date.now()): Promise<PrivacyResult> {
	return db.transaction().execute(async (trx) => {
		const u = await trx.selectFrom('users').select(['role', 'anonymised_at']).where('id', '=', userId).executeTakeFirst();
		if (!u || u.anonymised_at != null) return { ok: false, status: 404, message: 'Không tìm thấy tài khoản.' };
		// The partial unique index (one pending request per person) decides a double click.
		let row: { id: number };
		try {
			// In a savepoint: a lost race is an answer, and the transaction must survive it (PostgreSQL).
			row = await withSavepoint(trx, () =>
				trx.insertInto('deletion_requests').values({ user_id: userId, requested_at: now, reason }).returning('id').executeTakeFirstOrThrow()
			);
		} catch (e) {
			if (isUniqueViolation(e, 'deletion_requests.user_id'))
				return { ok: false, status: 409, message: 'Yêu cầu xóa dữ liệu của bạn đang chờ Ban Tổ chức xử lý.' };
			throw e;
		}
		await audit(trx, {
			actorUserId: userId,
			action: 'personal_data.deletion_request',
			entity: 'user',
			entityId: userId,
			details: { requestId: row.id },
			at: now
		});
		return { ok: true, message: 'Đã gửi yêu cầu xóa dữ liệu. Ban Tổ chức sẽ xử lý và thông báo cho bạn.' };
	});
}

export async function pendingDeletion(db: Executor, userId: number) {
	return db
		.selectFrom('deletion_requests')
		.select(['id', 'requested_at'])
		.where('user_id', '=', userId)
		.where('status', '=', 'pending')
		.executeTakeFirst();
}

/** Requests for organisers, newest first: pending ones, then the last decided ones. */
export async function listDeletionRequests(db: Executor, status: DeletionStatus, limit = 200) {
	const rows = await db
		.selectFrom('deletion_requests')
		.innerJoin('users', 'users.id', 'deletion_requests.user_id')
		.innerJoin('units', 'units.id', 'users.unit_id')
		.leftJoin('users as decider', 'decider.id', 'deletion_requests.decided_by')
		.select([
			'deletion_requests.id',
			'deletion_requests.user_id',
			'deletion_requests.requested_at',
			'deletion_requests.reason',
			'deletion_requests.status',
			'deletion_requests.decided_at',
			'deletion_requests.note',
			'users.full_name',
			'units.name as unit_name',
			'decider.full_name as decided_by_name'
		])
		.where('deletion_requests.status', '=', status)
		.orderBy('deletion_requests.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		userId: r.user_id,
		requestedAt: r.requested_at,
		reason: r.reason,
		status: r.status,
		decidedAt: r.decided_at,
		note: r.note,
		fullName: r.full_name,
		unitName: r.unit_name,
		decidedByName: r.decided_by_name
	}));
}

/**
 * Confirms a pending request and erases the person's identifying data in one transaction:
 * name → "Người dự thi ẩn danh", phone → a placeholder (frees the number), email, CCCD hash,
 * guardian and device/IP hashes removed, birth date reduced to the year (age statistics), the
 * password made unusable, every session ended. Attempts, scores and answers stay for the
 * statistics and the results already published; the leaderboard shows the anonymous name.
 */
export async function confirmDeletion(db: Db, actorUserId: number, requestId: number, now = Date.now()): Promise<PrivacyResult> {
	return db.transaction().execute(async (trx) => {
		// Locked (PostgreSQL): a second confirmation, or a rejection, waits for this decision.
		const req = await lockingRowsOf(
			trx,
			trx.selectFrom('deletion_requests').selectAll().where('id', '=', requestId),
			'deletion_requests'
		).executeTakeFirst();
		if (!req) return { ok: false, status: 404, message: 'Không tìm thấy yêu cầu.' };
		if (req.status !== 'pending') return { ok: false, status: 409, message: 'Yêu cầu này đã được xử lý.' };
		const u = await trx.selectFrom('users').select(['id', 'role', 'birth_date']).where('id', '=', req.user_id).executeTakeFirstOrThrow();
		if (u.role !== 'participant') {
			return { ok: false, status: 409, message: 'Tài khoản cán bộ cần được đổi về vai trò người dự thi trước khi xóa dữ liệu.' };
		}
		await trx
			.updateTable('users')
			.set({
				full_name: ANONYMOUS_NAME,
				name_folded: `an danh ${u.id}`,
				birth_date: u.birth_date.slice(0, 4) + '-01-01',
				phone: `erased:${u.id}`,
				email: null,
				national_id_hash: null,
				guardian_name: null,
				guardian_phone: null,
				password_hash: 'erased',
				anonymised_at: now
			})
			.where('id', '=', u.id)
			.execute();
		await trx.deleteFrom('access_events').where('user_id', '=', u.id).execute();
		await invalidateUserSessions(trx, u.id);
		await trx
			.updateTable('deletion_requests')
			.set({ status: 'confirmed', decided_by: actorUserId, decided_at: now, reason: '' })
			.where('id', '=', requestId)
			.execute();
		await audit(trx, { actorUserId, action: 'personal_data.erase', entity: 'user', entityId: u.id, details: { requestId }, at: now });
		return { ok: true, message: 'Đã xóa dữ liệu cá nhân; kết quả thi được giữ ở dạng ẩn danh.' };
	});
}

export async function rejectDeletion(
	db: Db,
	actorUserId: number,
	requestId: number,
	note: string,
	now = Date.now()
): Promise<PrivacyResult> {
	return db.transaction().execute(async (trx) => {
		const res = await trx
			.updateTable('deletion_requests')
			.set({ status: 'rejected', decided_by: actorUserId, decided_at: now, note })
			.where('id', '=', requestId)
			.where('status', '=', 'pending')
			.returning('user_id')
			.executeTakeFirst();
		if (!res) return { ok: false, status: 404, message: 'Không tìm thấy yêu cầu đang chờ.' };
		await audit(trx, {
			actorUserId,
			action: 'personal_data.deletion_reject',
			entity: 'user',
			entityId: res.user_id,
			details: { requestId, note },
			at: now
		});
		return { ok: true, message: 'Đã từ chối yêu cầu.' };
	});
}
