import { error, type RequestEvent } from '@sveltejs/kit';
import { hasRole, requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';

/**
 * Whose prizes a /district/prizes request may see: a district lead exactly their own unit's (any
 * other ?unit= is a 403, never silently replaced); an organiser every unit's, or the ?unit= asked.
 */
export function prizeScope(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireRole(event, 'district_lead', 'organiser');
	const staff = hasRole(user, 'organiser');
	const rawUnit = event.url.searchParams.get('unit');
	let unitId: number | null = staff ? null : user.unitId;
	if (rawUnit != null && rawUnit !== '') {
		const asked = parseId(rawUnit);
		if (asked == null) error(400, { message: 'Mã đơn vị không hợp lệ.' });
		if (!staff && asked !== user.unitId) error(403, { message: 'Bạn chỉ được xem người đạt giải của đơn vị mình.' });
		unitId = asked;
	}
	const rawRound = event.url.searchParams.get('round');
	const roundId = rawRound ? parseId(rawRound) : null;
	if (rawRound && roundId == null) error(400, { message: 'Mã đợt thi không hợp lệ.' });
	return { user, staff, unitId, roundId };
}
