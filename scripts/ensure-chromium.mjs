#!/usr/bin/env node
// Make sure Playwright has a Chromium to launch, before `playwright test` runs.
// Looks (scripts/find-chromium.mjs); when nothing is found and we are root on a Debian-like
// system, installs Debian's `chromium` package; otherwise prints one line and exits 1.
// On success prints `chromium: <path>`.

import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { ENV_VARS, findChromium, isExecutable } from './find-chromium.mjs';

const HELP =
  "IIS Flow e2e tests need Chromium: install Debian's 'chromium' package (apt-get install chromium) or set CHROMIUM_PATH";

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/** @param {string} command @param {string[]} args */
function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

for (const name of ENV_VARS) {
  const value = process.env[name];
  if (value && !isExecutable(value)) {
    console.warn(`chromium: ${name}=${value} is not an executable file; looking elsewhere`);
  }
}

let found = await findChromium();

if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = which('apt-get');
  if (isRoot && aptGet) {
    console.log('chromium: not found; installing Debian package chromium');
    if (run(aptGet, ['update']) && run(aptGet, ['install', '-y', 'chromium'])) {
      found = await findChromium();
    }
  }
}

if (!found) {
  console.error(HELP);
  process.exit(1);
}

console.log(`chromium: ${found}`);
