import type { ModuleManifest } from './define.js';
import type { HookPoints, SectionSlots } from './slots.js';

/**
 * The modules of this installation, as the composition installed them. The frame reads
 * contributions from here so that it, and the modules that own a slot, import no module.
 */
let installed: readonly ModuleManifest[] = [];

/** Called by the composition (app, worker, CLI) before anything runs; idempotent. */
export function installModules(modules: readonly ModuleManifest[]): void {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`Module ${m.name} is listed twice`);
    names.add(m.name);
  }
  installed = modules;
}

/** The installed modules, in their order. */
export function installedModules(): readonly ModuleManifest[] {
  if (!installed.length) throw new Error('No module installed: the composition (src/app/modules.ts) must call installModules first');
  return installed;
}

/** The renderers other modules contribute to a page section slot, in order. */
export function sectionsFor<S extends keyof SectionSlots>(slot: S): SectionSlots[S][] {
  return installedModules()
    .flatMap((m) => m.sections ?? [])
    .filter((s) => s.slot === slot)
    .sort((a, b) => a.order - b.order)
    .map((s) => s.render as SectionSlots[S]);
}

/** The functions other modules lend to a workflow hook, in module order. */
export function hooksFor<H extends keyof HookPoints>(hook: H): HookPoints[H][] {
  return installedModules()
    .flatMap((m) => m.hooks ?? [])
    .filter((h) => h.hook === hook)
    .map((h) => h.run as HookPoints[H]);
}
