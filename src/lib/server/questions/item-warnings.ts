import type { Executor } from '../db';
import { audit } from '../audit';
import { registerCache, TtlCache } from '../cache';
import { checkBank, type CheckCode, type CheckedContent, type Flag } from './item-checks';
import type { StoredOption } from './questions';

/**
 * The item-writing warnings of the bank (checks in item-checks.ts) and the authors' acceptances
 * (migration 0015). Warnings are computed from the current content of the whole bank every time
 * (the cross-question check needs it; 5,000 questions take a few milliseconds), never stored, so
 * they cannot go stale; an acceptance holds for the version it was given on.
 */

export interface Warning extends Flag {
	/** Set when the author accepted this check for the question's current version. */
	accepted: { by: string | null; at: number } | null;
}

/** Every question's current content, as the checks take it. */
export async function listCheckInputs(db: Executor) {
	const rows = await db
		.selectFrom('questions')
		.innerJoin('question_versions as v', 'v.id', 'questions.current_version_id')
		.select(['questions.id', 'questions.exclusion_group', 'v.id as version_id', 'v.kind', 'v.stem', 'v.options_json'])
		.orderBy('questions.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		versionId: r.version_id,
		content: {
			kind: r.kind,
			stem: r.stem,
			options: (JSON.parse(r.options_json) as StoredOption[]).map((o) => ({ text: o.text, correct: o.correct }))
		} satisfies CheckedContent,
		group: r.exclusion_group
	}));
}

async function listAcceptances(db: Executor, questionId?: number) {
	let q = db
		.selectFrom('question_check_acceptances as a')
		.leftJoin('users', 'users.id', 'a.accepted_by')
		.select(['a.question_id', 'a.check_code', 'a.version_id', 'a.accepted_at', 'users.full_name']);
	if (questionId != null) q = q.where('a.question_id', '=', questionId);
	return q.execute();
}

/**
 * The flags of the whole bank, kept until the bank changes (every question write invalidates
 * 'questions', in every process) or for a minute: checking 5,000 questions takes a few hundred
 * milliseconds on this machine, too much for every list page.
 */
const flagCache = registerCache(
	'questions.item-flags',
	new TtlCache<{ versions: Map<number, number>; flags: Map<number, Flag[]> }, 'bank'>(60_000, 1),
	{ questions: 'clear' }
);

async function computeFlags(db: Executor) {
	const items = await listCheckInputs(db);
	return { versions: new Map(items.map((q) => [q.id, q.versionId])), flags: checkBank(items) };
}

/** Warnings per question id (questions without any are left out). */
export async function bankWarnings(db: Executor, onlyQuestion?: number): Promise<Map<number, Warning[]>> {
	// Inside a transaction the flags are computed afresh: its own writes must not fill the cache.
	const [bank, acceptances] = await Promise.all([
		db.isTransaction ? computeFlags(db) : flagCache.get('bank', () => computeFlags(db)),
		listAcceptances(db, onlyQuestion)
	]);
	const version = bank.versions;
	const accepted = new Map<string, { by: string | null; at: number }>();
	for (const a of acceptances)
		if (version.get(a.question_id) === a.version_id)
			accepted.set(`${a.question_id}:${a.check_code}`, { by: a.full_name, at: a.accepted_at });
	const out = new Map<number, Warning[]>();
	for (const [id, flags] of bank.flags) {
		if (onlyQuestion != null && id !== onlyQuestion) continue;
		out.set(
			id,
			flags.map((f) => ({ ...f, accepted: accepted.get(`${id}:${f.code}`) ?? null }))
		);
	}
	return out;
}

export type WarningFilter = 'open' | 'accepted';

/** Ids of the questions with a warning not accepted yet ('open'), or with an accepted one. */
export function idsWith(warnings: ReadonlyMap<number, readonly Warning[]>, which: WarningFilter): number[] {
	return [...warnings]
		.filter(([, list]) => (which === 'open' ? list.some((w) => !w.accepted) : list.some((w) => w.accepted)))
		.map(([id]) => id);
}

/**
 * Accepts a check for the question's current version (again: the newest acceptance wins). The
 * check must be one the question is flagged for now; `false` when it is not (nothing to accept).
 */
export async function accept(db: Executor, questionId: number, code: CheckCode, actorUserId: number, now = Date.now()): Promise<boolean> {
	const flags = (await bankWarnings(db, questionId)).get(questionId) ?? [];
	if (!flags.some((f) => f.code === code)) return false;
	const q = await db.selectFrom('questions').select('current_version_id').where('id', '=', questionId).executeTakeFirst();
	if (!q?.current_version_id) return false;
	await db
		.insertInto('question_check_acceptances')
		.values({ question_id: questionId, check_code: code, version_id: q.current_version_id, accepted_by: actorUserId, accepted_at: now })
		.onConflict((oc) =>
			oc
				.columns(['question_id', 'check_code'])
				.doUpdateSet({ version_id: q.current_version_id!, accepted_by: actorUserId, accepted_at: now })
		)
		.execute();
	await audit(db, {
		actorUserId,
		action: 'question.accept_check',
		entity: 'question',
		entityId: questionId,
		details: { check: code },
		at: now
	});
	return true;
}

/** Withdraws an acceptance: the warning shows as open again. */
export async function withdraw(db: Executor, questionId: number, code: CheckCode, actorUserId: number): Promise<void> {
	const res = await db
		.deleteFrom('question_check_acceptances')
		.where('question_id', '=', questionId)
		.where('check_code', '=', code)
		.executeTakeFirst();
	if (Number(res.numDeletedRows) > 0)
		await audit(db, { actorUserId, action: 'question.withdraw_check', entity: 'question', entityId: questionId, details: { check: code } });
}
