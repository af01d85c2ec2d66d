import { error } from '@sveltejs/kit';
import { hasRole, requireUser } from '$lib/server/auth/guards';
import { normaliseCode } from '$lib/schemas/prizes';
import * as prizes from '$lib/server/prizes/service';
import type { RequestHandler } from './$types';

/** One certificate's PDF: for its holder (from "Kết quả của tôi") or an organiser; anyone else gets a 404. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const code = normaliseCode(event.params.code);
	const pdf = code == null ? null : await prizes.certificatePdf(code, { id: user.id, staff: hasRole(user, 'organiser') }, event.url.origin);
	if (!pdf) error(404, { message: 'Không tìm thấy giấy chứng nhận.' });
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="giay-chung-nhan-${code}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
