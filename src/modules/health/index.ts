/**
 * The health module's face. It exports nothing: no other module uses it; the composition
 * (src/app/modules.ts) reaches it through its manifest.
 */
export {};
