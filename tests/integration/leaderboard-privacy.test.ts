import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unflatten } from 'devalue';
import { startTestServer } from '../../scripts/test-server.js';
import { Client, registration } from './client';

/**
 * A round's predictions are its tie-break: while it is open, a late player who could read the
 * leaders' guesses could copy or undercut them. No board response — the polling API on the hot
 * path (api/node.ts) and on the SvelteKit route (HOITHI_HOT_API=0), the leaderboard pages' HTML
 * and their __data.json, round and contest boards — carries another person's prediction before
 * the round closes. After it closes they are public (and shown).
 */
const PORT = Number(process.env.INTEGRATION_PORT ?? 4174) + 3;
let plain: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
	plain = await startTestServer({ db: 'test-results/leaderboard-privacy.db', port: PORT, env: { HOITHI_HOT_API: '0' } });
});
afterAll(async () => {
	await plain?.stop();
});

type Row = { prediction?: number | null; isViewer: boolean };
type Board = { top: Row[]; me: Row | null; actual: number | null };

/** The board in a page's __data.json (SvelteKit's devalue-encoded nodes). */
async function dataJsonBoard(c: Client, path: string): Promise<Board> {
	const res = await c.get(`${path}/__data.json`);
	expect(res.status, path).toBe(200);
	const { nodes } = (await res.json()) as { nodes: ({ type: string; data: unknown[] } | null)[] };
	const page = nodes.map((n) => (n?.type === 'data' ? (unflatten(n.data) as { board?: Board }) : null)).find((d) => d?.board);
	return page!.board!;
}

/** The predictions a board shows of people other than the viewer. */
const othersPredictions = (b: Board) =>
	[...b.top, ...(b.me ? [b.me] : [])].filter((r) => !r.isViewer && r.prediction != null).map((r) => r.prediction);

async function boards(base: string, viewer: Client, roundId: number, contestId: number) {
	const poll = async (q: string) => (await (await viewer.get(`/api/leaderboard?${q}`)).json()) as Board;
	const html = async (path: string) => (await (await viewer.get(path)).text()).match(/prediction:\s*(\d+)/g) ?? [];
	return {
		base,
		roundPoll: await poll(`round=${roundId}`),
		roundPollPeople: await poll(`round=${roundId}&units=0`),
		contestPoll: await poll(`contest=${contestId}`),
		roundData: await dataJsonBoard(viewer, `/rounds/${roundId}/leaderboard`),
		contestData: await dataJsonBoard(viewer, `/contests/${contestId}/leaderboard`),
		roundHtml: await html(`/rounds/${roundId}/leaderboard`),
		contestHtml: await html(`/contests/${contestId}/leaderboard`)
	};
}

async function roundsOf(base: string) {
	const { rounds } = (await (await new Client(base).get('/api/rounds/current')).json()) as { rounds: { id: number; contestId: number }[] };
	return { open: rounds[0].id, contest: rounds[0].contestId };
}

describe('predictions on public boards', () => {
	it('no board carries another person’s prediction while the round is open, on either path', async () => {
		for (const base of [new Client().base, plain.url]) {
			const { open, contest } = await roundsOf(base);
			// Someone hands in with a guess now; the seeded players of the open round have guesses too.
			const me = new Client(base);
			expect((await me.action('/register', registration())).body?.type).toBe('redirect');
			const view = (await (await me.json('POST', `/api/rounds/${open}/attempts`)).json()) as { attemptId: number };
			expect((await me.json('POST', `/api/attempts/${view.attemptId}/submit`, { prediction: 4242 })).status).toBe(200);

			for (const viewer of [new Client(base), me]) {
				const seen = await boards(base, viewer, open, contest);
				expect(seen.roundPoll.top.length, base).toBeGreaterThan(0);
				for (const key of ['roundPoll', 'roundPollPeople', 'contestPoll', 'roundData', 'contestData'] as const)
					expect(othersPredictions(seen[key]), `${base} ${key}`).toEqual([]);
				expect(seen.roundHtml, `${base} round page HTML`).toEqual([]);
				expect(seen.contestHtml, `${base} contest page HTML`).toEqual([]);
				expect(JSON.stringify(seen.roundPoll)).not.toContain('4242');
			}
		}
	});

	it('shows the predictions of a closed round', async () => {
		for (const base of [new Client().base, plain.url]) {
			const anon = new Client(base);
			const closed = 1; // Tuần 1 of the demo: closed, with a prediction question and guesses.
			const poll = (await (await anon.get(`/api/leaderboard?round=${closed}`)).json()) as Board;
			expect(poll.actual, base).not.toBeNull();
			expect(othersPredictions(poll).length, base).toBeGreaterThan(0);
			expect(othersPredictions(await dataJsonBoard(anon, `/rounds/${closed}/leaderboard`)).length, base).toBeGreaterThan(0);
		}
	});
});
