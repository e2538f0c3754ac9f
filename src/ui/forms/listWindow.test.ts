import { describe, expect, it } from 'vitest';
import { filterByText, scrollToRow, visibleRows } from './listWindow.ts';

describe('list windows', () => {
  it('draw the rows in view and a few either side, never past the ends', () => {
    expect(visibleRows(5000, 0, 264, 44)).toEqual({ from: 0, to: 10 });
    expect(visibleRows(5000, 44 * 1000, 264, 44)).toEqual({ from: 996, to: 1010 });
    expect(visibleRows(5000, 44 * 5000, 264, 44)).toEqual({ from: 4996, to: 5000 });
    expect(visibleRows(3, 0, 264, 44)).toEqual({ from: 0, to: 3 });
    expect(visibleRows(0, 0, 264, 44)).toEqual({ from: 0, to: 0 });
  });

  it('scroll a row into view only when it is out of it', () => {
    expect(scrollToRow(0, 0, 264, 44)).toBeUndefined();
    expect(scrollToRow(10, 0, 264, 44)).toBe(11 * 44 - 264);
    expect(scrollToRow(2, 200, 264, 44)).toBe(88);
  });

  it('filter by every word, ignoring case', () => {
    const sites = ['Default Web Site', 'Shop', 'shop-admin', 'Blog'];
    expect(filterByText(sites, 'SHOP', (s) => s)).toEqual(['Shop', 'shop-admin']);
    expect(filterByText(sites, 'web default', (s) => s)).toEqual(['Default Web Site']);
    expect(filterByText(sites, '  ', (s) => s)).toBe(sites);
  });
});
