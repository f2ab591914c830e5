/**
 * Places where one module's page or workflow takes contributions from others, without
 * importing them. The module that owns the place declares it by augmenting these interfaces
 * (as tables augment DB):
 *
 *   declare module '../../platform/modules/slots.js' {
 *     interface SectionSlots { 'process.page': (ctx: PageCtx, subject: ProcessSectionSubject) => Promise<VNode | null> }
 *   }
 *
 * and contributing modules list `{ slot: 'process.page', order, render }` in their manifest.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface SectionSlots {}

/** Workflow hooks, declared like sections: `interface HookPoints { 'process.copied': (…) => Promise<void> }`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface HookPoints {}
