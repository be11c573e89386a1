// Runs the pool's worker from TypeScript sources (tests, `tsx`): registers tsx, then loads the worker.
// The built package starts dist/pipeline/pool-worker.js directly and never uses this file.
import { workerData } from 'node:worker_threads';
const { register } = await import('tsx/esm/api');
register();
await import(workerData.script);
