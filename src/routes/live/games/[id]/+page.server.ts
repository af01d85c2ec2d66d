import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as setup from '$lib/server/live/setup';
import { qrSvg } from '$lib/server/live/qr';
import { ConfirmSchema, DrawSchema, JudgeSchema, PartSchema, PickSchema, SettingsSchema, TeamSchema } from '$lib/schemas/live-setup';
import { livePaths } from '$lib/live/protocol';
import { weightText } from '$lib/live/labels';
import { hostedGame } from '../game.server';
import { parseDrawForm, parseForm } from '../forms.server';
import type { Actions, PageServerLoad } from './$types';

const SETTINGS_KEYS = [
	'title',
	'unitId',
	'secondsPerQuestion',
	'displayMode',
	'speedBonus',
	'teamMode',
	'teamScoring',
	'quizWeight',
	'judgedWeight',
	'eliminationAfter',
	'eliminationKeep',
	'revivePosition'
] as const;

/** The settings form's values from the stored game (question numbers 1-based, weights as factors). */
function settingsValues(g: setup.Game): Record<(typeof SETTINGS_KEYS)[number], string> {
	const n = (x: number | null, plus = 0) => (x == null ? '' : String(x + plus));
	return {
		title: g.title,
		unitId: n(g.unitId),
		secondsPerQuestion: String(g.secondsPerQuestion),
		displayMode: g.displayMode,
		speedBonus: g.speedBonus ? 'on' : '',
		teamMode: g.teamMode,
		teamScoring: g.teamScoring,
		quizWeight: weightText(g.quizWeight),
		judgedWeight: weightText(g.judgedWeight),
		eliminationAfter: n(g.eliminationAfter, 1),
		eliminationKeep: n(g.eliminationKeep),
		revivePosition: n(g.revivePosition, 1)
	};
}

export const load = (async (event) => {
	const { user, game } = await hostedGame(event);
	const sp = event.url.searchParams;
	const search = {
		q: (sp.get('q') ?? '').trim().slice(0, 100),
		topicId: parseId(sp.get('topic') ?? undefined),
		page: Math.max(1, Math.min(10_000, Number(sp.get('page')) || 1))
	};
	const staff = hasRole(user, 'organiser');
	const [view, units] = await Promise.all([setup.setupView(game, search), staff ? setup.unitChoices() : Promise.resolve([])]);
	return {
		staff,
		game: {
			id: game.id,
			code: game.code,
			title: game.title,
			status: game.status,
			teamMode: game.teamMode,
			unitId: game.unitId
		},
		joinUrl: new URL(livePaths.player(game.code), event.url.origin).href,
		settings: settingsValues(game),
		units: units.map((u) => ({ id: u.id, name: u.name })),
		topics: view.topics.map((t) => ({ id: t.id, name: t.name })),
		questions: view.questions.map((q) => ({
			position: q.position,
			questionId: q.questionId,
			stem: q.stem,
			topicName: q.topicName,
			difficulty: q.difficulty,
			kind: q.kind,
			retired: q.status !== 'published',
			edited: q.currentVersionId != null && q.currentVersionId !== q.versionId
		})),
		teams: view.teams,
		teamUnits: view.teamUnits,
		parts: view.parts.map((p) => ({ id: p.id, title: p.title, scaleMax: p.scaleMax })),
		judges: view.judges.map((j) => ({ id: j.id, name: j.name, bound: j.bound })),
		search,
		found: {
			total: view.found.total,
			page: view.found.page,
			pages: Math.max(1, Math.ceil(view.found.total / view.found.pageSize)),
			items: view.found.items.map((q) => ({ id: q.id, stem: q.stem, topicName: q.topicName, difficulty: q.difficulty }))
		},
		problems:
			game.status === 'draft' ? setup.openProblems(game, view.questions, view.teams.length, view.parts.length, view.judges.length) : []
	};
}) satisfies PageServerLoad;

type Event = RequestEvent<{ id: string }>;

/**
 * A judge's link, shown once: the address and its QR code (made by hoithi itself, no outside
 * service), as a data: image — the token never sits in an image URL a log could keep.
 */
async function shownLink(event: Event, name: string, token: string) {
	const url = new URL(setup.judgePath(token), event.url.origin).href;
	return { name, url, qr: 'data:image/svg+xml;base64,' + Buffer.from(await qrSvg(url), 'utf8').toString('base64') };
}

const idField = (form: FormData, key: string) => parseId(String(form.get(key) ?? ''));

async function settings(event: Event) {
	const { user, game } = await hostedGame(event);
	const parsed = parseForm(await event.request.formData(), SettingsSchema, SETTINGS_KEYS);
	if (!parsed.ok) return fail(400, { action: 'settings', values: parsed.values, errors: parsed.errors });
	const res = await setup.saveSettings(user, game.id, parsed.input);
	if (!res.ok) return fail(400, { action: 'settings', values: parsed.values, errors: res.errors });
	return { action: 'settings', saved: true };
}

async function draw(event: Event) {
	const { user, game } = await hostedGame(event);
	const parsed = parseDrawForm(await event.request.formData(), DrawSchema);
	if (!parsed.ok) return fail(400, { action: 'draw', draw: parsed.values, errors: parsed.errors });
	const res = await setup.redraw(user, game.id, parsed.input);
	if (!res.ok) return fail(400, { action: 'draw', draw: parsed.values, errors: res.errors });
	return { action: 'draw', saved: true };
}

async function pick(event: Event) {
	const { user, game } = await hostedGame(event);
	const parsed = PickSchema.safeParse({ ids: (await event.request.formData()).getAll('questionId') });
	if (!parsed.success) return fail(400, { action: 'pick', errors: { pick: parsed.error.issues[0]?.message ?? 'Câu hỏi không hợp lệ.' } });
	const res = await setup.addQuestions(user, game.id, parsed.data.ids);
	if (!res.ok) return fail(400, { action: 'pick', errors: res.errors });
	return { action: 'pick', added: res.added };
}

/** An action on one row (question position, team, part or judge id) that the service answers. */
function rowAction(
	action: string,
	key: string,
	run: (user: Awaited<ReturnType<typeof hostedGame>>['user'], gameId: number, n: number) => ReturnType<typeof setup.removeTeam>
) {
	return async (event: Event) => {
		const { user, game } = await hostedGame(event);
		const form = await event.request.formData();
		const raw = String(form.get(key) ?? '');
		// Question positions start at 0; ids at 1.
		const n = key === 'position' ? (/^\d{1,3}$/.test(raw) ? Number(raw) : null) : idField(form, key);
		if (n == null) return fail(400, { action, errors: { [action]: 'Yêu cầu không hợp lệ.' } });
		const res = await run(user, game.id, n);
		if (!res.ok) return fail(400, { action, errors: res.errors });
		return { action, saved: true };
	};
}

async function addTeam(event: Event) {
	const { user, game } = await hostedGame(event);
	const parsed = parseForm(await event.request.formData(), TeamSchema, ['name']);
	if (!parsed.ok) return fail(400, { action: 'addTeam', values: parsed.values, errors: parsed.errors });
	const res = await setup.addTeam(user, game.id, parsed.input.name);
	if (!res.ok) return fail(400, { action: 'addTeam', values: parsed.values, errors: res.errors });
	return { action: 'addTeam', saved: true };
}

async function unitTeams(event: Event) {
	const { user, game } = await hostedGame(event);
	const raw = (await event.request.formData()).getAll('unitId').map((v) => parseId(String(v)));
	if (raw.some((v) => v == null) || raw.length > 200) return fail(400, { action: 'unitTeams', errors: { units: 'Đơn vị không hợp lệ.' } });
	const res = await setup.setUnitTeams(user, game.id, raw as number[]);
	if (!res.ok) return fail(400, { action: 'unitTeams', errors: res.errors });
	return { action: 'unitTeams', saved: true };
}

async function addPart(event: Event) {
	const { user, game } = await hostedGame(event);
	const form = await event.request.formData();
	const parsed = PartSchema.safeParse({ title: form.get('partTitle') ?? undefined, scaleMax: form.get('scaleMax') ?? undefined });
	const values = {
		partTitle: String(form.get('partTitle') ?? '').slice(0, 200),
		scaleMax: String(form.get('scaleMax') ?? '').slice(0, 20)
	};
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const i of parsed.error.issues) errors[i.path[0] === 'title' ? 'partTitle' : 'scaleMax'] ??= i.message;
		return fail(400, { action: 'addPart', values, errors });
	}
	const res = await setup.addPart(user, game.id, parsed.data);
	if (!res.ok) return fail(400, { action: 'addPart', values, errors: res.errors });
	return { action: 'addPart', saved: true };
}

async function addJudge(event: Event) {
	const { user, game } = await hostedGame(event);
	const form = await event.request.formData();
	const values = { judgeName: String(form.get('judgeName') ?? '').slice(0, 200) };
	const parsed = JudgeSchema.safeParse({ name: form.get('judgeName') ?? undefined });
	if (!parsed.success) return fail(400, { action: 'addJudge', values, errors: { judgeName: parsed.error.issues[0].message } });
	const res = await setup.addJudge(user, game.id, parsed.data.name);
	if (!res.ok) return fail(400, { action: 'addJudge', values, errors: res.errors });
	return { action: 'addJudge', link: await shownLink(event, parsed.data.name, res.token) };
}

async function reissueJudge(event: Event) {
	const { user, game } = await hostedGame(event);
	const judgeId = idField(await event.request.formData(), 'judgeId');
	if (judgeId == null) return fail(400, { action: 'reissueJudge', errors: { judges: 'Yêu cầu không hợp lệ.' } });
	const res = await setup.reissueJudge(user, game.id, judgeId);
	if (!res.ok) return fail(400, { action: 'reissueJudge', errors: res.errors });
	return { action: 'reissueJudge', link: await shownLink(event, res.name, res.token) };
}

async function confirmed(event: Event, action: 'open' | 'delete') {
	const form = await event.request.formData();
	const ok = ConfirmSchema.safeParse({ confirm: form.get('confirm') ?? undefined });
	return ok.success ? null : fail(400, { action, errors: { [action]: ok.error.issues[0].message } });
}

async function open(event: Event) {
	const { user, game } = await hostedGame(event);
	const refused = await confirmed(event, 'open');
	if (refused) return refused;
	const res = await setup.openRoom(user, game.id);
	if (!res.ok) return fail(400, { action: 'open', errors: res.errors });
	redirect(303, livePaths.host(game.id));
}

async function remove(event: Event) {
	const { user, game } = await hostedGame(event);
	const refused = await confirmed(event, 'delete');
	if (refused) return refused;
	const res = await setup.deleteGame(user, game.id);
	if (!res.ok) return fail(400, { action: 'delete', errors: res.errors });
	redirect(303, '/live/games?deleted=1');
}

export const actions = {
	settings,
	draw,
	pick,
	removeQuestion: rowAction('removeQuestion', 'position', (u, g, n) => setup.removeQuestion(u, g, n)),
	moveUp: rowAction('moveUp', 'position', (u, g, n) => setup.moveQuestion(u, g, n, -1)),
	moveDown: rowAction('moveDown', 'position', (u, g, n) => setup.moveQuestion(u, g, n, 1)),
	addTeam,
	unitTeams,
	removeTeam: rowAction('removeTeam', 'teamId', (u, g, n) => setup.removeTeam(u, g, n)),
	addPart,
	removePart: rowAction('removePart', 'partId', (u, g, n) => setup.removePart(u, g, n)),
	addJudge,
	reissueJudge,
	removeJudge: rowAction('removeJudge', 'judgeId', (u, g, n) => setup.removeJudge(u, g, n)),
	open,
	delete: remove
} satisfies Actions;
