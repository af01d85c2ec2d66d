import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import * as questions from '$lib/server/questions/service';
import { ImportConflict, hiddenRowsNotice } from '$lib/server/questions/bank';
import * as pending from '$lib/server/questions/pending-imports';
import { MAX_FILE_BYTES, MAX_ROWS } from '$lib/server/questions/bank-file';
import { COLUMNS } from '$lib/server/questions/bank-format';
import { formatMegabytes } from '$lib/vn/number';
import type { Actions, PageServerLoad } from './$types';

/** Errors shown on the page; the counts always cover all of them. */
const SHOWN_ERRORS = 300;

export const load = (async (event) => {
	requireRole(event, 'organiser');
	return {
		maxBytes: MAX_FILE_BYTES,
		maxRows: MAX_ROWS,
		columns: COLUMNS.map((c) => ({ key: c.key, required: c.required, help: c.help }))
	};
}) satisfies PageServerLoad;

async function preview(event: Parameters<Actions['preview']>[0]) {
	const user = requireRole(event, 'organiser');
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		return fail(400, { message: 'Không đọc được tệp gửi lên. Vui lòng thử lại.' });
	}
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0)
		return fail(400, { message: file instanceof File && file.name ? 'Tệp trống.' : 'Vui lòng chọn tệp .xlsx hoặc .csv.' });
	if (file.size > MAX_FILE_BYTES)
		return fail(400, {
			message: `Tệp quá lớn (${formatMegabytes(file.size)}). Giới hạn là ${formatMegabytes(MAX_FILE_BYTES)}; hãy chia thành nhiều tệp.`
		});
	const skipExisting = form.get('skipExisting') === 'on';
	const includeHidden = form.get('includeHidden') === 'on';
	const fileName = file.name.slice(0, 200);
	const res = await questions.previewImport(
		{ name: fileName, bytes: new Uint8Array(await file.arrayBuffer()) },
		{ skipExisting, includeHidden }
	);
	if (!res.ok) return fail(400, { message: res.message, fileName, skipExisting, includeHidden });
	const token = res.plan ? await pending.put(user.id, fileName, res.plan) : null;
	const { errors, warnings, itemWarnings, ...report } = res.report;
	return {
		preview: {
			fileName,
			token,
			skipExisting,
			includeHidden,
			...report,
			hiddenNotice: hiddenRowsNotice(res.report),
			errorCount: errors.length,
			errors: errors.slice(0, SHOWN_ERRORS),
			warningCount: warnings.length,
			warnings: warnings.slice(0, SHOWN_ERRORS),
			itemWarningCount: itemWarnings.length,
			itemWarningRows: new Set(itemWarnings.map((w) => w.row)).size,
			itemWarnings: itemWarnings.slice(0, SHOWN_ERRORS)
		}
	};
}

async function confirm(event: Parameters<Actions['confirm']>[0]) {
	const user = requireRole(event, 'organiser');
	const token = (await event.request.formData()).get('token');
	const entry = typeof token === 'string' ? await pending.take(user.id, token) : undefined;
	if (!entry) return fail(400, { message: 'Bản xem trước đã hết hạn hoặc đã được nhập. Vui lòng tải tệp lên lại.' });
	let result;
	try {
		result = await questions.confirmImport(user.id, entry.plan);
	} catch (e) {
		if (e instanceof ImportConflict) return fail(409, { message: e.message });
		throw e;
	}
	redirect(303, `/organiser/questions?imported=${result.created}&skipped=${result.skipped}&topics=${result.topicsCreated}`);
}

export const actions = { preview, confirm } satisfies Actions;
