import { describe, expect, it } from 'vitest';
import { queryOf } from './query';

describe('queryOf', () => {
	it('keeps the entries that have a value, in their order, encoded', () => {
		expect(queryOf({ q: 'bạo lực & trẻ em', topic: '', page: 2, flagged: true, actor: null, to: undefined, all: false })).toBe(
			'?q=b%E1%BA%A1o+l%E1%BB%B1c+%26+tr%E1%BA%BB+em&page=2&flagged=true'
		);
	});

	it('is empty when nothing has a value', () => {
		expect(queryOf({ q: '', page: null })).toBe('');
	});

	it('keeps a zero', () => {
		expect(queryOf({ page: 0 })).toBe('?page=0');
	});
});
