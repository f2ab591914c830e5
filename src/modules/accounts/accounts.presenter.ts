import type { User } from '../../platform/db/schema.js';
import type { UserOut } from './accounts.schema.js';

/** The API's view of a user: never the password hash, never internal timestamps. */
export function presentUser(user: User, roles: { role: string; process_id: string | null }[]): UserOut {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    preferredLang: user.preferred_lang,
    emailConfirmed: user.email_confirmed_at !== null,
    roles: roles.map((r) => ({ role: r.role, processId: r.process_id })),
  };
}
