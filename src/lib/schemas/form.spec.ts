import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from './form';

describe('fieldErrors', () => {
	it('keeps only the first message for each field', () => {
		const schema = z.object({
			code: z.string().min(5, 'quá ngắn').regex(/^\d+$/, 'chỉ gồm số'),
			name: z.string().min(1, 'bắt buộc')
		});
		const r = schema.safeParse({ code: 'ab', name: '' });
		expect(r.success).toBe(false);
		if (r.success) return;
		expect(r.error.issues.filter((i) => i.path[0] === 'code')).toHaveLength(2);
		expect(fieldErrors(r.error)).toEqual({ code: 'quá ngắn', name: 'bắt buộc' });
	});

	it("files an issue without a path under 'form'", () => {
		const schema = z.string().refine(() => false, 'sai cả biểu mẫu');
		const r = schema.safeParse('x');
		expect(r.success).toBe(false);
		if (!r.success) expect(fieldErrors(r.error)).toEqual({ form: 'sai cả biểu mẫu' });
	});
});
