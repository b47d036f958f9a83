/**
 * All repositories over one database, wired once by the composition root.
 */
import type { Database } from 'better-sqlite3';
import { BuildRepository } from './build-repository';
import { DeviceRepository } from './device-repository';
import { DoctorRepository } from './doctor-repository';
import { InstallRepository } from './install-repository';
import { MatrixRepository } from './matrix-repository';
import { prepareOnUse } from './prepare-on-use';
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

/** Every repository over a migrated database; each statement is prepared when it first runs. */
export function createRepositories(database: Database): Repositories {
  const db = prepareOnUse(database);
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
