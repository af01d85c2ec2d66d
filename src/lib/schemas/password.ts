import { foldVietnamese } from '../vn/text';

/**
 * Password rules that stop the guessable without annoying people (NIST SP 800-63B style): at
 * least 8 characters, no composition rules, but not one of the most common passwords, not a
 * run like 12345678 or aaaaaaaa, and not the person's own phone, email or name. The list is
 * small and built in (no network); Vietnamese favourites are included.
 */
const MIN_PASSWORD_LENGTH = 8;

const COMMON = new Set(
	[
		'password',
		'password1',
		'password123',
		'passw0rd',
		'p@ssw0rd',
		'p@ssword',
		'qwerty',
		'qwerty123',
		'qwertyuiop',
		'asdfghjk',
		'asdfghjkl',
		'zxcvbnm1',
		'1q2w3e4r',
		'1q2w3e4r5t',
		'1qaz2wsx',
		'abc12345',
		'abcd1234',
		'abcdefgh',
		'iloveyou',
		'iloveyou1',
		'sunshine',
		'princess',
		'football',
		'baseball',
		'welcome1',
		'welcome123',
		'letmein1',
		'trustno1',
		'superman',
		'batman123',
		'starwars',
		'dragon12',
		'monkey12',
		'master12',
		'shadow12',
		'michael1',
		'jennifer',
		'computer',
		'internet',
		'whatever',
		'admin123',
		'administrator',
		'changeme',
		'default1',
		'secret12',
		'matkhau',
		'matkhau1',
		'matkhau123',
		'matkhaumoi',
		'anhyeuem',
		'anhyeuem1',
		'anhyeuem123',
		'emyeuanh',
		'emyeuanh1',
		'yeuemmaimai',
		'vietnam1',
		'vietnam123',
		'hanoi123',
		'hanoi2024',
		'hanoi2025',
		'hanoi2026',
		'saigon123',
		'hoilienhiep',
		'phunu123',
		'phunuhanoi',
		'hoithi123',
		'hoithi2026',
		'khongbiet',
		'conmeo123',
		'iloveyou2',
		'thanhcong',
		'hanhphuc',
		'hanhphuc1',
		'giadinh1',
		'minhanh1',
		'baoanh123',
		'123456789a',
		'a123456789',
		'aa123456',
		'zz123456',
		'q1w2e3r4',
		'q1w2e3r4t5',
		'x1y2z3w4',
		'11223344',
		'112233445566',
		'12341234',
		'12344321',
		'123123123',
		'123321123',
		'147258369',
		'159753456',
		'789456123',
		'741852963',
		'852456789',
		'19001009',
		'20202020',
		'66668888',
		'88888888a'
	].map((p) => p.toLowerCase())
);

/** A run of one character, or of consecutive digits/letters up or down (12345678, 87654321, abcdefgh). */
function isRun(p: string): boolean {
	if (/^(.)\1+$/u.test(p)) return true;
	const codes = [...p].map((c) => c.codePointAt(0)!);
	const steps = new Set(codes.slice(1).map((c, i) => c - codes[i]));
	if (steps.size === 1 && (steps.has(1) || steps.has(-1))) return true;
	// One short chunk repeated: 12121212, abcabcabc, 123123123.
	return /^(.{1,4})\1{1,}$/u.test(p);
}

/** Folded, without spaces and punctuation: "Nguyễn Thị An" → "nguyenthian". */
const squash = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]/g, '');

/**
 * The reason a password is refused, in Vietnamese, or null when it is fine. `about` holds what
 * we know of the person (any may be empty); the password is compared without case or
 * diacritics.
 */
export function passwordProblem(
	password: string,
	about: { phone?: string | null; email?: string | null; fullName?: string | null } = {}
): string | null {
	if ([...password].length < MIN_PASSWORD_LENGTH) return `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
	const lower = password.normalize('NFC').toLowerCase();
	const plain = squash(password);
	if (COMMON.has(lower) || COMMON.has(plain) || (/^\d+$/.test(lower) && COMMON.has(lower))) {
		return 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn một cụm từ khác (ví dụ: một câu ngắn bạn dễ nhớ).';
	}
	if (isRun(lower)) return 'Mật khẩu không được là dãy ký tự lặp lại hoặc liên tiếp (như 12345678, aaaaaaaa).';
	const digits = password.replace(/\D/g, '');
	if (about.phone) {
		const local = about.phone.replace(/\D/g, '').replace(/^84/, '0');
		const national = local.replace(/^0/, '');
		if (
			digits.length >= 8 &&
			digits === password.replace(/[\s.+-]/g, '') &&
			(local.endsWith(digits) || national === digits || '84' + national === digits)
		) {
			return 'Mật khẩu không được trùng với số điện thoại.';
		}
	}
	if (about.email) {
		const e = about.email.toLowerCase();
		if (lower === e || lower === e.split('@')[0]) return 'Mật khẩu không được trùng với email.';
	}
	if (about.fullName) {
		const name = squash(about.fullName);
		if (name.length > 0 && (plain === name || plain === squash(about.fullName.split(/\s+/).reverse().join('')))) {
			return 'Mật khẩu không được trùng với họ và tên.';
		}
	}
	return null;
}
