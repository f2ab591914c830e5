/**
 * The mail module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { smtpTransport, startMailDelivery } from './mail.delivery.js';
export { mailRepository } from './mail.repository.js';
export { queueMail } from './mail.service.js';
export type { MailKind } from './mail.service.js';
