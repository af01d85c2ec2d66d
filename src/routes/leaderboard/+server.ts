import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Target of the leaderboard filter form without JavaScript: forwards to the chosen board. */
export const GET: RequestHandler = ({ url }) => {
	const which = url.searchParams.get('which') ?? '';
	const contest = Number(url.searchParams.get('contest'));
	const kind = url.searchParams.get('kind')?.slice(0, 40) ?? '';
	const q = kind ? `?kind=${encodeURIComponent(kind)}` : '';
	if (/^\d{1,9}$/.test(which)) redirect(303, `/rounds/${which}/leaderboard${q}`);
	if (Number.isSafeInteger(contest) && contest > 0) redirect(303, `/contests/${contest}/leaderboard${q}`);
	redirect(303, '/');
};
