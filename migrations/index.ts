import type { Migration } from 'kysely';
import * as m0001 from './0001_init';
import * as m0002 from './0002_question_bank';
import * as m0003 from './0003_fairness';
import * as m0004 from './0004_dashboards';
import * as m0005 from './0005_privacy';
import * as m0006 from './0006_round_best';
import * as m0007 from './0007_shared_state';
import * as m0008 from './0008_answer_rhythm';
import * as m0009 from './0009_round_prizes';
import * as m0010 from './0010_question_fit';
import * as m0011 from './0011_staff_accounts';
import * as m0012 from './0012_season_units';
import * as m0013 from './0013_prizes';
import * as m0014 from './0014_practice';
import * as m0015 from './0015_item_checks';
import * as m0016 from './0016_equal_forms';
import * as m0017 from './0017_live';

/**
 * Every numbered migration, by name. Listed statically (not discovered with readdir) so the
 * same list works in the built server, vitest and tsx scripts; a unit test checks that every
 * file in this folder is listed here.
 */
export const migrations: Record<string, Migration> = {
	'0001_init': m0001,
	'0002_question_bank': m0002,
	'0003_fairness': m0003,
	'0004_dashboards': m0004,
	'0005_privacy': m0005,
	'0006_round_best': m0006,
	'0007_shared_state': m0007,
	'0008_answer_rhythm': m0008,
	'0009_round_prizes': m0009,
	'0010_question_fit': m0010,
	'0011_staff_accounts': m0011,
	'0012_season_units': m0012,
	'0013_prizes': m0013,
	'0014_practice': m0014,
	'0015_item_checks': m0015,
	'0016_equal_forms': m0016,
	'0017_live': m0017
};
