/** Another run holds the workbook for longer than `--wait`: exit 75 (EX_TEMPFAIL), try again later. */
export class BusyError extends Error {}
