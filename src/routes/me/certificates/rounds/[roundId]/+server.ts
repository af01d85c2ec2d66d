import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as prizes from '$lib/server/prizes/service';
import type { RequestHandler } from './$types';

/** The signed-in person's participation certificate of a closed round (issued once, on the first download). */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const roundId = parseId(event.params.roundId);
	if (roundId == null) error(404, { message: 'Không tìm thấy đợt thi.' });
	const res = await prizes.participationCertificate(user.id, roundId, event.url.origin);
	if (!res.ok) error(res.status, { message: res.message });
	return new Response(new Uint8Array(res.pdf!), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="giay-chung-nhan-tham-gia-${res.code}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
