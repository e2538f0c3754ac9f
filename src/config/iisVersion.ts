/**
 * The IIS version a workspace simulates. Some answers differ between versions (request filtering's
 * 404.13 became 413.1 and 404.10 became 431 in IIS 10; WebSocketModule runs only from IIS 8.0, on
 * Windows 8 / Server 2012 and later, where HTTP.sys supports the WebSocket protocol). Each IIS version
 * ships with one Windows version, so the version also says which Windows the server runs on:
 * 7.0 Server 2008, 7.5 Windows 7 / Server 2008 R2, 8.0 Windows 8 / Server 2012, 8.5 Server 2012 R2,
 * 10.0 Windows 10 / Server 2016 and later (learn.microsoft.com/iis/get-started/whats-new-in-iis-*).
 */
export type IisVersion = '7.0' | '7.5' | '8.0' | '8.5' | '10.0';

export const IIS_VERSIONS: readonly IisVersion[] = ['7.0', '7.5', '8.0', '8.5', '10.0'];

/** A workspace that names no version simulates current IIS. */
export const DEFAULT_IIS_VERSION: IisVersion = '10.0';

export function isIisVersion(value: unknown): value is IisVersion {
  return typeof value === 'string' && (IIS_VERSIONS as readonly string[]).includes(value);
}

/** True when `version` is `minimum` or later. */
export function iisAtLeast(version: IisVersion, minimum: IisVersion): boolean {
  return IIS_VERSIONS.indexOf(version) >= IIS_VERSIONS.indexOf(minimum);
}
