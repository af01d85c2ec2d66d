/**
 * Live hội thi (issue 14): what the server and the pages say to each other. Shared by the server
 * (src/lib/server/live/) and the browser (player page, big screen, host console, judge page), so
 * it holds types, paths and constants only — nothing that imports server code.
 *
 * Transport: one server-sent-event stream per screen (`eventsPath`), each message a whole
 * `LiveView` (a game's screen is small: re-sending it whole keeps a reconnect simple), with `id:`
 * the game's `version`. A reconnect sends `Last-Event-ID`; the server answers with the current view
 * at once unless it is the same version. Everything a player or host does is a plain POST.
 */

export type LivePhase = 'lobby' | 'question' | 'reveal' | 'scoreboard' | 'judging' | 'podium';
export type LiveStatus = 'draft' | 'lobby' | 'running' | 'finished';
export type LiveAudience = 'player' | 'screen' | 'host';

export interface LiveOption {
	/** The option's id in the question version (what an answer sends). */
	id: string;
	/** A, B, C, D… in the game's option order. */
	label: string;
	text: string;
}

export interface LiveQuestion {
	position: number;
	/** How many questions the game has. */
	total: number;
	kind: 'single' | 'multiple' | 'true_false';
	/** Null on a player's phone in projector mode (the question is on the big screen). */
	stem: string | null;
	options: LiveOption[];
	/** The "cứu trợ" question: only eliminated players answer it. */
	revive: boolean;
}

export interface LiveReveal {
	correctOptionIds: string[];
	explanation: string;
	legalRef: string;
	/** How many players chose each option (by option id). */
	chosen: Record<string, number>;
	correctCount: number;
}

export interface LiveBoardRow {
	rank: number;
	name: string;
	/** Unit / team / chi hội shown under the name. */
	detail: string;
	points: number;
}

export interface LiveBoard {
	players: LiveBoardRow[];
	/** Team standings (empty when the game has no teams); with judged points when there are judged parts. */
	teams: (LiveBoardRow & { quiz: number; judged: number })[];
}

export interface LiveJudging {
	partId: number;
	title: string;
	scaleMax: number;
	/** Per team: the shown (trimmed-mean) score so far and how many judges have scored. */
	teams: { teamId: number; name: string; shown: number | null; judges: number }[];
}

/** What one player's phone needs about itself (only in that player's own stream). */
export interface LiveMe {
	playerId: number;
	name: string;
	points: number;
	rank: number | null;
	/** The option ids this player sent for the current question, if any (acknowledged by the server). */
	answer: string[] | null;
	/** After a reveal: whether that answer was right and the points it earned. */
	lastCorrect: boolean | null;
	lastPoints: number | null;
	/** Out after the elimination (and not revived): watches, answers only the revive question. */
	eliminated: boolean;
	removed: boolean;
}

export interface LiveView {
	version: number;
	gameId: number;
	code: string;
	title: string;
	status: LiveStatus;
	phase: LivePhase;
	locked: boolean;
	paused: boolean;
	displayMode: 'projector' | 'no_projector';
	/** Server clock when this view was made: a client's clock offset (clock.ts, as in attempts). */
	serverNow: number;
	question: LiveQuestion | null;
	/** The current question's window on the server clock (null outside a question). */
	opensAt: number | null;
	closesAt: number | null;
	/** While paused: how long the question has left when resumed. */
	remainingMs: number | null;
	players: number;
	/** Answers to the current question so far (screen and host streams; players get 0). */
	answered: number;
	reveal: LiveReveal | null;
	/** In scoreboard and podium phases (podium: the top 3 of each). */
	board: LiveBoard | null;
	judging: LiveJudging | null;
	/** Player streams only. */
	me: LiveMe | null;
}

/** The body of an answer POST. `requestId` (random, per question) makes a retry count once. */
export interface LiveAnswerBody {
	position: number;
	optionIds: string[];
	requestId: string;
}

/** The body of a join (POST `livePaths.joinApi`); the join form sends the same fields. */
export interface LiveJoinBody {
	name: string;
	unitId?: number | null;
	/** A team the host defined… */
	teamId?: number | null;
	/** …or a team name (a new name makes the team, when the game's teams are open: team_mode 'custom'). */
	teamName?: string | null;
	/** Chi hội, class… free text. */
	affiliation?: string | null;
}

/** A join's answer: the player (rejoining the same device or account gives the same player back). */
export interface LiveJoinAck {
	playerId: number;
	name: string;
	code: string;
	/** False when this device (or account) had joined already: the same player, points kept. */
	created: boolean;
}

export interface LiveAnswerAck {
	accepted: true;
	position: number;
	optionIds: string[];
	/** Server time of receipt; the speed bonus is measured from the question's opening on this clock. */
	receivedAt: number;
}

export type LiveHostAction =
	| 'open'
	| 'lock'
	| 'unlock'
	| 'start'
	| 'next'
	| 'reveal'
	| 'scoreboard'
	| 'back'
	| 'pause'
	| 'resume'
	| 'remove'
	| 'judging'
	| 'podium'
	| 'finish';

/** A host command. `version` is the view the host acted on: a stale one (a double press) is refused with 409. */
export interface LiveHostBody {
	action: LiveHostAction;
	version: number;
	/** remove: the player; judging: the part. */
	playerId?: number;
	partId?: number;
}

export interface LiveJudgeBody {
	partId: number;
	teamId: number;
	/** In the part's scale (0 … scaleMax, steps of 0.5). */
	score: number;
}

/** Error answers: `{ message }` in Vietnamese, with these statuses. */
export const LIVE_STATUS = {
	badInput: 400,
	notJoined: 401,
	forbidden: 403,
	noRoom: 404,
	staleVersion: 409,
	/** The question is closed, the room is locked, the player was removed. */
	refused: 422,
	tooMany: 429
} as const;

export const LIVE_CODE_LENGTH = 6;
export const LIVE_NAME_MAX = 60;
export const LIVE_TEAM_NAME_MAX = 60;
/**
 * The device cookie that keeps an anonymous player the same player: the site's own device cookie
 * (auth/fingerprint.ts DEVICE_COOKIE — random, httpOnly, two years, set on every request by the
 * hooks and the hot path alike), so a phone that opened any hoithi page already has it. Only a keyed
 * hash of it is stored (live_players.device_hash).
 */
export const LIVE_DEVICE_COOKIE = 'hoithi_device';

export const livePaths = {
	/** The join page (code form) and the player page. */
	join: '/live',
	player: (code: string) => `/live/${code}`,
	host: (gameId: number) => `/live/host/${gameId}`,
	screen: (gameId: number) => `/live/host/${gameId}/screen`,
	judge: (token: string) => `/live/judge/${token}`,
	games: '/live/games',
	game: (gameId: number) => `/live/games/${gameId}`,
	results: (gameId: number) => `/live/games/${gameId}/results`,
	resultsXlsx: (gameId: number) => `/live/games/${gameId}/results.xlsx`,
	/** JSON join (POST LiveJoinBody → LiveJoinAck). */
	joinApi: (code: string) => `/api/live/${code}/players`,
	/** SSE. `?as=player|screen|host`. */
	events: (code: string) => `/api/live/${code}/events`,
	answers: (code: string) => `/api/live/${code}/answers`,
	hostCommand: (gameId: number) => `/api/live/games/${gameId}/command`,
	judgeScore: (token: string) => `/api/live/judge/${token}/scores`,
	/** QR code (SVG) of the player join address, served by hoithi itself. */
	qr: (code: string) => `/live/${code}/qr.svg`
} as const;
