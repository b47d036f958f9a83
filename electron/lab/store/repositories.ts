/**
 * All repositories over one database, wired once by the composition root.
 */
import type { Database } from 'better-sqlite3';
import { BuildRepository } from './build-repository';
import { DeviceRepository } from './device-repository';
import { DoctorRepository } from './doctor-repository';
import { InstallRepository } from './install-repository';
import { MatrixRepository } from './matrix-repository';
import { RunRepository } from './run-repository';
import { SignoffRepository } from './signoff-repository';

export interface Repositories {
  readonly devices: DeviceRepository;
  readonly builds: BuildRepository;
  readonly installs: InstallRepository;
  readonly doctor: DoctorRepository;
  readonly runs: RunRepository;
  readonly matrix: MatrixRepository;
  readonly signoffs: SignoffRepository;
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
    matrix: new MatrixRepository(db),
    signoffs: new SignoffRepository(db),
  };
}
