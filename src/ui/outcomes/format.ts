/** How the trace writes counts and virtual times. Pure. */

/** 12345 -> "12,345". Not toLocaleString: its first call sets up Intl, a 20 ms task at start-up. */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Virtual milliseconds: "4 µs" under a millisecond, "946.4 ms", "12.35 s" from a second. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(0)} µs`;
}

/** formatMs for a narrow column: whole milliseconds from 100 ms ("953 ms"). */
export function formatMsShort(ms: number): string {
  return ms >= 100 && ms < 1000 ? `${ms.toFixed(0)} ms` : formatMs(ms);
}

/** A URL as the request list shows it: the path for localhost on port 80, else host, port and path. */
export function shortUrl(url: string): string {
  const local = /^http:\/\/localhost(?=\/|$)/i.exec(url);
  if (local !== null) return url.slice(local[0].length) || '/';
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
}

/** `2xx`... for a status; `reset` for a connection reset (0). */
export function statusClass(status: number): string {
  return status === 0 ? 'reset' : `${String(Math.floor(status / 100))}xx`;
}
