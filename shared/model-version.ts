/**
 * The version of the model's rules and bots. Raise it with any change that alters what a match plays
 * out to; the golden replays' fingerprint (tests/model/golden/model-version.json) is checked against it,
 * so a changed result with the same version fails the tests. Match records carry it, and a stored match
 * remembers the version it began under, so a server that resumes it under another can say so.
 */
export const MODEL_VERSION = 4;
