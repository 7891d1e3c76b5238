/** Shown in About and in the bundle's first line; keep in step with package.json. */
export const VERSION = '0.1.0';
