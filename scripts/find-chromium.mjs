// Where is a Chromium that Playwright can drive? Looks only, never installs
// (scripts/ensure-chromium.mjs installs). Dependency-free; playwright.config.ts imports it.
//
// Order: $CHROMIUM_PATH, $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, /usr/bin/chromium,
// /usr/bin/chromium-browser, then Playwright's own cached download (chromium.executablePath()).

import { accessSync, constants, statSync } from 'node:fs';

export const ENV_VARS = ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];
export const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** @param {string | undefined} path */
export function isExecutable(path) {
  if (!path) return false;
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Synchronous lookup.
 * @param {{ executablePath(): string } | undefined} playwrightChromium `chromium` from
 *   '@playwright/test', for its cached browser; omit to look at env and system paths only.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined}
 */
export function findChromiumSync(playwrightChromium, env = process.env) {
  for (const name of ENV_VARS) {
    const value = env[name];
    if (value && isExecutable(value)) return value;
  }
  for (const path of SYSTEM_PATHS) {
    if (isExecutable(path)) return path;
  }
  if (playwrightChromium) {
    let cached;
    try {
      cached = playwrightChromium.executablePath();
    } catch {
      cached = undefined;
    }
    if (isExecutable(cached)) return cached;
  }
  return undefined;
}

/**
 * The same lookup, loading '@playwright/test' itself for the cached-browser step.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<string | undefined>}
 */
export async function findChromium(env = process.env) {
  let playwrightChromium;
  try {
    ({ chromium: playwrightChromium } = await import('@playwright/test'));
  } catch {
    playwrightChromium = undefined;
  }
  return findChromiumSync(playwrightChromium, env);
}
