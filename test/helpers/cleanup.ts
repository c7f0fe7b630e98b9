// Runs in every test file (jest setupFilesAfterEnv): its temporary folders go after its last test.
import { removeTempDirs } from './tmp';

afterAll(() => removeTempDirs());
