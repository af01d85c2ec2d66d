/**
 * The unit list as people look for their unit: grouped by kind (quận, thị xã, huyện — or phường,
 * xã for the 2025 communes) and sorted by proper name in Vietnamese order, so "Quận Ba Đình" comes
 * first rather than after seventeen "Huyện …" (a plain sort compares the kind word first, and
 * byte order puts "Đ" after "Y").
 */
export interface UnitChoice {
	code: string;
	name: string;
	kind: string;
}

export interface UnitGroup {
	label: string;
	units: { code: string; name: string }[];
}

/** Kinds in the order people expect them, with the group's label. */
const KINDS: [kind: string, label: string][] = [
	['urban_district', 'Quận'],
	['town', 'Thị xã'],
	['rural_district', 'Huyện'],
	['ward', 'Phường'],
	['commune', 'Xã'],
	['city', 'Thành phố']
];
const OTHER = 'Khác';

/** The kind word in front of a unit's name ("Quận Ba Đình" → "Ba Đình"). */
const KIND_WORD = /^(quận|huyện|thị xã|thị trấn|thành phố|phường|xã)\s+/iu;
const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
const properName = (name: string) => name.normalize('NFC').replace(KIND_WORD, '');

export function groupUnits(units: readonly UnitChoice[]): UnitGroup[] {
	const order = new Map(KINDS.map(([k], i) => [k, i]));
	const groups = new Map<string, UnitChoice[]>();
	for (const u of units) {
		const label = KINDS.find(([k]) => k === u.kind)?.[1] ?? OTHER;
		let g = groups.get(label);
		if (!g) groups.set(label, (g = []));
		g.push(u);
	}
	const rank = (label: string) => order.get(KINDS.find(([, l]) => l === label)?.[0] ?? '') ?? KINDS.length;
	return [...groups.entries()]
		.sort(([a], [b]) => rank(a) - rank(b))
		.map(([label, list]) => ({
			label,
			units: list
				.sort((a, b) => collator.compare(properName(a.name), properName(b.name)) || collator.compare(a.name, b.name))
				.map(({ code, name }) => ({ code, name }))
		}));
}
