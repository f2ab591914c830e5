/**
 * The campaigns module's face: campaign detection over comment texts (pure computation, no
 * database). The bulk import and the jobs call `detectCampaigns`; the signature functions and
 * their stored seeds are exported for callers that keep signatures between runs.
 */
export { detectCampaigns, type Campaign, type CampaignKind, type DetectOptions, type Detection, type PersonalisedMember } from './campaigns.detect.js';
export { MINHASH_SEEDS, NEAR_THRESHOLD, SIGNATURE_LENGTH, signature } from './campaigns.minhash.js';
