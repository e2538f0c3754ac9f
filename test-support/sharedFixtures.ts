/** Test helper: reads the real configuration files in ../shared/fixtures (never copied into the project). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_FIXTURES = join(here, '..', '..', 'shared', 'fixtures');

export function fixtureNames(filter: (name: string) => boolean): string[] {
  if (!existsSync(SHARED_FIXTURES)) throw new Error(`The shared fixtures are missing: ${SHARED_FIXTURES}`);
  return readdirSync(SHARED_FIXTURES).filter(filter).sort();
}

export function readFixture(name: string): string {
  return readFileSync(join(SHARED_FIXTURES, name), 'utf8');
}

export function readFixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SHARED_FIXTURES, name)));
}

/** The applicationHost.config fixtures (whole files with <system.applicationHost>). */
export const applicationHostFixtures = (): string[] =>
  fixtureNames((n) => n.endsWith('.config') && !n.includes('.web.config')).filter((n) => readFixture(n).includes('<system.applicationHost'));
