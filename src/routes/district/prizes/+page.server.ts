import { error } from '@sveltejs/kit';
import * as prizes from '$lib/server/prizes/service';
import * as stats from '$lib/server/stats/service';
import { prizeScope } from './scope.server';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const { staff, unitId, user } = prizeScope(event);
	const id = unitId ?? user.unitId;
	const unit = await stats.findUnit(id);
	if (!unit) error(404, { message: 'Không tìm thấy đơn vị.' });
	return { unit: { id: unit.id, name: unit.name }, staff, winners: await prizes.unitWinners(unit.id) };
}) satisfies PageServerLoad;
