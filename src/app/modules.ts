import type { ModuleManifest } from '../platform/modules/define.js';
import { installModules } from '../platform/modules/registry.js';
import health from '../modules/health/module.js';
import apiDocs from '../modules/api-docs/module.js';
import home from '../modules/home/module.js';
import accounts from '../modules/accounts/module.js';
import mail from '../modules/mail/module.js';
import settings from '../modules/settings/module.js';
import files from '../modules/files/module.js';
import processes from '../modules/processes/module.js';
import participants from '../modules/participants/module.js';
import groups from '../modules/groups/module.js';
import meetings from '../modules/meetings/module.js';
import calls from '../modules/calls/module.js';
import documents from '../modules/documents/module.js';
import follows from '../modules/follows/module.js';
import search from '../modules/search/module.js';
import comments from '../modules/comments/module.js';
import campaigns from '../modules/campaigns/module.js';
import consensus from '../modules/consensus/module.js';
import accountability from '../modules/accountability/module.js';
import recommendations from '../modules/recommendations/module.js';
import processReport from '../modules/process-report/module.js';
import audit from '../modules/audit/module.js';

/**
 * Every module of the installation, in the order their plugins register. This is the one
 * list a new module is added to: the app, the worker, the migrator, search reindexing and
 * the pages that take sections all loop over it.
 */
export const MODULES: readonly ModuleManifest[] = [
  health,
  apiDocs,
  home,
  accounts,
  mail,
  settings,
  files,
  processes,
  participants,
  groups,
  meetings,
  calls,
  documents,
  follows,
  search,
  comments,
  campaigns,
  consensus,
  accountability,
  recommendations,
  processReport,
  audit,
];

// Installed on import, so whatever imports the list (app, worker, CLI, tests) has the modules
// in the registry that the migrator and the pages read.
installModules(MODULES);
