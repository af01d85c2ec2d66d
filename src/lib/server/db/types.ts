import type { Generated, Insertable, Selectable } from 'kysely';

/** Typed view of the schema in migrations/. snake_case here, camelCase past the repositories. */
export interface UnitsTable {
	id: Generated<number>;
	code: string;
	name: string;
	kind: string;
	parent_id: number | null;
	target_count: number | null;
	active: Generated<number>;
	created_at: number;
}

export type Role = 'participant' | 'district_lead' | 'organiser' | 'admin';
export type Gender = 'female' | 'male' | 'other';

export interface UsersTable {
	id: Generated<number>;
	full_name: string;
	name_folded: string;
	birth_date: string;
	gender: Gender;
	phone: string;
	email: string | null;
	national_id_hash: string | null;
	unit_id: number;
	role: Generated<Role>;
	password_hash: string;
	consent_at: number;
	consent_version: string;
	disqualified_at: number | null;
	/** Why the person was disqualified (0003). */
	disqualify_reason: Generated<string | null>;
	/** Set when an organiser merged this duplicate account into another one (0003). */
	merged_into: Generated<number | null>;
	/** Guardian's confirmation for a child under 16 at registration (0005). */
	guardian_name: Generated<string | null>;
	guardian_phone: Generated<string | null>;
	guardian_confirmed_at: Generated<number | null>;
	/** Set when the person's data was erased on request; results stay, anonymised (0005). */
	anonymised_at: Generated<number | null>;
	/** The participant group (0012); null: not declared ("chưa khai báo"). */
	group_id: Generated<number | null>;
	created_at: number;
	/** Switched off by staff: cannot log in, holds no session (0011). */
	deactivated_at: Generated<number | null>;
}

export interface SessionsTable {
	id: string;
	secret_hash: Uint8Array;
	user_id: number;
	created_at: number;
	expires_at: number;
}

export type ContestStatus = 'draft' | 'published' | 'archived';
export interface ContestsTable {
	id: Generated<number>;
	title: string;
	rules: Generated<string>;
	status: Generated<ContestStatus>;
	/** 1: practice draws nothing an open round of this contest could draw (0014). */
	practice_hides_open_rounds: Generated<number>;
	created_at: number;
	updated_at: number;
}

export type RevealPolicy = 'after_submit' | 'after_close';
export type PredictionKind = 'participants' | 'attempts' | 'perfect_scores';

export interface RoundsTable {
	id: Generated<number>;
	contest_id: number;
	title: string;
	opens_at: number;
	closes_at: number;
	question_count: number;
	time_limit_seconds: number;
	max_attempts: number;
	reveal_policy: RevealPolicy;
	prediction_kind: PredictionKind | null;
	prediction_question: string | null;
	prediction_actual: number | null;
	/** 1 when the round has prizes: answers are then revealed after the close by default (0009). */
	has_prizes: Generated<number>;
	created_at: number;
	updated_at: number;
	/** Equal forms: allowed distance of a form's expected score from the round's mean, hundredths of a point of 10 (0016). */
	form_band: Generated<number>;
}

export interface RoundQuotasTable {
	id: Generated<number>;
	round_id: number;
	topic_id: number | null;
	difficulty: number | null;
	count: number;
}

export interface TopicsTable {
	id: Generated<number>;
	code: string;
	name: string;
}

export type QuestionKind = 'single' | 'multiple' | 'true_false';
export type QuestionStatus = 'draft' | 'published' | 'retired';
/** Who a question fits (0010): everyone, or adults only (18+). */
export type QuestionAudience = 'all' | 'adults';

export interface QuestionsTable {
	id: Generated<number>;
	topic_id: number;
	difficulty: number;
	kind: QuestionKind;
	status: Generated<QuestionStatus>;
	current_version_id: number | null;
	/** foldVietnamese(current stem): search and duplicate detection (migration 0002). */
	stem_folded: Generated<string>;
	created_at: number;
	updated_at: number;
	/** 'all' for every question before 0010. */
	audience: Generated<QuestionAudience>;
	/** Minimum age in years, on top of the audience; null = none (0010). */
	min_age: number | null;
	/** A draw never puts two questions of one group in one attempt; null = no group (0010). */
	exclusion_group: string | null;
}

export interface QuestionVersionsTable {
	id: Generated<number>;
	question_id: number;
	version_no: number;
	kind: QuestionKind;
	stem: string;
	options_json: string;
	explanation: Generated<string>;
	legal_ref: Generated<string>;
	created_at: number;
}

export type AttemptStatus = 'open' | 'submitted' | 'expired';
export interface AttemptsTable {
	id: Generated<number>;
	round_id: number;
	user_id: number;
	attempt_no: number;
	status: Generated<AttemptStatus>;
	started_at: number;
	deadline_at: number;
	submitted_at: number | null;
	duration_ms: number | null;
	score: number | null;
	correct_count: number | null;
	total: number;
	prediction: number | null;
	disqualified_at: number | null;
	/** Expected score of the form drawn, thousandths of a point of 10; null before 0016. */
	expected_score: Generated<number | null>;
	disqualify_reason: string | null;
}

export interface AttemptQuestionsTable {
	attempt_id: number;
	position: number;
	question_id: number;
	question_version_id: number;
	option_order_json: string;
	/** 1/0 once the attempt is scored, null while open (0004). */
	correct: Generated<number | null>;
}

export interface AttemptAnswersTable {
	attempt_id: number;
	question_id: number;
	option_ids_json: string;
	saved_at: number;
	/** When the answer was first saved; null on rows saved before 0008. */
	first_saved_at: Generated<number | null>;
	/** How many times the choice was changed after the first save; null on rows saved before 0008. */
	changes: Generated<number | null>;
}

/** A logged-in person's practice answer (0014): never read by rankings, reports or item analysis. */
export interface PracticeAnswersTable {
	id: Generated<number>;
	user_id: number;
	question_id: number;
	question_version_id: number;
	option_ids_json: string;
	correct: number;
	draw_nonce: string;
	answered_at: number;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: number;
	actor_user_id: number | null;
	action: string;
	entity: string;
	entity_id: string | null;
	details_json: Generated<string>;
}

export type AccessEventKind = 'register' | 'login' | 'attempt_start';
/** Where an account was created or used from: keyed hashes only, never a device id or IP in clear. */
export interface AccessEventsTable {
	id: Generated<number>;
	at: number;
	kind: AccessEventKind;
	user_id: number;
	round_id: number | null;
	attempt_id: number | null;
	device_hash: string | null;
	ip_hash: string | null;
}

export type DuplicateDecision = 'dismissed' | 'merged';
export interface DuplicateReviewsTable {
	user_low: number;
	user_high: number;
	decision: DuplicateDecision;
	kept_user_id: number | null;
	decided_by: number | null;
	decided_at: number;
	note: Generated<string>;
}

export interface RoundBestTable {
	round_id: number;
	user_id: number;
	attempt_id: number;
	score: number;
	total: number;
	duration_ms: number;
	submitted_at: number;
	prediction: number | null;
	attempts: Generated<number>;
}

export type DeletionStatus = 'pending' | 'confirmed' | 'rejected';
export interface DeletionRequestsTable {
	id: Generated<number>;
	user_id: number;
	requested_at: number;
	reason: Generated<string>;
	status: Generated<DeletionStatus>;
	decided_by: number | null;
	decided_at: number | null;
	note: Generated<string>;
}

/** Shared state of the server processes (migration 0007): limits, back-off, pending uploads, cache events, leases. */
export interface RateBucketsTable {
	bucket: string;
	key: string;
	tokens: number;
	refilled_at: number;
}

export interface BackoffLocksTable {
	name: string;
	key: string;
	failures: number;
	last_fail_at: number;
	locked_until: number;
}

export interface PendingImportsTable {
	token: string;
	user_id: number;
	file_name: string;
	payload: string;
	expires_at: number;
}

/** An item-writing warning the author accepted for one version of a question (migration 0015). */
export interface QuestionCheckAcceptancesTable {
	question_id: number;
	check_code: string;
	version_id: number;
	accepted_by: number | null;
	accepted_at: number;
}

/** A validated unit sheet waiting for its uploader's confirm (0012, units/pending.ts). */
export interface PendingUnitImportsTable {
	token: string;
	user_id: number;
	file_name: string;
	payload: string;
	expires_at: number;
}

/** The plan's target audiences (0012): hidden, never deleted, once in use. */
export interface ParticipantGroupsTable {
	id: Generated<number>;
	name: string;
	position: Generated<number>;
	hidden: Generated<number>;
	created_at: number;
}

/** Organiser settings by key, JSON values (0012). */
export interface SettingsTable {
	key: string;
	value: string;
	updated_at: number;
}

export interface CacheEventsTable {
	id: Generated<number>;
	topic: string;
	detail: string;
	origin: number;
	at: number;
}

export type PasswordResetKind = 'code' | 'link';
/** One-time password resets: an officer's code or an emailed link; only the secret's SHA-256 (0011). */
export interface PasswordResetsTable {
	id: Generated<number>;
	user_id: number;
	kind: PasswordResetKind;
	secret_hash: string;
	issued_by: number | null;
	created_at: number;
	expires_at: number;
	used_at: number | null;
}

export interface LeasesTable {
	name: string;
	holder: string;
	expires_at: number;
}

/** Prizes and certificates (migration 0013): see migrations/0013_prizes.ts. */
export interface PrizePlansTable {
	scope_key: string;
	contest_id: number;
	round_id: number | null;
	tiers_json: string;
	participation_certificates: Generated<number>;
	updated_by: number | null;
	updated_at: number;
}

export type PrizeListStatus = 'draft' | 'frozen';
export interface PrizeListsTable {
	id: Generated<number>;
	scope_key: string;
	contest_id: number;
	round_id: number | null;
	status: Generated<PrizeListStatus>;
	actual: number | null;
	proposed_by: number | null;
	proposed_at: number;
	frozen_by: Generated<number | null>;
	frozen_at: Generated<number | null>;
	frozen_hash: Generated<string | null>;
	current_hash: Generated<string | null>;
	published_at: Generated<number | null>;
}

export type PrizeCategory = 'person' | 'participants' | 'rate';
export type PrizeEntryStatus = 'proposed' | 'review' | 'confirmed' | 'disqualified' | 'substituted' | 'revoked';
export interface PrizeEntriesTable {
	id: Generated<number>;
	list_id: number;
	position: number;
	category: PrizeCategory;
	tier: number;
	tier_name: string;
	user_id: number | null;
	unit_id: number | null;
	rank: number;
	score: number | null;
	total: number | null;
	duration_ms: number | null;
	submitted_at: number | null;
	prediction: number | null;
	distance: number | null;
	participants: number | null;
	target: number | null;
	status: PrizeEntryStatus;
	review_json: string | null;
	decision_reason: string | null;
	decided_by: number | null;
	decided_at: number | null;
	replaces_entry_id: number | null;
	created_at: number;
}

export type PrizeAmendmentKind = 'revoke' | 'substitute';
export interface PrizeAmendmentsTable {
	id: Generated<number>;
	list_id: number;
	entry_id: number | null;
	kind: PrizeAmendmentKind;
	reason: string;
	hash_after: string;
	details_json: Generated<string>;
	actor_user_id: number | null;
	at: number;
}

export type CertificateKind = 'prize' | 'participation';
export interface CertificatesTable {
	code: string;
	kind: CertificateKind;
	scope_key: string;
	contest_id: number;
	round_id: number | null;
	entry_id: number | null;
	subject_key: string;
	user_id: number | null;
	unit_id: number | null;
	issued_at: number;
	revoked_at: number | null;
	revoke_reason: string | null;
}

export type LiveStatus = 'draft' | 'lobby' | 'running' | 'finished';
export type LivePhase = 'lobby' | 'question' | 'reveal' | 'scoreboard' | 'judging' | 'podium';
export type LiveDisplayMode = 'projector' | 'no_projector';
export type LiveTeamMode = 'none' | 'unit' | 'custom';
export type LiveTeamScoring = 'average' | 'sum';
/** A live hội thi (0017): its whole state, so any process can serve it and a restart resumes it. */
export interface LiveGamesTable {
	id: Generated<number>;
	code: string;
	title: string;
	owner_id: number;
	unit_id: number | null;
	status: Generated<LiveStatus>;
	phase: Generated<LivePhase>;
	position: Generated<number>;
	opened_at: number | null;
	closes_at: number | null;
	paused_remaining_ms: number | null;
	locked: Generated<number>;
	version: Generated<number>;
	display_mode: Generated<LiveDisplayMode>;
	seconds_per_question: Generated<number>;
	speed_bonus: Generated<number>;
	team_mode: Generated<LiveTeamMode>;
	team_scoring: Generated<LiveTeamScoring>;
	quiz_weight: Generated<number>;
	judged_weight: Generated<number>;
	elimination_after: number | null;
	elimination_keep: number | null;
	revive_position: number | null;
	current_part_id: number | null;
	created_at: number;
	updated_at: number;
	started_at: number | null;
	finished_at: number | null;
}

export interface LiveGameQuestionsTable {
	game_id: number;
	position: number;
	question_id: number;
	question_version_id: number;
	option_order_json: string;
	opened_at: number | null;
	closed_at: number | null;
}

export interface LiveTeamsTable {
	id: Generated<number>;
	game_id: number;
	name: string;
	unit_id: number | null;
	created_at: number;
}

export interface LivePlayersTable {
	id: Generated<number>;
	game_id: number;
	display_name: string;
	unit_id: number | null;
	team_id: number | null;
	/** Free text: chi hội, class… as the player typed it. */
	affiliation: string | null;
	user_id: number | null;
	device_hash: string;
	removed_at: number | null;
	eliminated_at_position: number | null;
	joined_at: number;
}

export interface LiveAnswersTable {
	game_id: number;
	player_id: number;
	position: number;
	option_ids_json: string;
	correct: number;
	points: number;
	elapsed_ms: number;
	request_id: string;
	received_at: number;
}

export type LivePartStatus = 'pending' | 'open' | 'closed';
export interface LivePartsTable {
	id: Generated<number>;
	game_id: number;
	title: string;
	scale_max: Generated<number>;
	status: Generated<LivePartStatus>;
	sort_order: Generated<number>;
}

export interface LiveJudgesTable {
	id: Generated<number>;
	game_id: number;
	name: string;
	token_hash: string;
	device_hash: string | null;
	created_at: number;
}

export interface LiveJudgeScoresTable {
	part_id: number;
	judge_id: number;
	team_id: number;
	score_tenths: number;
	updated_at: number;
}

export interface Database {
	units: UnitsTable;
	users: UsersTable;
	sessions: SessionsTable;
	contests: ContestsTable;
	rounds: RoundsTable;
	round_quotas: RoundQuotasTable;
	topics: TopicsTable;
	questions: QuestionsTable;
	question_versions: QuestionVersionsTable;
	attempts: AttemptsTable;
	attempt_questions: AttemptQuestionsTable;
	attempt_answers: AttemptAnswersTable;
	audit_log: AuditLogTable;
	round_best: RoundBestTable;
	access_events: AccessEventsTable;
	duplicate_reviews: DuplicateReviewsTable;
	deletion_requests: DeletionRequestsTable;
	rate_buckets: RateBucketsTable;
	backoff_locks: BackoffLocksTable;
	pending_imports: PendingImportsTable;
	question_check_acceptances: QuestionCheckAcceptancesTable;
	pending_unit_imports: PendingUnitImportsTable;
	participant_groups: ParticipantGroupsTable;
	settings: SettingsTable;
	cache_events: CacheEventsTable;
	leases: LeasesTable;
	practice_answers: PracticeAnswersTable;
	password_resets: PasswordResetsTable;
	prize_plans: PrizePlansTable;
	prize_lists: PrizeListsTable;
	prize_entries: PrizeEntriesTable;
	prize_amendments: PrizeAmendmentsTable;
	certificates: CertificatesTable;
	live_games: LiveGamesTable;
	live_game_questions: LiveGameQuestionsTable;
	live_teams: LiveTeamsTable;
	live_players: LivePlayersTable;
	live_answers: LiveAnswersTable;
	live_parts: LivePartsTable;
	live_judges: LiveJudgesTable;
	live_judge_scores: LiveJudgeScoresTable;
}

export type NewUser = Insertable<UsersTable>;
export type RoundRow = Selectable<RoundsTable>;
export type AttemptRow = Selectable<AttemptsTable>;
