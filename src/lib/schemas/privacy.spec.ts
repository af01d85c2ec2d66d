import { describe, expect, it } from 'vitest';
import { DELETE_WORD, DeletionRequestSchema } from './privacy';

describe('the erasure confirmation word', () => {
	it('is shown as XÓA and accepted in either tone placement, any case, NFD or without diacritics', () => {
		expect(DELETE_WORD).toBe('XÓA');
		for (const typed of ['XÓA', 'xóa', 'XOÁ', 'xoá', ' Xóa ', 'XÓA'.normalize('NFD'), 'xoá'.normalize('NFD'), 'XOA'])
			expect(DeletionRequestSchema.safeParse({ confirmWord: typed }).success, typed).toBe(true);
	});

	it('refuses anything else', () => {
		for (const typed of ['', 'XÓA DỮ LIỆU', 'XO', 'DELETE'])
			expect(DeletionRequestSchema.safeParse({ confirmWord: typed }).success, typed).toBe(false);
	});
});
