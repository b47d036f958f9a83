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

/**
 * Every repository over a migrated database. Each one is built (and its statements prepared) the
 * first time it is used: a command that only lists devices prepares only the devices statements.
 */
export function createRepositories(db: Database): Repositories {
  const once = <T>(build: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= build());
  };
  const builds = once(() => new BuildRepository(db));
  const devices = once(() => new DeviceRepository(db));
  const installs = once(() => new InstallRepository(db, builds()));
  const doctor = once(() => new DoctorRepository(db));
  const runs = once(() => new RunRepository(db));
  const matrix = once(() => new MatrixRepository(db));
  const signoffs = once(() => new SignoffRepository(db));
  return {
    get devices() {
      return devices();
    },
    get builds() {
      return builds();
    },
    get installs() {
      return installs();
    },
    get doctor() {
      return doctor();
    },
    get runs() {
      return runs();
    },
    get matrix() {
      return matrix();
    },
    get signoffs() {
      return signoffs();
    },
  };
}
