import type { TestProject } from 'vitest/node';
import { dropDatabase, dropStaleDatabases, pgliteMigratedImage, postgresTemplate } from '../helpers/images.js';

/**
 * vitest globalSetup of the http project: the migrated image every file starts from (see
 * test/helpers/images.ts). PGlite: a cached dump keyed by the migrations. PostgreSQL: a
 * template database built for this run and dropped after it.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const started = performance.now();
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('migratedImage', await pgliteMigratedImage());
    console.log(`migrated PGlite image ready in ${Math.round(performance.now() - started)} ms`);
    return undefined;
  }
  await dropStaleDatabases(url);
  const image = await postgresTemplate(url);
  project.provide('migratedImage', image);
  console.log(`migrated PostgreSQL template ${image.template} ready in ${Math.round(performance.now() - started)} ms`);
  return () => dropDatabase(url, image.template);
}
