/** The package version, kept in one place. */
export const VERSION = '0.1.0';
