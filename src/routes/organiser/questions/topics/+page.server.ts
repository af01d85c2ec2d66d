import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { audit } from '$lib/server/audit';
import * as questions from '$lib/server/questions/questions';
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
	return { topics: await questions.listTopicsWithCounts(getDb()) };
}) satisfies PageServerLoad;

async function create(event: Parameters<Actions['create']>[0]) {
	const user = requireRole(event, 'organiser');
	const raw = Object.fromEntries(await event.request.formData());
	const values = { code: String(raw.code ?? '').slice(0, 100), name: String(raw.name ?? '').slice(0, 200) };
	const parsed = CreateSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { create: { values, errors: fieldErrors(parsed.error) } });
	const db = getDb();
	if (await questions.findTopicByCode(db, parsed.data.code))
		return fail(400, { create: { values, errors: { code: 'Mã chủ đề này đã có.' } } });
	const id = await questions.insertTopic(db, parsed.data.code, parsed.data.name);
	await audit(db, { actorUserId: user.id, action: 'topic.create', entity: 'topic', entityId: id, details: parsed.data });
	return { saved: `Đã thêm chủ đề “${parsed.data.name}”.` };
}

async function rename(event: Parameters<Actions['rename']>[0]) {
	const user = requireRole(event, 'organiser');
	const parsed = RenameSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!parsed.success) return fail(400, { message: fieldErrors(parsed.error).name ?? 'Dữ liệu không hợp lệ.' });
	const db = getDb();
	await questions.renameTopic(db, parsed.data.id, parsed.data.name);
	await audit(db, { actorUserId: user.id, action: 'topic.rename', entity: 'topic', entityId: parsed.data.id, details: { name: parsed.data.name } });
	return { saved: 'Đã đổi tên chủ đề.' };
}

async function remove(event: Parameters<Actions['delete']>[0]) {
	const user = requireRole(event, 'organiser');
	const parsed = DeleteSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!parsed.success) return fail(400, { message: 'Dữ liệu không hợp lệ.' });
	const db = getDb();
	if (!(await questions.deleteTopic(db, parsed.data.id)))
		return fail(409, { message: 'Chủ đề còn câu hỏi hoặc đang dùng trong hạn mức của đợt thi nên không thể xóa.' });
	await audit(db, { actorUserId: user.id, action: 'topic.delete', entity: 'topic', entityId: parsed.data.id });
	return { saved: 'Đã xóa chủ đề.' };
}

export const actions = { create, rename, delete: remove } satisfies Actions;
