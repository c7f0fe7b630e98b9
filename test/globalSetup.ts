// Before any test file: train the NLU model once into the tests' cache (.cache/nlu-test), the same
// way every test app builds it. In a fresh clone the files would otherwise each train it at the same
// time, which on a small or busy machine runs past the hooks' time limits. Later runs load the cache.
import { MemoryStorage } from 'botbuilder';
import { buildApp } from '../bot/app';
import { testConfig } from './helpers/app';
import { removeTempDirs } from './helpers/tmp';

export default async function warmNluCache(): Promise<void> {
  await buildApp(testConfig(), { storage: new MemoryStorage() });
  // its data folder is not needed (no test file's afterAll sees this module's list)
  removeTempDirs();
}
