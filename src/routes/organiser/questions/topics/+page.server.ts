import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guards';
import * as questions from '$lib/server/questions/service';
import { fieldErrors } from '$lib/schemas/form';
import { cleanText } from '$lib/vn/text';
import type { Actions, PageServerLoad } from './$types';

const name = z
	.string({ error: 'Vui lòng nhập tên chủ đề.' })
	.transform(cleanText)
	.pipe(z.string().min(2, 'Vui lòng nhập tên chủ đề.').max(120, 'Tên chủ đề tối đa 120 ký tự.'));
const CreateSchema = z.object({
	code: z
		.string({ error: 'Vui lòng nhập mã chủ đề.' })
		.transform((s) => cleanText(s).toLowerCase())
		.pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'Mã chủ đề chỉ gồm chữ không dấu, số, “-”, “_”, “.” (tối đa 40 ký tự).')),
	name
});
const RenameSchema = z.object({ id: z.coerce.number().int().positive(), name });
const DeleteSchema = z.object({ id: z.coerce.number().int().positive() });

export const load = (async (event) => {
	requireRole(event, 'organiser');
	return { topics: await questions.listTopicsWithCounts() };
}) satisfies PageServerLoad;

async function create(event: Parameters<Actions['create']>[0]) {
	const user = requireRole(event, 'organiser');
	const raw = Object.fromEntries(await event.request.formData());
	const values = { code: String(raw.code ?? '').slice(0, 100), name: String(raw.name ?? '').slice(0, 200) };
	const parsed = CreateSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { create: { values, errors: fieldErrors(parsed.error) } });
	const res = await questions.createTopic(user.id, parsed.data);
	if (!res.ok) return fail(400, { create: { values, errors: res.errors } });
	return { saved: `Đã thêm chủ đề “${parsed.data.name}”.` };
}

async function rename(event: Parameters<Actions['rename']>[0]) {
	const user = requireRole(event, 'organiser');
	const parsed = RenameSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!parsed.success) return fail(400, { message: fieldErrors(parsed.error).name ?? 'Dữ liệu không hợp lệ.' });
	await questions.renameTopic(user.id, parsed.data.id, parsed.data.name);
	return { saved: 'Đã đổi tên chủ đề.' };
}

async function remove(event: Parameters<Actions['delete']>[0]) {
	const user = requireRole(event, 'organiser');
	const parsed = DeleteSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!parsed.success) return fail(400, { message: 'Dữ liệu không hợp lệ.' });
	if (!(await questions.deleteTopic(user.id, parsed.data.id)))
		return fail(409, { message: 'Chủ đề còn câu hỏi hoặc đang dùng trong hạn mức của đợt thi nên không thể xóa.' });
	return { saved: 'Đã xóa chủ đề.' };
}

export const actions = { create, rename, delete: remove } satisfies Actions;
