import type { DemoSeeder } from '../../platform/demo/seeders.js';
import type { Process, StakeholderGroup } from './processes.repository.js';
import { createProcess, getProcess, saveStakeholderGroups } from './processes.service.js';
import { dayOf, daysAfter, frenchTypography } from '../../platform/demo/kit.js';
import { LIVE_PHASES, LIVE_PROCESS_TEXT, PHASES, PROCESS_TEXT, TARGET_SHARES } from './processes.demo.texts.js';

declare module '../../platform/demo/seeders.js' {
  interface DemoRecords {
    /** The model process, "Enhancing IoT Security" (2018–2019). */
    process: Process;
    /** Its six stakeholder groups (government, civil_society, technical, academia, private_sector, other). */
    stakeholderGroups: StakeholderGroup[];
    /** The live process, "Security labels for connected devices", dated from the day the demo is loaded. */
    liveProcess: Process;
    /** Its stakeholder groups (the same six keys). */
    liveStakeholderGroups: StakeholderGroup[];
  }
}

/** A process's French texts with French spacing (the texts write ordinary spaces). */
function frenchTexts(p: { titleFr: string; summaryFr: string; descriptionFr: string }) {
  return { titleFr: frenchTypography(p.titleFr), summaryFr: frenchTypography(p.summaryFr), descriptionFr: frenchTypography(p.descriptionFr) };
}

/**
 * The demo's model process: its texts, six phases, and the stakeholder groups with the share
 * of members each should have. Its presence is what says the demo is loaded. Then the live
 * process, whose phases are counted from the day the demo is loaded (public comment now).
 */
export const processesDemo: DemoSeeder = {
  loaded: async (db) =>
    getProcess(db, PROCESS_TEXT.slug).then(
      () => true,
      () => false,
    ),
  async seed(ctx) {
    const { db, admin } = ctx;
    ctx.storyAt(new Date(`${PHASES[0].startsOn}T09:00:00-04:00`));
    const process = await createProcess(db, admin, { ...PROCESS_TEXT, ...frenchTexts(PROCESS_TEXT), registration: 'open', timezone: 'America/Toronto', phases: [...PHASES] });
    const detail = await getProcess(db, process.slug);
    await saveStakeholderGroups(
      db,
      admin,
      process.id,
      detail.stakeholderGroups.map((g) => ({ id: g.id, nameEn: g.name_en, nameFr: g.name_fr, targetShare: TARGET_SHARES[g.key] ?? null })),
    );
    ctx.put('process', process);
    ctx.put('stakeholderGroups', (await getProcess(db, process.slug)).stakeholderGroups);

    const phases = LIVE_PHASES.map(({ from, to, ...p }) => ({ ...p, startsOn: dayOf(daysAfter(ctx.now, from)), endsOn: dayOf(daysAfter(ctx.now, to)) }));
    ctx.storyAt(daysAfter(ctx.now, LIVE_PHASES[0].from));
    const live = await createProcess(db, admin, { ...LIVE_PROCESS_TEXT, ...frenchTexts(LIVE_PROCESS_TEXT), registration: 'open', timezone: 'America/Toronto', phases });
    ctx.put('liveProcess', live);
    ctx.put('liveStakeholderGroups', (await getProcess(db, live.slug)).stakeholderGroups);
  },
};
