import { describe, expect, it } from 'vitest';
import { excelCellText, excelDateText, sheetNameKey } from './bank-file';

/** The Date exceljs makes of an Excel serial (its own formula: days since 1970 + 25569). */
const serial = (n: number) => new Date(Math.round((n - 25569) * 86_400_000));

describe('date cells as Excel shows them', () => {
	it('writes dates without a time as dd/mm/yyyy, not ISO', () => {
		expect(excelDateText(new Date(Date.UTC(2023, 6, 1)), 'dd/mm/yyyy')).toBe('01/07/2023');
		// Excel's built-in short date (id 14, which exceljs spells "mm-dd-yy") is day first in Vietnamese.
		expect(excelDateText(new Date(Date.UTC(2023, 6, 1)), 'mm-dd-yy')).toBe('01/07/2023');
		expect(excelDateText(new Date(Date.UTC(2023, 6, 1)))).toBe('01/07/2023');
		expect(excelCellText(new Date(Date.UTC(2023, 6, 1)), 'dd/mm/yyyy')).toBe('01/07/2023');
	});

	it("follows the cell's own numeric format", () => {
		const d = new Date(Date.UTC(2023, 6, 1, 8, 5, 0));
		expect(excelDateText(d, 'd/m/yyyy')).toBe('1/7/2023');
		expect(excelDateText(d, 'DD.MM.YYYY')).toBe('01.07.2023');
		expect(excelDateText(d, 'yyyy-mm-dd')).toBe('2023-07-01');
		expect(excelDateText(d, '[$-42A]dd/mm/yyyy;@')).toBe('01/07/2023');
		expect(excelDateText(d, 'dd/mm/yyyy hh:mm')).toBe('01/07/2023 08:05');
		expect(excelDateText(d, 'h:mm')).toBe('8:05');
		expect(excelDateText(d, 'mm/yyyy')).toBe('07/2023');
		expect(excelDateText(d, '"Ngày" dd "tháng" mm')).toBe('Ngày 01 tháng 07');
		// Month names depend on Excel's language: fall back to dd/mm/yyyy (with the time it holds).
		expect(excelDateText(d, 'd-mmm-yy')).toBe('01/07/2023 08:05');
		expect(excelDateText(new Date(Date.UTC(2023, 6, 1)), 'General')).toBe('01/07/2023');
	});

	it("shows the day Excel shows for the first 60 serials (Excel's 1900 leap-year bug)", () => {
		// exceljs makes serial 2 into 1900-01-01; Excel shows 02/01/1900.
		expect(serial(2).toISOString().slice(0, 10)).toBe('1900-01-01');
		expect(excelDateText(serial(2), 'dd/mm/yyyy')).toBe('02/01/1900');
		expect(excelDateText(serial(1), 'dd/mm/yyyy')).toBe('01/01/1900');
		expect(excelDateText(serial(3), 'mm-dd-yy')).toBe('03/01/1900');
		expect(excelDateText(serial(59), 'dd/mm/yyyy')).toBe('28/02/1900');
		expect(excelDateText(serial(60), 'dd/mm/yyyy')).toBe('29/02/1900');
		expect(excelDateText(serial(61), 'dd/mm/yyyy')).toBe('01/03/1900');
		expect(excelDateText(serial(45108), 'dd/mm/yyyy')).toBe('01/07/2023');
		// The 1904 date system never had the phantom day.
		expect(excelDateText(new Date(Date.UTC(1904, 0, 2)), 'dd/mm/yyyy', true)).toBe('02/01/1904');
	});

	it('shows percentages as Vietnamese Excel does', () => {
		expect(excelCellText(0.125, '0.0%')).toBe('12,5%');
		expect(excelCellText(0.5, '0%')).toBe('50%');
		expect(excelCellText(0.5, '0.00')).toBe('0.5');
		expect(excelCellText(2, 'General')).toBe('2');
	});
});

describe('sheet names', () => {
	it('match in any case and Unicode form', () => {
		expect(sheetNameKey('câu hỏi')).toBe(sheetNameKey('Câu hỏi'));
		expect(sheetNameKey(' CÂU  HỎI '.normalize('NFD'))).toBe(sheetNameKey('Câu hỏi'));
		expect(sheetNameKey('Cau hoi')).not.toBe(sheetNameKey('Câu hỏi'));
	});
});
