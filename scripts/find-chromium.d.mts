// Types for scripts/find-chromium.mjs (imported by playwright.config.ts).

export declare const ENV_VARS: readonly string[];
export declare const SYSTEM_PATHS: readonly string[];
export declare function isExecutable(path: string | undefined): boolean;
export declare function findChromiumSync(
  playwrightChromium?: { executablePath(): string },
  env?: NodeJS.ProcessEnv,
): string | undefined;
export declare function findChromium(env?: NodeJS.ProcessEnv): Promise<string | undefined>;
