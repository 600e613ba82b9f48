import { ROTOR_PACKAGE_VERSION } from '../datasets/index.ts';

/** rotor's own version: part of every run key, so a result is never reused across engine versions. */
export const ROTOR_VERSION: string = ROTOR_PACKAGE_VERSION;
