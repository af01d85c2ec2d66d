import type { Db } from '../db';
import { drawPinned, insertWithCode, newRoomCode } from '../live/setup';
import { newJudgeToken } from '../live/tokens';
import * as repo from '../live/setup-repo';
import { seededRng } from '../questions/draw';

/**
 * The demo's live hội thi (issue 14): a game of the demo district lead's unit (Quận Ba Đình) with
 * its room open, 10 questions, a team per unit (four districts), one judged part and four judges —
 * so `npm start` shows the whole set-up, the host console and the big screen at once. The judges'
 * links are random and never printed: the host gives them out with “Cấp lại liên kết” on the
 * game's page, as in a real hội thi.
 */
export async function seedLiveGame(db: Db, now: number): Promise<number> {
	const rng = seededRng(20261125);
	return db.transaction().execute(async (trx) => {
		const lead = await trx
			.selectFrom('users')
			.innerJoin('units', 'units.id', 'users.unit_id')
			.select(['users.id', 'users.unit_id'])
			.where('users.role', '=', 'district_lead')
			.where('units.code', '=', '001')
			.orderBy('users.id')
			.executeTakeFirstOrThrow();
		const drawn = await drawPinned(trx, { questionCount: 10, quotas: [] }, rng);
		if (!drawn.ok) throw new Error('Demo live game: ' + JSON.stringify(drawn.errors));
		const { id } = await insertWithCode(
			trx,
			{ title: 'Hội thi “Phụ nữ Ba Đình với pháp luật phòng, chống bạo lực gia đình”', ownerId: lead.id, unitId: lead.unit_id, now },
			() => newRoomCode()
		);
		await repo.replaceQuestions(trx, id, drawn.items);
		await repo.updateSettings(
			trx,
			id,
			{
				title: 'Hội thi “Phụ nữ Ba Đình với pháp luật phòng, chống bạo lực gia đình”',
				unitId: lead.unit_id,
				secondsPerQuestion: 20,
				displayMode: 'projector',
				speedBonus: true,
				teamMode: 'unit',
				teamScoring: 'average',
				quizWeight: 1000,
				judgedWeight: 1000,
				eliminationAfter: null,
				eliminationKeep: null,
				revivePosition: null
			},
			now
		);
		const units = await trx
			.selectFrom('units')
			.select(['id', 'name'])
			.where('code', 'in', ['001', '002', '003', '004'])
			.orderBy('code')
			.execute();
		for (const u of units) await repo.insertTeam(trx, id, { name: u.name, unitId: u.id }, now);
		await repo.insertPart(trx, id, { title: 'Tiểu phẩm “Nói không với bạo lực gia đình”', scaleMax: 10, sortOrder: 0 });
		for (const name of ['Bà Nguyễn Thị Thu Hà', 'Ông Trần Văn Minh', 'Bà Lê Thị Hồng', 'Bà Phạm Thị Lan'])
			await repo.insertJudge(trx, id, { name, tokenHash: newJudgeToken().hash }, now);
		await repo.openRoom(trx, id, now);
		return id;
	});
}
