/**
 * Mail files in and out of the emulated mailbox: mbox files and folders of .eml read with
 * one rule for a message's delivery time (delivery-time.ts), and the outbox written back
 * as .eml files.
 */
export { deliveryTime, mboxLineTime, parseMailDate } from './delivery-time';
export { formatMbox, splitMbox, NotAnMbox, type MboxMessage } from './mbox';
export { loadMailFiles, readMailFiles, MailFileError, type MailFile, type DeliveryTarget } from './read';
export { writeOutbox } from './outbox';
