import { MatchController } from './match-controller.js';
import type { Entry } from './match-log.js';
import { matchConfig, storedMatch } from './options.js';
import type { StoredMatch } from './store/match-store.js';

/** `modelVersion`: the model the match began under (undefined: stored before versions were kept). */
export type Rebuilt = { ctrl: MatchController; facilitatorKey: string | null; isPrivate: boolean; lastSeq: number; modelVersion: number | undefined };

/** Rebuild a stored match by replaying its log through the controller (and so through the deterministic model). */
export function rebuildMatch(stored: StoredMatch): Rebuilt {
  const { create, scenario, facilitatorKey, modelVersion } = storedMatch(stored.meta);
  const ctrl = new MatchController(matchConfig(create, scenario, stored.meta.code, stored.meta.seed), scenario);
  let lastSeq = 0;
  for (const e of stored.log) {
    lastSeq = e.seq;
    try {
      ctrl.apply(e.payload as Entry, e.seq, e.at);
    } catch (err) {
      // One bad entry (say, from an older model) must not make the whole match unrecoverable.
      console.error(`match ${stored.meta.code}: entry ${e.seq} (${e.kind}) could not be replayed`, err);
    }
  }
  return { ctrl, facilitatorKey, isPrivate: create.isPrivate, lastSeq, modelVersion };
}
