import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { UNIT_LISTS, type UnitListName } from '$lib/server/units/lists';
import { setUnitTarget, switchUnits, unitsPage } from '$lib/server/units/service';
import { KIND_LABELS } from '$lib/server/units/sheet';
import { TargetSchema } from '$lib/schemas/units';
import { fieldErrors, type FieldErrors } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

const LIST_LABELS: Record<UnitListName, string> = {
	'hanoi-districts-2024': '30 quận, huyện, thị xã (trước 1/7/2025)',
	'hanoi-communes-2025': '126 xã, phường (từ 1/7/2025)'
};
const isList = (s: unknown): s is UnitListName => typeof s === 'string' && s in UNIT_LISTS;

/** The units with their targets (editable inline), and the switch between the shipped lists with its effect shown first. */
export const load = (async (event) => {
	requireRole(event, 'organiser');
	const wanted = event.url.searchParams.get('switch');
	const { units: all, active, effect } = await unitsPage(isList(wanted) ? wanted : null);
	return {
		units: all.map((u) => ({ ...u, kindLabel: KIND_LABELS[u.kind as keyof typeof KIND_LABELS] ?? u.kind })),
		active,
		lists: (Object.keys(UNIT_LISTS) as UnitListName[]).map((name) => ({ name, label: LIST_LABELS[name] })),
		effect: effect && { ...effect, label: LIST_LABELS[effect.list] },
		saved: event.url.searchParams.get('saved'),
		switched: event.url.searchParams.get('switched'),
		imported: event.url.searchParams.has('imported')
			? {
					inserted: Number(event.url.searchParams.get('imported')) || 0,
					updated: Number(event.url.searchParams.get('updated')) || 0,
					hidden: Number(event.url.searchParams.get('hidden')) || 0
				}
			: null
	};
}) satisfies PageServerLoad;

async function target(event: Parameters<Actions['target']>[0]) {
	const user = requireRole(event, 'organiser');
	const raw = Object.fromEntries(await event.request.formData());
	const parsed = TargetSchema.safeParse(raw);
	const values = { unitId: String(raw.unitId ?? ''), target: String(raw.target ?? '') };
	if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
	const ok = await setUnitTarget(user.id, parsed.data.unitId, parsed.data.target);
	if (!ok) return fail(400, { values, errors: { unitId: 'Không tìm thấy đơn vị.' } as FieldErrors });
	return { saved: parsed.data.unitId };
}

async function switchTo(event: Parameters<Actions['switch']>[0]) {
	const user = requireRole(event, 'organiser');
	const list = (await event.request.formData()).get('list');
	if (!isList(list)) return fail(400, { errors: { list: 'Chọn danh sách đơn vị.' } as FieldErrors });
	await switchUnits(user.id, list);
	redirect(303, `/organiser/units?switched=${list}`);
}

export const actions = { target, switch: switchTo } satisfies Actions;
