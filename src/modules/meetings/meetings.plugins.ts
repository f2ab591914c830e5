import type { FastifyPluginAsync } from 'fastify';
import { meetingsApi } from './meetings.routes.js';
import { registrationsApi } from './registrations.routes.js';
import { calendarApi } from './calendar.routes.js';
import { meetingsPages } from './meetings.pages.js';
import { meetingManagePages } from './meeting-manage.pages.js';

/** Every meetings API route: meetings, registration and attendance, calendars (app.ts mounts it at /api/v1). */
export const meetingsApiPlugin: FastifyPluginAsync = async (app) => {
  await app.register(meetingsApi);
  await app.register(registrationsApi);
  await app.register(calendarApi);
};

/** Every meetings page, for one language prefix. */
export const meetingsPagesPlugin: FastifyPluginAsync = async (app) => {
  await app.register(meetingsPages);
  await app.register(meetingManagePages);
};
