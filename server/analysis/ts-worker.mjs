// Worker threads in Node 20 ignore --import, so a TypeScript worker is loaded through tsx's API.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
