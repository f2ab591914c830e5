import { meetingPath } from '../meetings/index.js';
import { periodPath } from '../comments/index.js';
import { callPath } from '../consensus/index.js';
import { recommendationPath } from '../recommendations/index.js';

/**
 * Where the records behind each figure live, without the language prefix. Every address is
 * another feature's public page; the report links to them and owns only its own.
 */
export const reportPaths = {
  /** The report's own pages: the page, printable page, PDF and JSON. */
  report: (slug: string, suffix: '' | '/print' | '.pdf' | '.json' = '') => `/processes/${slug}/report${suffix}`,
  process: (slug: string) => `/processes/${slug}`,
  participants: (slug: string, stakeholderKey?: string) =>
    `/processes/${slug}/participants${stakeholderKey ? `?stakeholderGroup=${encodeURIComponent(stakeholderKey)}` : ''}`,
  organisations: (slug: string) => `/processes/${slug}/organisations`,
  meetings: (slug: string) => `/processes/${slug}/meetings`,
  meeting: meetingPath,
  call: (slug: string, callId: string) => `/processes/${slug}/calls/${callId}`,
  submission: (slug: string, callId: string, submissionId: string) => `/processes/${slug}/calls/${callId}/submissions/${submissionId}`,
  period: periodPath,
  periodReport: (slug: string, periodId: string) => `${periodPath(slug, periodId)}/report`,
  consensusCall: (slug: string, callId: string) => callPath(slug, callId),
  recommendations: (slug: string) => recommendationPath(slug),
  recommendation: (slug: string, number: string) => recommendationPath(slug, number),
  tracker: (slug: string, number?: string) => `/processes/${slug}/tracker${number === undefined ? '' : `#rec-${encodeURIComponent(number)}`}`,
};
