import { SchemaSerializer } from '@colyseus/core';

/**
 * @colyseus/core 0.16 (colyseus/colyseus#917): with no client connected, a patch tick discards the state's
 * changes but keeps the cached full state, so the next client to join or reconnect is sent the state as it
 * was when the cache was made. Here that showed as a seat still "held" by a player who had left. Mark the
 * cache stale whenever changes are discarded unsent.
 */
type Patchable = { applyPatches(clients: unknown[]): boolean; needFullEncode: boolean; encoder: { hasChanges: boolean } };
const proto = SchemaSerializer.prototype as unknown as Patchable;
const original = proto.applyPatches;

proto.applyPatches = function (this: Patchable, clients: unknown[]): boolean {
  if (clients.length === 0 && this.encoder.hasChanges) this.needFullEncode = true;
  return original.call(this, clients);
};
