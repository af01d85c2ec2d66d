import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import * as questions from '$lib/server/questions/service';
import { MAX_OPTIONS, parseQuestionForm, questionFormValues, type QuestionFormValues } from '$lib/schemas/question';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const topics = await questions.listTopics();
	const values: QuestionFormValues = {
		topicId: event.url.searchParams.get('topic') ?? '',
		difficulty: '1',
		kind: 'single',
		status: 'draft',
		stem: '',
		options: Array(MAX_OPTIONS).fill(''),
		correct: Array(MAX_OPTIONS).fill(false),
		explanation: '',
		legalRef: '',
		audience: 'all',
		minAge: '',
		exclusionGroup: ''
	};
	return { topics: topics.map((t) => ({ id: t.id, name: t.name })), values };
}) satisfies PageServerLoad;

async function create(event: Parameters<Actions['default']>[0]) {
	const user = requireRole(event, 'organiser');
	const values = questionFormValues(await event.request.formData());
	const parsed = parseQuestionForm(values);
	if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
	const res = await questions.createQuestion(user.id, { ...parsed.meta, content: parsed.content, fit: parsed.fit });
	if (!res.ok) return fail(400, { values, errors: res.errors });
	redirect(303, `/organiser/questions/${res.id}?saved=created`);
}

export const actions = { default: create } satisfies Actions;
