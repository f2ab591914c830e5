// The processes module's face: what other modules may import from it.
export type { ProcessCopyInput, ProcessSectionInput } from './processes.slots.js';
