import { error, type RequestEvent } from '@sveltejs/kit';
import { hasRole, requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import { participantSearch } from '$lib/server/stats/dashboards';
import * as stats from '$lib/server/stats/service';

/**
 * Which unit a /district request may see. A district lead sees exactly their own unit
 * (users.unit_id): any other ?unit= is refused with 403, never silently replaced, so a
 * manipulated URL cannot reach another unit's personal data. Organisers may pick any unit.
 */
export async function districtUnit(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireRole(event, 'district_lead', 'organiser');
	const staff = hasRole(user, 'organiser');
	const raw = event.url.searchParams.get('unit');
	let unitId = user.unitId;
	if (raw != null && raw !== '') {
		const asked = parseId(raw);
		if (asked == null) error(400, { message: 'Mã đơn vị không hợp lệ.' });
		if (!staff && asked !== user.unitId) error(403, { message: 'Bạn chỉ được xem số liệu của đơn vị mình.' });
		unitId = asked;
	}
	const unit = await stats.findUnit(unitId);
	if (!unit) error(404, { message: 'Không tìm thấy đơn vị.' });
	return { user, staff, unit };
}

/** The unit (as districtUnit) and the contest or round its dashboard shows. */
export async function districtContext(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const { user, staff, unit } = await districtUnit(event);
	const resolved = await stats.findScope(event.url.searchParams);
	if (!resolved) error(404, { message: 'Chưa có cuộc thi nào để thống kê.' });
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 80);
	return { user, staff, unit, q, search: participantSearch(q), ...resolved };
}
