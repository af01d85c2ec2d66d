import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { hasRole, requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import { participantSearch } from '$lib/server/stats/dashboards';
import { resolveScope } from '$lib/server/contests/scope';

/**
 * Which unit a /district request may see. A district lead sees exactly their own unit
 * (users.unit_id): any other ?unit= is refused with 403, never silently replaced, so a
 * manipulated URL cannot reach another unit's personal data. Organisers may pick any unit.
 */
export async function districtContext(event: Pick<RequestEvent, 'locals' | 'url'>) {
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
	const db = getDb();
	const unit = await db.selectFrom('units').select(['id', 'name', 'code', 'target_count']).where('id', '=', unitId).executeTakeFirst();
	if (!unit) error(404, { message: 'Không tìm thấy đơn vị.' });
	const resolved = await resolveScope(db, event.url.searchParams);
	if (!resolved) error(404, { message: 'Chưa có cuộc thi nào để thống kê.' });
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 80);
	return { user, staff, db, unit, q, search: participantSearch(q), ...resolved };
}
