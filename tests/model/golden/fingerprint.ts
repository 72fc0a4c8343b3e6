import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_SCENARIOS, hashData } from '../../../shared/index.js';

export const GOLDEN_DIR = path.dirname(new URL(import.meta.url).pathname);
export const VERSION_FILE = path.join(GOLDEN_DIR, 'model-version.json');
export const SCRIPTED_FILE = path.join(GOLDEN_DIR, 'scripted-orders.json');

/** The model version the golden files were recorded under, and their fingerprint then. */
export type RecordedVersion = { version: number; fingerprint: string };

/** One hash of every golden file: the bots' orders, the scripted orders, the positions they lead to, and the outcome seeds. */
export function goldenFingerprint(): string {
  const files = [...BUILTIN_SCENARIOS.map((s) => `${s.id}.json`), path.basename(SCRIPTED_FILE), 'outcome-seeds.json'];
  return hashData(files.map((f) => JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, f), 'utf8')) as unknown));
}

export function recordedVersion(): RecordedVersion {
  return JSON.parse(fs.readFileSync(VERSION_FILE, 'utf8')) as RecordedVersion;
}
