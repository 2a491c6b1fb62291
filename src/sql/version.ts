/** The package version written in the first comment line of every generated statement (a test keeps it in step). */
export const PACKAGE_VERSION = "0.1.0";
