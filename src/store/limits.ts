// Sizes the store accepts, shared by what the user writes and what a pack may bring, so that everything the
// store holds can be exported and imported again.
export const MAX_NOTE_CHARS = 20_000;
export const MAX_TAGS = 50;
export const MAX_TAG_CHARS = 100;
export const MAX_CONTEXT_CHARS = 1_000;
