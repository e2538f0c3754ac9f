import { describe, expect, it } from 'vitest';
import { checkName, checkNewName } from './fileNames.ts';

describe('checkName', () => {
  it('accepts names Windows accepts', () => {
    for (const name of ['hello.htm', 'web.config', '.well-known', 'a b', 'Ünïcødé.txt', 'console.log', 'com10', 'nul2', 'x'.repeat(255)]) expect(checkName(name)).toBeUndefined();
  });

  it('refuses the characters, endings and device names Windows refuses, saying why', () => {
    expect(checkName('')).toMatch(/Give a name/);
    expect(checkName('   ')).toMatch(/Give a name/);
    for (const c of ['\\', '/', ':', '*', '?', '"', '<', '>', '|']) expect(checkName(`a${c}b`)).toMatch(/cannot contain/);
    expect(checkName('a\u0007b')).toMatch(/control characters/);
    expect(checkName('name.')).toMatch(/ends with a dot or a space/);
    expect(checkName('name ')).toMatch(/ends with a dot or a space/);
    expect(checkName('..')).toMatch(/ends with a dot/);
    expect(checkName('NUL')).toMatch(/NUL is a reserved device name/);
    expect(checkName('com1.txt')).toMatch(/com1 is a reserved/);
    expect(checkName('LPT9')).toMatch(/reserved/);
    expect(checkName('x'.repeat(256))).toMatch(/at most 255/);
  });
});

describe('checkNewName', () => {
  it('refuses a name already in the folder, ignoring case, but lets an item keep or recase its own', () => {
    expect(checkNewName('Hello.HTM', ['hello.htm', 'shop'])).toMatch(/hello\.htm already exists/);
    expect(checkNewName('SHOP', ['hello.htm', 'shop'])).toMatch(/shop already exists/);
    expect(checkNewName('Hello.htm', ['hello.htm'], 'hello.htm')).toBeUndefined();
    expect(checkNewName('other.htm', ['hello.htm'], 'hello.htm')).toBeUndefined();
    expect(checkNewName('a?', [])).toMatch(/cannot contain/);
  });
});
