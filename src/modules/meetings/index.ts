/**
 * The meetings module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { meetingPath } from './links.js';
export { meetingsCalendar } from './meetings.ical.js';
export { presentMeetingSummary } from './meetings.presenter.js';
export { MeetingBody } from './meetings.schema.js';
export { allMeetings, countsOf, listMeetings, saveAgenda, saveMinutes, saveRecordings, scheduleMeeting } from './meetings.service.js';
export { attendanceByMeeting, setAttendance } from './registrations.service.js';
export { groupMeetingsModel } from './meetings.page-presenter.js';
export { GroupMeetingsSection } from './views/meeting-list.view.js';
