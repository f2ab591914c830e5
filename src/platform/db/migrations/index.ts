import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_convene.js';
import * as m0003 from './0003_meetings.js';
import * as m0004 from './0004_calls.js';
import * as m0005 from './0005_follows.js';
import * as m0006 from './0006_documents.js';
import * as m0007 from './0007_comments.js';
import * as m0008 from './0008_search.js';
import * as m0009 from './0009_mail_lease.js';
import * as m0010 from './0010_responses_and_search.js';
import * as m0011 from './0011_consensus.js';
import * as m0012 from './0012_recommendations.js';
import * as m0013 from './0013_accountability.js';
import * as m0014 from './0014_hidden_comment_counts.js';
import * as m0015 from './0015_signing_keys.js';
import * as m0016 from './0016_audit_chains.js';
import * as m0017 from './0017_installation_roles.js';

/**
 * Every migration, in order. Listed by hand rather than read from the folder so that the
 * set is the same under tsx, vitest and a compiled build.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_convene': m0002,
  '0003_meetings': m0003,
  '0004_calls': m0004,
  '0005_follows': m0005,
  '0006_documents': m0006,
  '0007_comments': m0007,
  '0008_search': m0008,
  '0009_mail_lease': m0009,
  '0010_responses_and_search': m0010,
  '0011_consensus': m0011,
  '0012_recommendations': m0012,
  '0013_accountability': m0013,
  '0014_hidden_comment_counts': m0014,
  '0015_signing_keys': m0015,
  '0016_audit_chains': m0016,
  '0017_installation_roles': m0017,
};
