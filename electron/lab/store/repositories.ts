/**
 * All repositories over one database, wired once by the composition root.
 */
import type { Database } from 'better-sqlite3';
import { BuildRepository } from './build-repository';
import { DeviceRepository } from './device-repository';
import { DoctorRepository } from './doctor-repository';
import { InstallRepository } from './install-repository';
import { RunRepository } from './run-repository';

export interface Repositories {
  readonly devices: DeviceRepository;
  readonly builds: BuildRepository;
  readonly installs: InstallRepository;
  readonly doctor: DoctorRepository;
  readonly runs: RunRepository;
}

/** Prepares every repository's statements against a migrated database. */
export function createRepositories(db: Database): Repositories {
  const builds = new BuildRepository(db);
  return {
    devices: new DeviceRepository(db),
    builds,
    installs: new InstallRepository(db, builds),
    doctor: new DoctorRepository(db),
    runs: new RunRepository(db),
  };
}
