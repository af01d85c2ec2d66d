import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as prizes from '$lib/server/prizes/service';
import type { RequestHandler } from './$types';

/** Every certificate of the round's frozen list as one multi-page PDF (organisers; audit-logged). */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'organiser');
	const roundId = parseId(event.params.roundId);
	if (roundId == null) error(404, { message: 'Không tìm thấy đợt thi.' });
	const listId = await prizes.listIdOf({ roundId });
	if (listId == null) error(409, { message: 'Đợt thi chưa có danh sách đạt giải đã chốt.' });
	const res = await prizes.listCertificatesPdf(user.id, listId, event.url.origin);
	if (!res.ok) error(res.status, { message: res.message });
	return new Response(new Uint8Array(res.pdf!), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="giay-chung-nhan-dot-${roundId}.pdf"`,
			'cache-control': 'no-store'
		}
	});
};
