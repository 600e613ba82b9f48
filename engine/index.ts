export * from './types.ts';
export { RotorError, LookAheadError } from './errors.ts';
export { DEFAULT_SETTINGS, resolveSettings } from './settings.ts';
export * from './market/index.ts';
export * from './macro/index.ts';
export * from './strategy/index.ts';
export * from './broker/index.ts';
export * from './replay/index.ts';
export * from './rules/index.ts';
