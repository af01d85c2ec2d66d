import { error, json } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { exportOwnData } from '$lib/server/users/service';
import type { RequestHandler } from './$types';

/** The signed-in person's own data as a JSON download; the export is audit-logged. */
export const GET: RequestHandler = async (event) => {
	const user = requireApiUser(event);
	const data = await exportOwnData(user.id);
	if (!data) error(404, { message: 'Không tìm thấy tài khoản.' });
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="hoithi-du-lieu-ca-nhan-${user.id}.json"`,
			'cache-control': 'no-store'
		}
	});
};
