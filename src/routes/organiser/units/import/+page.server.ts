import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { confirmUpload, previewUpload } from '$lib/server/units/service';
import { SHEET_COLUMNS, UNIT_MAX_BYTES, UNIT_MAX_ROWS, type SheetMode } from '$lib/server/units/sheet';
import { formatMegabytes } from '$lib/vn/number';
import type { Actions, PageServerLoad } from './$types';

const SHOWN = 300;

export const load = (async (event) => {
	requireRole(event, 'organiser');
	return { maxBytes: UNIT_MAX_BYTES, maxRows: UNIT_MAX_ROWS, columns: SHEET_COLUMNS };
}) satisfies PageServerLoad;

/** Checks the sheet row by row and keeps the plan for the confirm; writes no unit. */
async function preview(event: Parameters<Actions['preview']>[0]) {
	const user = requireRole(event, 'organiser');
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		return fail(400, { message: 'Không đọc được tệp gửi lên. Vui lòng thử lại.' });
	}
	const mode: SheetMode = form.get('mode') === 'targets' ? 'targets' : 'units';
	const replace = mode === 'units' && form.get('replace') === 'on';
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0)
		return fail(400, { mode, replace, message: file instanceof File && file.name ? 'Tệp trống.' : 'Vui lòng chọn tệp .xlsx hoặc .csv.' });
	if (file.size > UNIT_MAX_BYTES)
		return fail(400, {
			mode,
			replace,
			message: `Tệp quá lớn (${formatMegabytes(file.size)}). Giới hạn là ${formatMegabytes(UNIT_MAX_BYTES)}.`
		});
	const fileName = file.name.slice(0, 200);
	const res = await previewUpload(user.id, { name: fileName, bytes: new Uint8Array(await file.arrayBuffer()) }, mode, replace);
	if (!res.ok) return fail(400, { mode, replace, message: res.message, fileName });
	const { token } = res;
	const { errors, rows, ...rest } = res.preview;
	return {
		preview: {
			fileName,
			token,
			...rest,
			errorCount: errors.length,
			errors: errors.slice(0, SHOWN),
			rowCount: rows.length,
			rows: rows.slice(0, SHOWN)
		}
	};
}

/** Writes the previewed sheet, all or nothing (the same write as npm run units:import). */
async function confirm(event: Parameters<Actions['confirm']>[0]) {
	const user = requireRole(event, 'organiser');
	const token = (await event.request.formData()).get('token');
	const r = typeof token === 'string' ? await confirmUpload(user.id, token) : null;
	if (!r) return fail(400, { message: 'Bản xem trước đã hết hạn hoặc đã được nhập. Vui lòng tải tệp lên lại.' });
	redirect(303, `/organiser/units?imported=${r.inserted}&updated=${r.updated}&hidden=${r.deactivated}`);
}

export const actions = { preview, confirm } satisfies Actions;
