import type { Db } from '../db';
import type { Gender, Role } from '../db/types';
import * as contests from '../contests/contests';
import * as users from '../users/users';
import { createAccount } from '../users/accounts';
import { hashPassword } from '../auth/password';
import { foldVietnamese } from '../../vn/text';
import { CONSENT_VERSION } from '../../schemas/auth';
import * as attempts from '../attempts/service';
import { seededRng, shuffle } from '../questions/draw';
import { listTopics } from '../questions/questions';
import { seedSuspicious, type DemoPlants } from './suspicious';
import { seedUnitsAndBank } from './base';
import * as roundBest from '../leaderboards/round-best';
import { seedLiveGame } from './live';

const DAY = 24 * 60 * 60 * 1000;

export { STARTER_BANK_FILE } from './base';

export const DEMO_PASSWORD = 'hoithi-demo-2026';

/** One account per role; printed by `npm start` so a new user can log in straight away. */
export const DEMO_ACCOUNTS: { role: Role; fullName: string; phone: string; unitCode: string }[] = [
	{ role: 'admin', fullName: 'Quản Trị Hệ Thống', phone: '0900000001', unitCode: '002' },
	{ role: 'organiser', fullName: 'Trần Thị Tổ Chức', phone: '0900000002', unitCode: '002' },
	{ role: 'district_lead', fullName: 'Lê Thị Ba Đình', phone: '0900000003', unitCode: '001' },
	{ role: 'participant', fullName: 'Nguyễn Thị Hằng', phone: '0900000004', unitCode: '006' }
];

const RULES = `1. Đối tượng dự thi: hội viên phụ nữ, học sinh, sinh viên và người dân đang sinh sống, học tập, làm việc trên địa bàn thành phố Hà Nội.
2. Mỗi đợt thi có 10 câu hỏi trắc nghiệm được rút ngẫu nhiên từ ngân hàng câu hỏi, thời gian làm bài 15 phút.
3. Mỗi người được thi tối đa 3 lượt trong một đợt; kết quả cao nhất được tính.
4. Xếp hạng: điểm cao hơn → dự đoán gần đúng hơn (sau khi đợt thi kết thúc) → thời gian làm bài ngắn hơn → nộp bài sớm hơn.
5. Mỗi người chỉ được đăng ký một tài khoản. Các trường hợp gian lận sẽ bị hủy kết quả.
6. Đáp án và giải thích được công bố để người dự thi cùng tìm hiểu pháp luật: ngay sau khi nộp bài hoặc sau khi đợt thi kết thúc, tùy từng đợt (ghi ở mỗi đợt thi).`;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE_F = ['Thị', 'Thu', 'Minh', 'Ngọc', 'Thanh'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu'];
const GIVEN_F = ['Hằng', 'Lan', 'Hương', 'Mai', 'Thảo', 'Linh', 'Trang', 'Hà', 'Yến', 'Phương', 'Nhung', 'Dung'];
const GIVEN_M = ['Nam', 'Hùng', 'Dũng', 'Tuấn', 'Long', 'Sơn', 'Khánh', 'Phúc'];

export async function isEmpty(db: Db): Promise<boolean> {
	return (await users.countUsers(db)) === 0 && (await contests.listContests(db)).length === 0;
}

/**
 * Seeds the demo: the 30 districts of 2024 with targets, the question bank, a contest with a
 * closed past round, a round open now (opened yesterday, closes in 30 days) and an upcoming
 * one, one account per role, and demo participants with finished attempts; returns the planted
 * suspicious cases of the open round (suspicious.ts).
 * Deterministic apart from the dates, which are relative to `now`.
 */
export async function seedDemo(db: Db, now = Date.now(), participants = 60): Promise<DemoPlants | null> {
	const rng = seededRng(20261201);
	await db.transaction().execute(async (trx) => {
		await seedUnitsAndBank(trx, now);
		const topicId = new Map((await listTopics(trx)).map((t) => [t.code, t.id]));
		// The open round draws like the real contest: 4 law, 3 safety skills, 3 children (issue 3).
		const weekTwoQuotas = [
			{ topicId: topicId.get('bao-luc-gia-dinh')!, difficulty: null, count: 4 },
			{ topicId: topicId.get('ky-nang')!, difficulty: null, count: 3 },
			{ topicId: topicId.get('tre-em')!, difficulty: null, count: 3 }
		];
		const contestId = await contests.insertContest(
			trx,
			{
				title: 'Tìm hiểu kiến thức phòng ngừa, ứng phó với bạo lực, xâm hại phụ nữ, trẻ em',
				rules: RULES,
				status: 'published'
			},
			now
		);
		const base = { questionCount: 10, timeLimitMinutes: 15, maxAttempts: 3, quotas: [] };
		await contests.insertRound(
			trx,
			contestId,
			{
				...base,
				title: 'Tuần 1',
				opensAt: now - 15 * DAY,
				closesAt: now - 8 * DAY,
				revealPolicy: 'after_submit',
				predictionKind: 'participants',
				predictionQuestion: 'Theo bạn, có bao nhiêu người tham gia Tuần 1?'
			},
			now
		);
		await contests.insertRound(
			trx,
			contestId,
			{
				...base,
				title: 'Tuần 2',
				quotas: weekTwoQuotas,
				opensAt: now - DAY,
				closesAt: now + 30 * DAY,
				revealPolicy: 'after_submit',
				predictionKind: 'attempts',
				predictionQuestion: 'Theo bạn, Tuần 2 sẽ có bao nhiêu lượt thi?'
			},
			now
		);
		await contests.insertRound(
			trx,
			contestId,
			{
				...base,
				title: 'Tuần 3',
				opensAt: now + 30 * DAY,
				closesAt: now + 37 * DAY,
				revealPolicy: 'after_close',
				predictionKind: null,
				predictionQuestion: ''
			},
			now
		);
	});

	for (const a of DEMO_ACCOUNTS) {
		const res = await createAccount(
			db,
			{
				fullName: a.fullName,
				birthDate: '1985-03-08',
				gender: 'female',
				phone: '+84' + a.phone.slice(1),
				email: null,
				nationalId: null,
				unitCode: a.unitCode,
				password: DEMO_PASSWORD,
				role: a.role
			},
			now
		);
		if (!res.ok) throw new Error('Demo account failed: ' + JSON.stringify(res.errors));
	}

	// Demo participants share one password hash (hashing 60 times would only slow the seed down).
	const hash = await hashPassword(DEMO_PASSWORD);
	const unitRows = await db.selectFrom('units').select(['id', 'code']).where('parent_id', 'is not', null).orderBy('code').execute();
	const rounds = await db.selectFrom('rounds').select(['id', 'opens_at', 'closes_at', 'title']).orderBy('opens_at').execute();
	const [past, current] = rounds;
	for (let i = 0; i < participants; i++) {
		const female = rng() < 0.8;
		const fullName = [
			FAMILY[Math.floor(rng() * FAMILY.length)],
			(female ? MIDDLE_F : MIDDLE_M)[Math.floor(rng() * 5)],
			(female ? GIVEN_F : GIVEN_M)[Math.floor(rng() * (female ? GIVEN_F.length : GIVEN_M.length))]
		].join(' ');
		// Skewed participation: the first districts bring more people.
		const unit = unitRows[Math.floor(Math.pow(rng(), 1.8) * unitRows.length)];
		const year = 1960 + Math.floor(rng() * 50);
		const userId = await users.insertUser(db, {
			full_name: fullName,
			name_folded: foldVietnamese(fullName),
			birth_date: `${year}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`,
			gender: (female ? 'female' : 'male') as Gender,
			phone: `+8498${String(1000000 + i).padStart(7, '0')}`,
			email: null,
			national_id_hash: null,
			unit_id: unit.id,
			role: 'participant',
			password_hash: hash,
			consent_at: now - 20 * DAY,
			consent_version: CONSENT_VERSION,
			created_at: now - 20 * DAY
		});
		const skill = 0.55 + rng() * 0.45;
		for (const round of [past, current]) {
			const tries = 1 + Math.floor(rng() * 3);
			for (let t = 0; t < tries; t++) {
				const startAt =
					round.opens_at + Math.floor(rng() * Math.min(round.closes_at - round.opens_at, now - round.opens_at - 60 * 60 * 1000));
				await takeDemoAttempt(db, userId, round.id, startAt, skill, rng);
			}
		}
	}
	// Fairness demo: a few suspicious participants so the organisers' report is not empty.
	const planted = await seedSuspicious(db, hash, now);
	// Some demo rows are written directly (not through the attempt service): rebuild the best-of table.
	await roundBest.rebuildAll(db);
	// Live hội thi demo: the district lead's game with its room open (seed/live.ts).
	await seedLiveGame(db, now);
	return planted;
}

/** Takes an attempt through the real service, answering each question right with probability `skill`. */
async function takeDemoAttempt(db: Db, userId: number, roundId: number, startAt: number, skill: number, rng: () => number) {
	const started = await attempts.startOrResume(db, userId, roundId, startAt, rng);
	if (!started.ok) return;
	const { view } = started;
	let t = startAt;
	for (const q of view.questions) {
		t += 10_000 + Math.floor(rng() * 40_000);
		const item = await db
			.selectFrom('attempt_questions')
			.innerJoin('question_versions', 'question_versions.id', 'attempt_questions.question_version_id')
			.select(['question_versions.options_json'])
			.where('attempt_questions.attempt_id', '=', view.attemptId)
			.where('attempt_questions.question_id', '=', q.id)
			.executeTakeFirstOrThrow();
		const options = JSON.parse(item.options_json) as { id: string; correct: boolean }[];
		const right = options.filter((o) => o.correct).map((o) => o.id);
		const chosen = rng() < skill ? right : [shuffle(options, rng)[0].id];
		await attempts.saveAnswer(db, userId, view.attemptId, q.id, chosen, t);
	}
	await attempts.submit(db, userId, view.attemptId, 30 + Math.floor(rng() * 120), t + 5_000);
}
