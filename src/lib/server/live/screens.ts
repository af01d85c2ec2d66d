import { getDb } from '../db';
import * as repo from './repo';
import type { GameRow } from './repo';

/**
 * What the live screens' pages read besides the view (live-ui, issue 14): the players and judged
 * parts on the host console, the teams a join form offers. Reads only, through repo.ts; the rules
 * stay in service.ts. (A thin module of the live-ui branch so that the routes call a service,
 * not the repository — live-core may fold it into service.ts.)
 */

/** The console's player list, read now (joins do not change the game's version, so a snapshot may predate them). */
export async function consolePlayers(game: Pick<GameRow, 'id' | 'position'>) {
	const totals = await repo.playerTotals(getDb(), game.id, game.position);
	return totals
		.map((p) => ({
			id: p.id,
			name: p.name,
			detail: p.unitName ?? p.affiliation ?? '',
			points: p.points,
			removed: p.removed,
			eliminated: p.eliminatedAt != null
		}))
		.sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'vi'));
}

/** The judged parts the host may open. */
export async function consoleParts(gameId: number) {
	const parts = await repo.partsOf(getDb(), gameId);
	return parts.map((p) => ({ id: p.id, title: p.title, scaleMax: p.scale_max, status: p.status }));
}

/** The teams a player may join (custom teams) or the units the host set up as teams. */
export async function joinTeams(gameId: number) {
	const teams = await repo.teamsOf(getDb(), gameId);
	return teams.map((t) => ({ id: t.id, name: t.name, unitId: t.unit_id }));
}
