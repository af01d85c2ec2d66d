import { describe, expect, it } from 'vitest';
import { groupUnits } from './unit-groups';
import { hanoiCommunes2025, hanoiDistricts2024 } from '../server/units/lists';

describe('groupUnits', () => {
	it('puts the 2024 districts in groups quận, thị xã, huyện, each sorted by proper name in Vietnamese order', () => {
		const groups = groupUnits(hanoiDistricts2024);
		expect(groups.map((g) => [g.label, g.units.length])).toEqual([
			['Quận', 12],
			['Thị xã', 1],
			['Huyện', 17]
		]);
		expect(groups[0].units[0].name).toBe('Quận Ba Đình');
		expect(groups[0].units.map((u) => u.name)).toEqual([
			'Quận Ba Đình',
			'Quận Bắc Từ Liêm',
			'Quận Cầu Giấy',
			'Quận Đống Đa',
			'Quận Hà Đông',
			'Quận Hai Bà Trưng',
			'Quận Hoàn Kiếm',
			'Quận Hoàng Mai',
			'Quận Long Biên',
			'Quận Nam Từ Liêm',
			'Quận Tây Hồ',
			'Quận Thanh Xuân'
		]);
		// Đ after D, before E; Ứ after U: not byte order, where both would come after Y.
		const huyen = groups[2].units.map((u) => u.name.replace('Huyện ', ''));
		expect(huyen).toEqual([
			'Ba Vì',
			'Chương Mỹ',
			'Đan Phượng',
			'Đông Anh',
			'Gia Lâm',
			'Hoài Đức',
			'Mê Linh',
			'Mỹ Đức',
			'Phú Xuyên',
			'Phúc Thọ',
			'Quốc Oai',
			'Sóc Sơn',
			'Thạch Thất',
			'Thanh Oai',
			'Thanh Trì',
			'Thường Tín',
			'Ứng Hòa'
		]);
	});

	it('groups the 2025 list into phường and xã, keeps codes, and loses nobody', () => {
		const groups = groupUnits(hanoiCommunes2025);
		expect(groups.map((g) => g.label)).toEqual(['Phường', 'Xã']);
		expect(groups.flatMap((g) => g.units).length).toBe(hanoiCommunes2025.length);
		expect(groups[0].units[0]).toEqual({ code: '00004', name: 'Phường Ba Đình' });
	});

	it('sorts numbers as numbers, ignores decomposed input, and puts unknown kinds last', () => {
		const groups = groupUnits([
			{ code: '3', name: 'Phường 10', kind: 'ward' },
			{ code: '2', name: 'Phường 2', kind: 'ward' },
			{ code: '9', name: 'Khu thử nghiệm', kind: 'pilot' },
			{ code: '4', name: 'Phường Ái Mộ'.normalize('NFD'), kind: 'ward' }
		]);
		expect(groups.map((g) => [g.label, g.units.map((u) => u.code)])).toEqual([
			['Phường', ['2', '3', '4']],
			['Khác', ['9']]
		]);
	});
});
