/**
 * The campaigns module's face: campaign detection over comment texts (pure computation), and
 * the stored campaigns of a period (detected by the `campaigns.detect` job). The bench and the
 * CLI call these; the signature functions and their stored seeds are exported for callers
 * that keep signatures between runs.
 */
export { detectCampaigns, type Campaign, type CampaignKind, type DetectOptions, type Detection, type PersonalisedMember } from './campaigns.detect.js';
export { MINHASH_SEEDS, NEAR_THRESHOLD, SIGNATURE_LENGTH, signature } from './campaigns.minhash.js';
export { detectAndList, detectPeriodCampaigns, requestDetection } from './campaigns.service.js';
