/**
 * The authorisation matrix: every route and endpoint × every role, with the expected outcome.
 * `authz.test.ts` walks all of it against the running test server, and fails when a route in
 * src/routes is missing here (or listed here but gone). Adding a route = adding one line.
 *
 * Columns (in this order):
 *   anon   anonymous visitor
 *   part   a participant of unit 001 (owns the fixture attempt)
 *   other  another participant (unit 001)
 *   leadU  district lead of unit 001 (the participant's unit)
 *   leadX  district lead of another unit
 *   org    organiser
 *   admin  admin
 * Outcomes:
 *   O  allowed: the page renders (200) or the action/endpoint is reached (validation answers
 *      400, a redirect elsewhere or a success — the walker sends invalid bodies so nothing changes)
 *   L  must log in: redirect to /login?redirectTo=… (pages, actions) or 401 (API)
 *   F  forbidden (403)
 *   N  not found (404): the thing exists but belongs to someone else
 *   A  sent away: redirect somewhere other than /login (e.g. /login when already logged in)
 */
export const ROLES = ['anon', 'part', 'other', 'leadU', 'leadX', 'org', 'admin'] as const;
export type RoleKey = (typeof ROLES)[number];
export type Outcome = 'O' | 'L' | 'F' | 'N' | 'A';

/** Fixture values the walker fills route parameters with (see authz.test.ts). */
export type FixtureKey =
	'attemptId' | 'openRoundId' | 'upcomingRoundId' | 'contestId' | 'questionId' | 'participantId' | 'liveGameId' | 'liveCode';

export interface MatrixRow {
	/** `METHOD /route/[param]` or `POST /route?/action` (form actions; default action has no `?/`). */
	key: string;
	/** Seven outcomes in ROLES order, space separated. */
	expect: string;
	/** Parameter → fixture, when the default (by parameter name) is not wanted. */
	params?: Partial<Record<string, FixtureKey>>;
	/** The request ends the caller's session(s): the walker logs that role in again afterwards. */
	endsSession?: true;
	/**
	 * JSON body for an API write, well-formed so that the ownership check is what answers
	 * (default: wrong types, answered with 400 by anyone allowed).
	 */
	json?: unknown;
}

const everyone = 'O O O O O O O';
const signedIn = 'L O O O O O O';
const owner = 'L O N N N N N';
const guestOnly = 'O A A A A A A';
const organiser = 'L F F F F O O';
const admin = 'L F F F F F O';
/** Live games: staff who host (district leads, organisers, admins); one game: its hosts (unit 001's lead, not leadX). */
const liveStaff = 'L F F O O O O';
const liveHost = 'L F F O F O O';

export const MATRIX: MatrixRow[] = [
	// Public and participant pages
	{ key: 'GET /', expect: everyone },
	{ key: 'GET /login', expect: guestOnly },
	{ key: 'POST /login', expect: everyone },
	{ key: 'GET /register', expect: guestOnly },
	{ key: 'POST /register', expect: everyone },
	{ key: 'GET /logout', expect: 'A A A A A A A' },
	{ key: 'POST /logout', expect: 'A A A A A A A', endsSession: true },
	{ key: 'GET /me/results', expect: signedIn },
	// Practice: anyone, with or without an account (the walker's invalid body answers 400).
	{ key: 'GET /practice', expect: everyone },
	{ key: 'POST /practice?/answer', expect: everyone },
	{ key: 'GET /account', expect: signedIn },
	{ key: 'POST /account?/profile', expect: signedIn },
	{ key: 'POST /account?/group', expect: signedIn },
	{ key: 'POST /account?/logoutEverywhere', expect: 'L A A A A A A', endsSession: true },
	{ key: 'POST /account?/requestDeletion', expect: signedIn },
	{ key: 'GET /account/data', expect: signedIn },
	// Forgotten passwords (anyone may ask; the answers never tell whether an account exists)
	{ key: 'GET /forgot-password', expect: everyone },
	{ key: 'POST /forgot-password?/code', expect: everyone },
	{ key: 'POST /forgot-password?/email', expect: everyone },
	{ key: 'GET /reset-password', expect: everyone },
	{ key: 'POST /reset-password', expect: everyone },
	{ key: 'GET /rounds/[roundId]/attempt', expect: signedIn },
	{ key: 'GET /rounds/[roundId]/leaderboard', expect: everyone },
	{ key: 'GET /attempts/[attemptId]', expect: owner },
	// Participant API
	{ key: 'GET /api/rounds/current', expect: everyone },
	{ key: 'GET /api/health', expect: everyone },
	{ key: 'GET /api/leaderboard', expect: everyone },
	{ key: 'GET /leaderboard', expect: 'A A A A A A A' }, // forwards to the chosen board
	{ key: 'GET /contests/[contestId]/leaderboard', expect: everyone },
	// Prizes and certificates (issue 16): the public "Kết quả đạt giải" pages and the verification
	// page need no login; a code nobody was issued is a 404 for everyone, and a certificate's PDF is
	// its holder's or an organiser's only (prizes.test.ts checks both with real certificates).
	{ key: 'GET /rounds/[roundId]/prizes', expect: everyone },
	{ key: 'GET /contests/[contestId]/prizes', expect: everyone },
	{ key: 'GET /v/[code]', expect: 'N N N N N N N', params: { code: 'attemptId' } },
	{ key: 'GET /certificates/[code]', expect: 'L N N N N N N', params: { code: 'attemptId' } },
	// The open fixture round gives no participation certificates (and is not closed): 404 to everyone signed in.
	{ key: 'GET /me/certificates/rounds/[roundId]', expect: 'L N N N N N N' },
	// District dashboards: a lead sees their own unit (any other ?unit= is a 403, see dashboards.test.ts)
	{ key: 'GET /district', expect: 'L F F O O O O' },
	{ key: 'GET /district/export', expect: 'L F F O O O O' },
	// Reset codes: leads for their own unit's participants only (another unit's person: 403, see staff.test.ts)
	{ key: 'GET /district/password', expect: 'L F F O O O O' },
	{ key: 'POST /district/password?/issue', expect: 'L F F O O O O' },
	// A lead's period report of their own unit (another ?unit= is a 403, see reports-calendar.test.ts)
	{ key: 'GET /district/reports', expect: 'L F F O O O O' },
	{ key: 'GET /district/reports/download', expect: 'L F F O O O O' },
	// Winners of the lead's own unit (any other ?unit= is a 403: prizes.test.ts)
	{ key: 'GET /district/prizes', expect: 'L F F O O O O' },
	{ key: 'GET /district/prizes/export', expect: 'L F F O O O O' },
	{ key: 'POST /api/rounds/[roundId]/attempts', expect: signedIn, params: { roundId: 'upcomingRoundId' } },
	// The owner's answer names a question outside the attempt (400, nothing saved); the submit
	// really hands the fixture attempt in (it is this test's own), which is what the owner may do.
	{ key: 'PUT /api/attempts/[attemptId]/answers', expect: owner, json: { questionId: 999_999_999, optionIds: [] } },
	{ key: 'POST /api/attempts/[attemptId]/submit', expect: owner, json: { prediction: 1 } },
	// Live hội thi (issue 14; live-*.test.ts walk each with real players, hosts and judges). Nobody of
	// the walker has joined the fixture game: the player's stream and answers are 401 for all; anyone
	// may join (the walker's name is refused: 400). Hosting: organisers, admins and the lead of the
	// game's own unit (001). A judge link is its token: the walker's is nobody's (404 for all).
	// (An account joins under its own name: the walker's name is too long, so nobody joins.)
	{ key: 'POST /api/live/[code]/players', expect: everyone, params: { code: 'liveCode' }, json: { name: 'x'.repeat(200) } },
	{ key: 'POST /api/live/[code]/answers', expect: 'L L L L L L L', params: { code: 'liveCode' } },
	{ key: 'GET /api/live/[code]/events', expect: 'L L L L L L L', params: { code: 'liveCode' } },
	{ key: 'POST /api/live/games/[gameId]/command', expect: 'L F F O F O O', params: { gameId: 'liveGameId' } },
	{ key: 'POST /api/live/judge/[token]/scores', expect: 'N N N N N N N', params: { token: 'liveGameId' } },
	// Live screens (live-ui; live-pages.test.ts): joining is for anyone (the walker's empty form: 400);
	// the host console and the big screen are the game's hosts' (the lead of unit 001 included); a
	// judge page is its link's (the walker's token is nobody's: 404).
	{ key: 'GET /live', expect: everyone },
	{ key: 'POST /live', expect: everyone },
	{ key: 'GET /live/[code]', expect: everyone, params: { code: 'liveCode' } },
	{ key: 'POST /live/[code]?/join', expect: everyone, params: { code: 'liveCode' } },
	{ key: 'GET /live/[code]/qr.svg', expect: everyone, params: { code: 'liveCode' } },
	{ key: 'GET /live/host/[id]', expect: 'L F F O F O O', params: { id: 'liveGameId' } },
	{ key: 'GET /live/host/[id]/screen', expect: 'L F F O F O O', params: { id: 'liveGameId' } },
	{ key: 'GET /live/judge/[token]', expect: 'N N N N N N N', params: { token: 'liveGameId' } },
	{ key: 'POST /live/judge/[token]?/score', expect: 'N N N N N N N', params: { token: 'liveGameId' } },
	// Preparing live games (live-setup.test.ts): organisers, admins and district leads list and create
	// (a lead's own unit's only); one game's set-up and results only for its hosts — the fixture game is
	// unit 001's, so leadX is refused. The walker's empty forms answer 400 for the hosts.
	{ key: 'GET /live/games', expect: liveStaff },
	{ key: 'GET /live/games/new', expect: liveStaff },
	{ key: 'POST /live/games/new', expect: liveStaff },
	{ key: 'GET /live/games/[id]', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/settings', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/draw', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/pick', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/removeQuestion', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/moveUp', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/moveDown', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/addTeam', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/unitTeams', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/removeTeam', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/addPart', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/removePart', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/addJudge', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/reissueJudge', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/removeJudge', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/open', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'POST /live/games/[id]?/delete', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'GET /live/games/[id]/results', expect: liveHost, params: { id: 'liveGameId' } },
	{ key: 'GET /live/games/[id]/results.xlsx', expect: liveHost, params: { id: 'liveGameId' } },
	// Organisers (admin implied)
	{ key: 'GET /organiser', expect: organiser },
	{ key: 'GET /organiser/audit', expect: organiser },
	{ key: 'GET /organiser/dashboard', expect: organiser },
	{ key: 'GET /organiser/items', expect: organiser },
	{ key: 'GET /organiser/reports', expect: organiser },
	{ key: 'POST /organiser/reports?/calendar', expect: organiser },
	{ key: 'GET /organiser/reports/download', expect: organiser },
	// Units and targets (issue 16): organisers and admins; a district lead can neither upload nor edit
	{ key: 'GET /organiser/units', expect: organiser },
	{ key: 'POST /organiser/units?/target', expect: organiser },
	{ key: 'POST /organiser/units?/switch', expect: organiser },
	{ key: 'GET /organiser/units/import', expect: organiser },
	{ key: 'GET /organiser/groups', expect: organiser },
	{ key: 'POST /organiser/groups?/create', expect: organiser },
	{ key: 'POST /organiser/groups?/rename', expect: organiser },
	{ key: 'POST /organiser/groups?/visibility', expect: organiser },
	{ key: 'POST /organiser/groups?/delete', expect: organiser },
	{ key: 'POST /organiser/units/import?/preview', expect: organiser },
	{ key: 'POST /organiser/units/import?/confirm', expect: organiser },
	{ key: 'GET /organiser/contests/new', expect: organiser },
	{ key: 'POST /organiser/contests/new', expect: organiser },
	{ key: 'GET /organiser/contests/[contestId]', expect: organiser },
	{ key: 'POST /organiser/contests/[contestId]?/save', expect: organiser },
	{ key: 'GET /organiser/contests/[contestId]/rounds/new', expect: organiser },
	{ key: 'POST /organiser/contests/[contestId]/rounds/new', expect: organiser },
	{ key: 'GET /organiser/rounds/[roundId]', expect: organiser },
	{ key: 'POST /organiser/rounds/[roundId]', expect: organiser },
	{ key: 'GET /organiser/rounds/[roundId]/prizes', expect: organiser },
	{ key: 'POST /organiser/rounds/[roundId]/prizes?/plan', expect: organiser },
	{ key: 'POST /organiser/rounds/[roundId]/prizes?/propose', expect: organiser },
	{ key: 'POST /organiser/rounds/[roundId]/prizes?/confirm', expect: organiser },
	{ key: 'POST /organiser/rounds/[roundId]/prizes?/disqualify', expect: organiser },
	{ key: 'POST /organiser/rounds/[roundId]/prizes?/substitute', expect: organiser },
	{ key: 'POST /organiser/rounds/[roundId]/prizes?/freeze', expect: organiser },
	{ key: 'POST /organiser/rounds/[roundId]/prizes?/publish', expect: organiser },
	{ key: 'POST /organiser/rounds/[roundId]/prizes?/amend', expect: organiser },
	{ key: 'GET /organiser/rounds/[roundId]/prizes/certificates', expect: organiser },
	{ key: 'GET /organiser/contests/[contestId]/prizes', expect: organiser },
	{ key: 'POST /organiser/contests/[contestId]/prizes?/plan', expect: organiser },
	{ key: 'POST /organiser/contests/[contestId]/prizes?/propose', expect: organiser },
	{ key: 'POST /organiser/contests/[contestId]/prizes?/confirm', expect: organiser },
	{ key: 'POST /organiser/contests/[contestId]/prizes?/freeze', expect: organiser },
	{ key: 'POST /organiser/contests/[contestId]/prizes?/publish', expect: organiser },
	{ key: 'POST /organiser/contests/[contestId]/prizes?/amend', expect: organiser },
	{ key: 'GET /organiser/duplicates', expect: organiser },
	{ key: 'POST /organiser/duplicates?/merge', expect: organiser },
	{ key: 'POST /organiser/duplicates?/dismiss', expect: organiser },
	{ key: 'GET /organiser/fairness', expect: organiser },
	{ key: 'GET /organiser/fairness/rounds/[roundId]', expect: organiser },
	{ key: 'GET /organiser/fairness/contests/[contestId]', expect: organiser },
	{ key: 'GET /organiser/people/[userId]', expect: organiser },
	{ key: 'POST /organiser/people/[userId]?/disqualifyAttempt', expect: organiser },
	{ key: 'POST /organiser/people/[userId]?/reinstateAttempt', expect: organiser },
	{ key: 'POST /organiser/people/[userId]?/disqualifyPerson', expect: organiser },
	{ key: 'POST /organiser/people/[userId]?/reinstatePerson', expect: organiser },
	{ key: 'POST /organiser/people/[userId]?/changeRole', expect: admin },
	// Staff accounts: organisers create/manage district leads, admins everyone (staff.test.ts)
	{ key: 'GET /admin/staff', expect: organiser },
	{ key: 'POST /admin/staff?/create', expect: organiser },
	{ key: 'GET /admin/staff/[userId]', expect: organiser },
	{ key: 'POST /admin/staff/[userId]?/update', expect: organiser },
	{ key: 'POST /admin/staff/[userId]?/deactivate', expect: organiser },
	{ key: 'POST /admin/staff/[userId]?/reactivate', expect: organiser },
	{ key: 'GET /organiser/privacy', expect: organiser },
	{ key: 'POST /organiser/privacy?/confirm', expect: organiser },
	{ key: 'POST /organiser/privacy?/reject', expect: organiser },
	{ key: 'GET /organiser/questions', expect: organiser },
	{ key: 'GET /organiser/questions/export', expect: organiser },
	{ key: 'GET /organiser/questions/template', expect: organiser },
	{ key: 'GET /organiser/questions/new', expect: organiser },
	{ key: 'POST /organiser/questions/new', expect: organiser },
	{ key: 'GET /organiser/questions/[questionId]', expect: organiser },
	{ key: 'POST /organiser/questions/[questionId]?/save', expect: organiser },
	{ key: 'POST /organiser/questions/[questionId]?/status', expect: organiser },
	{ key: 'POST /organiser/questions/[questionId]?/delete', expect: organiser },
	{ key: 'POST /organiser/questions/[questionId]?/acceptCheck', expect: organiser },
	{ key: 'POST /organiser/questions/[questionId]?/withdrawCheck', expect: organiser },
	{ key: 'GET /organiser/questions/import', expect: organiser },
	{ key: 'POST /organiser/questions/import?/preview', expect: organiser },
	{ key: 'POST /organiser/questions/import?/confirm', expect: organiser },
	{ key: 'GET /organiser/questions/topics', expect: organiser },
	{ key: 'POST /organiser/questions/topics?/create', expect: organiser },
	{ key: 'POST /organiser/questions/topics?/rename', expect: organiser },
	{ key: 'POST /organiser/questions/topics?/delete', expect: organiser }
];

/** The expected outcome of one row for one role. */
export function expected(row: MatrixRow, role: RoleKey): Outcome {
	const codes = row.expect.trim().split(/\s+/);
	if (codes.length !== ROLES.length) throw new Error(`${row.key}: ${codes.length} outcomes, expected ${ROLES.length}`);
	return codes[ROLES.indexOf(role)] as Outcome;
}
