import { error } from '@sveltejs/kit';
import * as results from '$lib/server/live/results';
import { CONTENT_TYPES, writeWorkbook } from '$lib/server/reports/sheets';
import { hostedGame } from '../../game.server';
import type { RequestHandler } from './$types';

/** The results as XLSX (players, teams, judges' scores, per question), for the game's hosts; every export is audited. */
export const GET: RequestHandler = async (event) => {
	const { user, game } = await hostedGame(event);
	const out = await results.exportResults(user, game.id);
	if (!out) error(404, { message: 'Không tìm thấy hội thi.' });
	const bytes = await writeWorkbook(out.sheets);
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES.xlsx,
			'content-disposition': `attachment; filename="ket-qua-hoi-thi-${out.code}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
