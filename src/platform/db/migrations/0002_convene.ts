import { type Kysely, sql } from 'kysely';

/**
 * Processes and who takes part: phases, stakeholder groups with target shares,
 * organisations, process members, invitations, working groups with their members and
 * announcements. Role assignments gain a working-group scope (chairs chair one group).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable('processes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary_fr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_fr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('registration', 'text', (c) => c.notNull().defaultTo('open').check(sql`registration in ('open', 'invitation')`))
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('America/Toronto'))
    .addColumn('template_source_id', 'uuid', (c) => c.references('processes.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('process_phases')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addUniqueConstraint('process_phases_position', ['process_id', 'position'])
    .addCheckConstraint('process_phases_dates', sql`ends_on >= starts_on`)
    .execute();

  await db.schema
    .createTable('stakeholder_groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('target_share', 'numeric(5, 4)', (c) => c.check(sql`target_share is null or (target_share >= 0 and target_share <= 1)`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('stakeholder_groups_key', ['process_id', 'key'])
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('CA'))
    .addColumn('province', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create unique index organisations_name on organisations (lower(name))`.execute(db);
  await sql`create index organisations_name_trgm on organisations using gin (lower(name) gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('process_members')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('stakeholder_group_id', 'uuid', (c) => c.notNull().references('stakeholder_groups.id'))
    .addColumn('preferred_lang', 'text', (c) => c.notNull().check(sql`preferred_lang in ('en', 'fr')`))
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('process_members_once', ['process_id', 'user_id'])
    .execute();
  await db.schema.createIndex('process_members_group').on('process_members').columns(['process_id', 'stakeholder_group_id']).execute();
  await db.schema.createIndex('process_members_org').on('process_members').column('organisation_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('working_groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('charter_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('charter_fr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('forming', 'active', 'concluded')`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('working_groups_slug', ['process_id', 'slug'])
    .execute();

  await db.schema
    .createTable('working_group_members')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('group_id', 'uuid', (c) => c.notNull().references('working_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('working_group_members_once', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('working_group_members_user').on('working_group_members').column('user_id').execute();

  await db.schema
    .createTable('announcements')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('group_id', 'uuid', (c) => c.notNull().references('working_groups.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('announcements_group').on('announcements').columns(['group_id', 'id']).execute();

  // Chairs chair one working group: role assignments gain a group scope.
  await db.schema.alterTable('role_assignments').addColumn('group_id', 'uuid', (c) => c.references('working_groups.id').onDelete('cascade')).execute();
  await sql`alter table role_assignments drop constraint role_assignments_scope`.execute(db);
  await sql`alter table role_assignments add constraint role_assignments_scope check (
    (role = 'admin' and process_id is null and group_id is null)
    or (role = 'chair' and process_id is not null and group_id is not null)
    or (role not in ('admin', 'chair') and process_id is not null and group_id is null))`.execute(db);
  await sql`drop index role_assignments_unique`.execute(db);
  await sql`create unique index role_assignments_unique on role_assignments (user_id, role,
    coalesce(process_id, '00000000-0000-0000-0000-000000000000'::uuid),
    coalesce(group_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db);
  await db.schema.createIndex('role_assignments_process').on('role_assignments').columns(['process_id', 'role']).execute();
  await sql`alter table role_assignments add constraint role_assignments_process_fk foreign key (process_id) references processes(id) on delete cascade`.execute(db);
}

/** Drop the convene tables and the group scope on roles. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table role_assignments drop constraint if exists role_assignments_process_fk`.execute(db);
  await sql`delete from role_assignments where role = 'chair' or process_id is not null`.execute(db);
  await sql`alter table role_assignments drop column group_id`.execute(db);
  for (const t of ['announcements', 'working_group_members', 'working_groups', 'invitations', 'process_members', 'organisations', 'stakeholder_groups', 'process_phases', 'processes']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
