import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { accountsRepository } from '../accounts/accounts.repository.js';
import { createUser } from '../accounts/accounts.service.js';

/** The demo sign-ins printed at start; the passwords are public by design (evaluation only). */
export const DEMO_ACCOUNTS = [
  { email: 'admin@concord.example', name: 'Alex Administrator', password: 'demo-passphrase-concord', admin: true, lang: 'en' as const },
  { email: 'membre@concord.example', name: 'Camille Tremblay', password: 'demo-phrase-de-passe-concord', admin: false, lang: 'fr' as const },
];

/** True when nothing has been created yet, the moment `npm start` loads the demo. */
export async function databaseIsEmpty(db: Kysely<DB>): Promise<boolean> {
  return (await accountsRepository.count(db)) === 0;
}

/**
 * Load the demo: today its people; the convene, drafts and consensus features add the model
 * process itself. Idempotent: accounts that exist are left alone.
 */
export async function seedDemo(db: Kysely<DB>): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    if (await accountsRepository.findByEmail(db, a.email)) continue;
    await createUser(db, { ...a, actorId: null });
    created.push(a.email);
  }
  return { created };
}
