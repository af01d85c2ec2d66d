import * as prizes from '$lib/server/prizes/service';
import { CONTENT_TYPES } from '$lib/server/reports/sheets';
import { prizeScope } from '../scope.server';
import type { RequestHandler } from './$types';

/** The prize-delivery sheet (XLSX): organisers every unit's, a district lead their own; audit-logged. */
export const GET: RequestHandler = async (event) => {
	const { user, unitId, roundId } = prizeScope(event);
	const bytes = await prizes.deliveryFile(user.id, { unitId, roundId });
	const stamp = new Date().toISOString().slice(0, 10);
	const name = `trao-giai${unitId != null ? `-don-vi-${unitId}` : ''}${roundId != null ? `-dot-${roundId}` : ''}-${stamp}.xlsx`;
	return new Response(bytes as BodyInit, {
		headers: { 'content-type': CONTENT_TYPES.xlsx, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' }
	});
};
