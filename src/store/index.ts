// The provenance store's public face, for the background, the options page and the lesson pages.
export * from './db';
export * from './fields';
export * from './seed';
export * from './notes';
export * from './view';
export * from './pack';
export * from './catalog';
