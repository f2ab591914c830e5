import type { TestProject } from 'vitest/node';
import { dropDatabase, dropStaleDatabases, pgliteDemoImage, postgresTemplate } from '../helpers/images.js';

/**
 * vitest globalSetup of the e2e project: the demo, seeded once per run, which every browser
 * file starts from a copy of (see test/helpers/images.ts). PGlite: a cached dump keyed by
 * the sources and the day. PostgreSQL: a template database built for this run.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const started = performance.now();
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('demoImage', await pgliteDemoImage());
    console.log(`demo PGlite image ready in ${Math.round(performance.now() - started)} ms`);
    return undefined;
  }
  await dropStaleDatabases(url);
  const migrated = await postgresTemplate(url);
  let demo;
  try {
    demo = await postgresTemplate(url, { from: migrated, demo: true });
  } finally {
    await dropDatabase(url, migrated.template);
  }
  project.provide('demoImage', demo);
  console.log(`demo PostgreSQL template ${demo.template} ready in ${Math.round(performance.now() - started)} ms`);
  return () => dropDatabase(url, demo.template);
}
