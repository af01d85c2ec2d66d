import { error } from '@sveltejs/kit';
import { normaliseCode } from '$lib/schemas/prizes';
import * as prizes from '$lib/server/prizes/service';
import type { PageServerLoad } from './$types';

/**
 * Public, no login: what the QR code on a certificate opens. Valid or revoked, with the contest,
 * round, prize, masked name and unit, issue date. An unknown code is a 404 with a plain message.
 */
export const load = (async ({ params, setHeaders }) => {
	const code = normaliseCode(params.code);
	const cert = code == null ? null : await prizes.verifyCertificate(code);
	if (!cert) error(404, { message: 'Không tìm thấy giấy chứng nhận có mã này. Hãy kiểm tra lại mã in trên giấy.' });
	setHeaders({ 'cache-control': 'no-store' });
	return { cert };
}) satisfies PageServerLoad;
