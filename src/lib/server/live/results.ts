import { getDb } from '../db';
import { audit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import * as repo from './repo';
import * as setupRepo from './setup-repo';
import { judgedScore } from './scoring';
import { rankedPlayers, teamBoard } from './views';
import { formatDateTime } from '../../vn/time';

/**
 * A live game's results (issue 14 item 8), for its hosts only (owner, organisers, admins, the
 * unit's district lead — the route checks with setup.access): players ranked, teams (quiz, judged,
 * combined with the weights), every judge's score per part and team with the trimmed mean shown,
 * and per question how many answered, the share right and the option distribution. Every figure
 * comes from live-core's rules (scoring.ts, views.ts teamBoard/rankedPlayers), never recomputed
 * here, so the results page says what the big screen said.
 */

const LETTERS = 'ABCDEFGHIJ';

export async function gameResults(gameId: number) {
	const db = getDb();
	const g = await repo.findGameById(db, gameId);
	if (!g) return null;
	const [totals, questions, teams, parts, scores, judges, answers] = await Promise.all([
		repo.playerTotals(db, gameId, -1),
		repo.gameQuestions(db, gameId),
		g.team_mode === 'none' ? Promise.resolve([]) : repo.teamsOf(db, gameId),
		repo.partsOf(db, gameId),
		repo.judgeScoresOf(db, gameId),
		setupRepo.listJudges(db, gameId),
		db.selectFrom('live_answers').select(['player_id', 'position', 'option_ids_json', 'correct']).where('game_id', '=', gameId).execute()
	]);
	const revive = g.revive_position;
	// Questions asked: those shown in the hall, the revive question aside (it earns no points).
	const asked = questions.filter((q) => q.openedAt != null && q.position !== revive).length;
	const correctBy = new Map<number, number>();
	for (const a of answers) if (Number(a.correct) === 1) correctBy.set(a.player_id, (correctBy.get(a.player_id) ?? 0) + 1);
	const teamName = new Map(teams.map((t) => [t.id, t.name]));
	const detail = (p: (typeof totals)[number]) =>
		[p.teamId != null ? teamName.get(p.teamId) : null, p.unitName, p.affiliation].filter(Boolean).join(' · ');

	const ranked = rankedPlayers(totals);
	const players = [
		...ranked.map((p) => ({ rank: p.rank as number | null, removed: false, ...playerRow(p) })),
		// Players the host removed keep their answers on record but no place.
		...totals.filter((p) => p.removed).map((p) => ({ rank: null, removed: true, ...playerRow(p) }))
	];
	function playerRow(p: (typeof totals)[number]) {
		return {
			id: p.id,
			name: p.name,
			detail: detail(p),
			account: p.userId != null,
			points: p.points,
			correct: correctBy.get(p.id) ?? 0,
			totalMs: p.totalMs,
			eliminatedAt: p.eliminatedAt
		};
	}

	const teamRows = teams.length ? teamBoard(g, teams, totals, parts, scores, asked) : [];

	const judgeName = new Map(judges.map((j) => [j.id, j.name]));
	const judged = parts.map((part) => ({
		id: part.id,
		title: part.title,
		scaleMax: part.scale_max,
		judges: judges.map((j) => ({ id: j.id, name: j.name })),
		teams: teams.map((t) => {
			const mine = scores.filter((s) => s.part_id === part.id && s.team_id === t.id);
			const byJudge = new Map(mine.map((s) => [s.judge_id, s.score_tenths / 10]));
			return {
				teamId: t.id,
				name: t.name,
				scores: judges.map((j) => byJudge.get(j.id) ?? null),
				// Scores of judges since removed still count: they were given.
				extra: mine.filter((s) => !judgeName.has(s.judge_id)).length,
				shown: judgedScore(mine.map((s) => s.score_tenths)),
				trimmed: mine.length >= 4
			};
		})
	}));

	const perQuestion = questions.map((q) => {
		const mine = answers.filter((a) => a.position === q.position);
		const chosen = new Map<string, number>();
		for (const a of mine) for (const id of JSON.parse(a.option_ids_json) as string[]) chosen.set(id, (chosen.get(id) ?? 0) + 1);
		const right = mine.filter((a) => Number(a.correct) === 1).length;
		return {
			position: q.position,
			stem: q.stem,
			revive: q.position === revive,
			asked: q.openedAt != null,
			answered: mine.length,
			correct: right,
			share: mine.length ? right / mine.length : null,
			options: q.options.map((o, i) => ({
				label: LETTERS[i] ?? String(i + 1),
				text: o.text,
				correct: o.correct,
				chosen: chosen.get(o.id) ?? 0
			}))
		};
	});

	return {
		game: {
			id: g.id,
			code: g.code,
			title: g.title,
			status: g.status,
			teamMode: g.team_mode,
			teamScoring: g.team_scoring,
			quizWeight: g.quiz_weight,
			judgedWeight: g.judged_weight,
			startedAt: g.started_at,
			finishedAt: g.finished_at
		},
		asked,
		players,
		teams: teamRows.map((t) => ({ rank: t.rank, name: t.name, members: t.members, quiz: t.quiz, judged: t.judged, points: t.points })),
		judged,
		questions: perQuestion
	};
}

export type GameResults = NonNullable<Awaited<ReturnType<typeof gameResults>>>;

/** A sheet of the export (the shape reports/sheets.ts writeWorkbook takes; the route writes the file). */
export interface ResultSheet {
	name: string;
	title?: string[];
	columns: { header: string; width?: number; numFmt?: string }[];
	rows: (string | number | null)[][];
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The four sheets of the results file: players, teams, judges' scores, per question. */
function resultSheets(r: GameResults): ResultSheet[] {
	const head = [r.game.title, `Mã phòng ${r.game.code}${r.game.startedAt ? ` · bắt đầu ${formatDateTime(r.game.startedAt)}` : ''}`];
	const judgesMax = Math.max(0, ...r.judged.map((p) => p.judges.length));
	return [
		{
			name: 'Người thi',
			title: head,
			columns: [
				{ header: 'Hạng', width: 7 },
				{ header: 'Họ tên', width: 28 },
				{ header: 'Đội / đơn vị / chi hội', width: 34 },
				{ header: 'Tài khoản hoithi', width: 10 },
				{ header: 'Điểm', numFmt: '#,##0' },
				{ header: 'Số câu đúng', width: 10 },
				{ header: 'Thời gian trả lời (giây)', numFmt: '0.0', width: 14 },
				{ header: 'Ghi chú', width: 22 }
			],
			rows: r.players.map((p) => [
				p.rank,
				p.name,
				p.detail,
				p.account ? 'Có' : '',
				p.points,
				p.correct,
				seconds(p.totalMs),
				p.removed ? 'Đã bị mời ra khỏi phòng' : p.eliminatedAt != null ? `Bị loại sau câu ${p.eliminatedAt + 1}` : ''
			])
		},
		{
			name: 'Đội',
			title: head,
			columns: [
				{ header: 'Hạng', width: 7 },
				{ header: 'Đội', width: 30 },
				{ header: 'Số thành viên', width: 12 },
				{ header: r.game.teamScoring === 'sum' ? 'Trắc nghiệm (tổng)' : 'Trắc nghiệm (trung bình)', numFmt: '#,##0', width: 16 },
				{ header: 'Giám khảo chấm', numFmt: '0.00', width: 14 },
				{ header: 'Tổng hợp', numFmt: '0.00', width: 12 }
			],
			rows: r.teams.map((t) => [t.rank, t.name, t.members, t.quiz, t.judged, t.points])
		},
		{
			name: 'Giám khảo chấm',
			title: [...head, 'Điểm hiển thị: trung bình, bỏ điểm cao nhất và thấp nhất khi có từ 4 giám khảo chấm.'],
			columns: [
				{ header: 'Phần thi', width: 28 },
				{ header: 'Thang điểm', width: 10 },
				{ header: 'Đội', width: 28 },
				...Array.from({ length: judgesMax }, (_, i) => ({ header: `Giám khảo ${i + 1}`, numFmt: '0.0', width: 14 })),
				{ header: 'Điểm hiển thị', numFmt: '0.00', width: 14 }
			],
			rows: r.judged.flatMap((p) => [
				[p.title, p.scaleMax, 'Giám khảo:', ...p.judges.map((j) => j.name), ...Array(judgesMax - p.judges.length).fill(null), null],
				...p.teams.map((t) => [p.title, p.scaleMax, t.name, ...t.scores, ...Array(judgesMax - t.scores.length).fill(null), t.shown])
			])
		},
		{
			name: 'Từng câu hỏi',
			title: head,
			columns: [
				{ header: 'Câu', width: 6 },
				{ header: 'Nội dung', width: 60 },
				{ header: 'Số người trả lời', width: 14 },
				{ header: 'Số trả lời đúng', width: 14 },
				{ header: 'Tỉ lệ đúng', numFmt: '0.0%', width: 10 },
				{ header: 'Đáp án đúng', width: 12 },
				{ header: 'Số lần chọn từng phương án', width: 40 }
			],
			rows: r.questions.map((q) => [
				q.position + 1,
				q.revive ? `[Câu cứu trợ] ${q.stem}` : q.stem,
				q.answered,
				q.correct,
				q.share,
				q.options
					.filter((o) => o.correct)
					.map((o) => o.label)
					.join(', '),
				q.options.map((o) => `${o.label}: ${o.chosen}`).join('; ')
			])
		}
	];
}

/** The results file's sheets, with the export written to the audit log like every other export. */
export async function exportResults(user: SessionUser, gameId: number): Promise<{ sheets: ResultSheet[]; code: string } | null> {
	const r = await gameResults(gameId);
	if (!r) return null;
	await audit(getDb(), {
		actorUserId: user.id,
		action: 'live.results.export',
		entity: 'live_game',
		entityId: gameId,
		details: { format: 'xlsx', players: r.players.length, teams: r.teams.length }
	});
	return { sheets: resultSheets(r), code: r.game.code };
}
