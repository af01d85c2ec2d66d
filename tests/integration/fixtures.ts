import { Client, DEMO_PASSWORD, loggedIn, registeredClient } from './client';
import { testDb } from './db';
import type { FixtureKey, RoleKey } from './authz-matrix';
import { makeLiveGame } from './live-fixture';

const db = testDb();

/**
 * One client per role of the authorisation matrix, plus the ids its rows point at. People are
 * registered fresh so the fixture attempt and people are this file's own.
 */
export interface RoleWorld {
	clients: Record<RoleKey, Client>;
	fixtures: Record<FixtureKey, number>;
	/** Logs the role in again (after a row that ends sessions). */
	relogin: (role: RoleKey) => Promise<void>;
}

async function loginAs(identifier: string, password: string): Promise<Client> {
	const c = new Client();
	const { body } = await c.action('/login', { identifier, password });
	if (body?.type !== 'redirect') throw new Error(`login failed for ${identifier}: ` + JSON.stringify(body));
	return c;
}

export async function roleWorld(): Promise<RoleWorld> {
	const part = await registeredClient({ unitCode: '001' });
	const other = await registeredClient({ unitCode: '001' });
	const leadX = await registeredClient({ unitCode: '007' });
	const leadXRow = (await db.get('select id from users where phone = ?', '+84' + leadX.form.phone.slice(1))) as { id: number };
	await db.run("update users set role = 'district_lead' where id = ?", leadXRow.id);
	const current = (await (await part.client.get('/api/rounds/current')).json()) as { rounds: { id: number }[] };
	const openRoundId = current.rounds[0].id;
	const start = await part.client.json('POST', `/api/rounds/${openRoundId}/attempts`);
	if (start.status !== 201 && start.status !== 200) throw new Error('could not start the fixture attempt: ' + start.status);
	const attemptId = ((await start.json()) as { attemptId: number }).attemptId;

	const now = Date.now();
	const upcoming = (await db.get('select id, contest_id from rounds where opens_at > ? order by opens_at limit 1', now)) as {
		id: number;
		contest_id: number;
	};
	const question = (await db.get("select id from questions where status = 'published' order by id limit 1")) as { id: number };
	const participant = (await db.get('select user_id from attempts where id = ?', attemptId)) as { user_id: number };
	// A live game of unit 001 in its lobby (issue 14): its lead may host it, leadX may not.
	const liveGame = await makeLiveGame({ unitCode: '001', questions: 2 });
	const fixtures: Record<FixtureKey, number> = {
		liveGameId: liveGame.gameId,
		liveCode: Number(liveGame.code),
		attemptId,
		openRoundId,
		upcomingRoundId: upcoming.id,
		contestId: upcoming.contest_id,
		questionId: question.id,
		participantId: participant.user_id
	};

	const credentials: Record<Exclude<RoleKey, 'anon'>, [string, string]> = {
		part: [part.form.phone, part.form.password],
		other: [other.form.phone, other.form.password],
		leadU: ['0900000003', DEMO_PASSWORD],
		leadX: [leadX.form.phone, leadX.form.password],
		org: ['0900000002', DEMO_PASSWORD],
		admin: ['0900000001', DEMO_PASSWORD]
	};
	const clients: Record<RoleKey, Client> = {
		anon: new Client(),
		part: part.client,
		other: other.client,
		leadU: await loggedIn('0900000003'),
		leadX: await loginAs(...credentials.leadX),
		org: await loggedIn('0900000002'),
		admin: await loggedIn('0900000001')
	};
	return {
		clients,
		fixtures,
		relogin: async (role) => {
			clients[role] = role === 'anon' ? new Client() : await loginAs(...credentials[role]);
		}
	};
}
