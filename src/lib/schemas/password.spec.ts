import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';

describe('passwordProblem', () => {
	it('accepts an ordinary passphrase of 8 characters or more, with no composition rules', () => {
		expect(passwordProblem('mat-khau-du-dai')).toBeNull();
		expect(passwordProblem('hoa sen tháng sáu')).toBeNull();
		expect(passwordProblem('trời xanh')).toBeNull();
	});

	it('refuses fewer than 8 characters, counting Vietnamese letters once', () => {
		expect(passwordProblem('ngắn')).toMatch(/ít nhất 8/);
		expect(passwordProblem('ệệệệệệệ')).toMatch(/ít nhất 8/);
	});

	it('refuses the most common passwords, whatever their case or diacritics', () => {
		for (const p of ['password', 'PASSWORD1', 'Mật khẩu 123', 'anhyeuem', 'qwerty123', '1q2w3e4r']) {
			expect(passwordProblem(p), p).toMatch(/phổ biến/);
		}
	});

	it('refuses runs and repeats', () => {
		for (const p of ['12345678', '87654321', 'aaaaaaaa', 'abcdefgh', '12121212', 'abcabcabc']) {
			expect(passwordProblem(p), p).not.toBeNull();
		}
	});

	it("refuses the person's own phone in any format, email, or name", () => {
		const about = { phone: '+84912345678', email: 'lan.nguyen@example.vn', fullName: 'Nguyễn Thị Lan' };
		expect(passwordProblem('0912345678', about)).toMatch(/số điện thoại/);
		expect(passwordProblem('0912 345 678', about)).toMatch(/số điện thoại/);
		expect(passwordProblem('84912345678', about)).toMatch(/số điện thoại/);
		expect(passwordProblem('lan.nguyen@example.vn', about)).toMatch(/email/);
		expect(passwordProblem('Nguyễn Thị Lan', about)).toMatch(/họ và tên/);
		expect(passwordProblem('nguyenthilan', about)).toMatch(/họ và tên/);
		expect(passwordProblem('0912345678 và hoa sen', about)).toBeNull();
	});
});
