import type { Db } from '../db';
import type { Gender } from '../db/types';
import * as users from '../users/users';
import * as attempts from '../attempts/service';
import { seededRng, type Rng } from '../questions/draw';
import { recordEvent } from '../auth/access-events';
import { hashDevice, hashIp, type Fingerprint } from '../auth/fingerprint';
import { foldVietnamese } from '../../vn/text';
import { CONSENT_VERSION } from '../../schemas/auth';
import { Sim, sharingGroup } from './adversarial';

const HOUR = 60 * 60 * 1000;

/** The accounts of each planted case (the open round's), for measuring the report on the demo (npm run fairness:eval). */
export interface DemoPlants {
	roundId: number;
	deviceFarm: number[];
	sharingGroup: number[];
	speedBot: number[];
	duplicate: number[];
}

/**
 * A few deliberately suspicious demo participants, so the organisers' fairness pages have
 * something to show: an account farm on one device, an answer-sharing group, a scripted attempt, and one person registered twice. Separate from seedDemo's own
 * data (called at its end) and deterministic apart from dates relative to `now`.
 */
export async function seedSuspicious(db: Db, passwordHash: string, now = Date.now()): Promise<DemoPlants | null> {
	const round = await db
		.selectFrom('rounds')
		.select(['id'])
		.where('opens_at', '<=', now)
		.where('closes_at', '>', now)
		.orderBy('opens_at')
		.executeTakeFirst();
	const unitRows = await db.selectFrom('units').select(['id', 'code']).where('parent_id', 'is not', null).orderBy('code').execute();
	if (!round || unitRows.length < 3) return null;
	const planted: DemoPlants = { roundId: round.id, deviceFarm: [], sharingGroup: [], speedBot: [], duplicate: [] };
	const unit = (code: string) => unitRows.find((u) => u.code === code)?.id ?? unitRows[0].id;

	let phoneNo = 0;
	const person = async (fullName: string, birthDate: string, unitId: number, at: number, origin: Fingerprint) => {
		const id = await users.insertUser(db, {
			full_name: fullName,
			name_folded: foldVietnamese(fullName),
			birth_date: birthDate,
			gender: 'female' as Gender,
			phone: `+8497${String(7000000 + phoneNo++).padStart(7, '0')}`,
			email: null,
			national_id_hash: null,
			unit_id: unitId,
			role: 'participant',
			password_hash: passwordHash,
			consent_at: at,
			consent_version: CONSENT_VERSION,
			created_at: at
		});
		await recordEvent(db, { kind: 'register', userId: id, at, ...origin });
		return id;
	};

	/** Starts an attempt at `at` and answers every question: right, or the first option shown. */
	const take = async (
		userId: number,
		at: number,
		secondsPerQuestion: number,
		rng: Rng,
		origin: Fingerprint,
		right: (i: number) => boolean
	) => {
		const started = await attempts.startOrResume(db, userId, round.id, at, rng, origin);
		if (!started.ok) return;
		let t = at;
		for (const [i, q] of started.view.questions.entries()) {
			t += secondsPerQuestion * 1000;
			const item = await db
				.selectFrom('attempt_questions')
				.innerJoin('question_versions', 'question_versions.id', 'attempt_questions.question_version_id')
				.select('question_versions.options_json')
				.where('attempt_questions.attempt_id', '=', started.view.attemptId)
				.where('attempt_questions.question_id', '=', q.id)
				.executeTakeFirstOrThrow();
			const options = JSON.parse(item.options_json) as { id: string; correct: boolean }[];
			const chosen = right(i) ? options.filter((o) => o.correct).map((o) => o.id) : [q.options[0].id];
			await attempts.saveAnswer(db, userId, started.view.attemptId, q.id, chosen, t);
		}
		await attempts.submit(db, userId, started.view.attemptId, 100, t + 1_000);
	};

	// 1. An account farm: four accounts registered and used from one device within two hours.
	const farm: Fingerprint = { deviceHash: hashDevice('demo-farm-device'), ipHash: hashIp('demo-198.51.100.7') };
	const farmNames = ['Đỗ Thị Hoa', 'Đỗ Thị Huệ', 'Đỗ Thị Hồng', 'Đỗ Thị Hạnh'];
	for (const [i, name] of farmNames.entries()) {
		const at = now - 6 * HOUR + i * 20 * 60_000;
		const id = await person(name, `199${i}-02-0${i + 1}`, unit('004'), at, farm);
		planted.deviceFarm.push(id);
		await take(id, at + 5 * 60_000, 25, seededRng(500 + i), farm, () => true);
	}

	// 2. An answer-sharing group: four friends in a chat, each on their own device and network
	// with their own draw, who start within 40 s and hand in within 35 s of each other and give the
	// group's one answer (right or wrong) to every question: the generator's pattern (adversarial.ts).
	const sim = await Sim.open(db, round.id, { seed: 4242, passwordHash });
	planted.sharingGroup = sharingGroup(sim, { size: 4, sessions: 2, label: 'demo-group', at: [now - 20 * HOUR, now - 4 * HOUR] });
	await sim.run();

	// 3. A scripted attempt: ten questions answered, all right, in about 12 seconds.
	const botOrigin: Fingerprint = { deviceHash: hashDevice('demo-bot'), ipHash: hashIp('demo-192.0.2.55') };
	const bot = await person('Hoàng Thị Quỳnh', '1995-12-24', unit('010'), now - 3 * HOUR, botOrigin);
	await take(bot, now - 2 * HOUR, 1, seededRng(99), botOrigin, () => true);
	planted.speedBot.push(bot);

	// 4. One person registered twice (different phone, diacritics typed differently, other unit).
	const dupOrigin = (k: string): Fingerprint => ({ deviceHash: hashDevice(`demo-dup-${k}`), ipHash: hashIp(`demo-dup-${k}`) });
	planted.duplicate.push(await person('Phạm Thị Thu Trang', '1992-07-15', unit('003'), now - 10 * 24 * HOUR, dupOrigin('a')));
	planted.duplicate.push(await person('PHAM THI THU TRANG', '1992-07-15', unit('005'), now - 2 * 24 * HOUR, dupOrigin('b')));
	return planted;
}
