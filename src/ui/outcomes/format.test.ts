import { describe, expect, it } from 'vitest';
import { formatMs, formatMsShort, groupDigits, shortUrl, statusClass } from './format.ts';

describe('how the trace writes counts, times and URLs', () => {
  it('groups digits by thousands', () => {
    expect(groupDigits(2500)).toBe('2,500');
    expect(groupDigits(1234567)).toBe('1,234,567');
    expect(groupDigits(999)).toBe('999');
  });

  it('writes virtual times in µs, ms or s, and whole ms in narrow columns from 100 ms', () => {
    expect(formatMs(0.004)).toBe('4 µs');
    expect(formatMs(946.44)).toBe('946.4 ms');
    expect(formatMs(12345)).toBe('12.35 s');
    expect(formatMsShort(946.44)).toBe('946 ms');
    expect(formatMsShort(94.64)).toBe('94.6 ms');
  });

  it('shortens a URL to its path on localhost:80, and keeps the host and port otherwise', () => {
    expect(shortUrl('http://localhost/iisstart.htm')).toBe('/iisstart.htm');
    expect(shortUrl('http://localhost')).toBe('/');
    expect(shortUrl('http://localhost:8081/')).toBe('localhost:8081/');
    expect(shortUrl('https://shop.example/cart?id=1')).toBe('shop.example/cart?id=1');
  });

  it('names a status class, and a reset connection', () => {
    expect(statusClass(503)).toBe('5xx');
    expect(statusClass(0)).toBe('reset');
  });
});
