import type { Executor } from '../db';
import { maskEmail, maskPhone } from './duplicates';

/** One person as an organiser reviewing fairness sees them: contact details masked. */
export async function personForReview(db: Executor, userId: number) {
	const u = await db
		.selectFrom('users')
		.innerJoin('units', 'units.id', 'users.unit_id')
		.select([
			'users.id',
			'users.full_name',
			'users.birth_date',
			'users.role',
			'users.phone',
			'users.email',
			'users.created_at',
			'users.disqualified_at',
			'users.disqualify_reason',
			'users.merged_into',
			'units.name as unit_name'
		])
		.where('users.id', '=', userId)
		.executeTakeFirst();
	if (!u) return null;
	const [attempts, origins] = await Promise.all([
		db
			.selectFrom('attempts')
			.innerJoin('rounds', 'rounds.id', 'attempts.round_id')
			.select([
				'attempts.id',
				'attempts.round_id',
				'attempts.attempt_no',
				'attempts.status',
				'attempts.started_at',
				'attempts.duration_ms',
				'attempts.score',
				'attempts.total',
				'attempts.disqualified_at',
				'attempts.disqualify_reason',
				'rounds.title as round_title'
			])
			.where('attempts.user_id', '=', userId)
			.orderBy('attempts.started_at', 'desc')
			.limit(100)
			.execute(),
		db
			.selectFrom('access_events')
			.select(['kind', 'at', 'device_hash', 'ip_hash'])
			.where('user_id', '=', userId)
			.orderBy('at', 'desc')
			.limit(20)
			.execute()
	]);
	return {
		id: u.id,
		fullName: u.full_name,
		birthYear: u.birth_date.slice(0, 4),
		role: u.role,
		phone: maskPhone(u.phone),
		email: u.email ? maskEmail(u.email) : null,
		unitName: u.unit_name,
		createdAt: u.created_at,
		disqualifiedAt: u.disqualified_at,
		disqualifyReason: u.disqualify_reason,
		mergedInto: u.merged_into,
		attempts: attempts.map((a) => ({
			id: a.id,
			roundId: a.round_id,
			roundTitle: a.round_title,
			attemptNo: a.attempt_no,
			status: a.status,
			startedAt: a.started_at,
			durationMs: a.duration_ms,
			score: a.score,
			total: a.total,
			disqualifiedAt: a.disqualified_at,
			disqualifyReason: a.disqualify_reason
		})),
		// Hashes shortened: enough to see that two events share a device, nothing more.
		origins: origins.map((o) => ({
			kind: o.kind,
			at: o.at,
			device: o.device_hash?.slice(0, 8) ?? null,
			ip: o.ip_hash?.slice(0, 8) ?? null
		}))
	};
}
