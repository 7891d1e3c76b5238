import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { isBlankCell, isBlankRow, sameCell } from '../../../src/register/cell-equality';

describe('cell blankness and equality (one rule for the register)', () => {
  it('blank is "", null or undefined — not 0, false or a space', () => {
    for (const v of ['', null, undefined]) expect(isBlankCell(v)).toBe(true);
    for (const v of [0, false, ' ', 'x']) expect(isBlankCell(v)).toBe(false);
    expect(isBlankRow(['', null, undefined])).toBe(true);
    expect(isBlankRow(['', 0])).toBe(false);
    expect(sameCell('', null)).toBe(true);
    expect(sameCell(undefined, '')).toBe(true);
    expect(sameCell('', 0)).toBe(false);
  });

  it('dates are compared as instants, also across realms, and never equal a non-date', () => {
    const at = Date.UTC(2026, 10, 2, 16);
    expect(sameCell(new Date(at), new Date(at))).toBe(true);
    expect(sameCell(new Date(at), new Date(at + 1))).toBe(false);
    const foreign = runInNewContext(`new Date(${at})`) as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(sameCell(foreign, new Date(at))).toBe(true);
    expect(sameCell(new Date(at), at)).toBe(false);
    expect(sameCell(new Date(at), new Date(at).toISOString())).toBe(false);
    expect(sameCell(new Date(at), '')).toBe(false);
  });

  it('a number or boolean equals the text it prints as (edit events carry text)', () => {
    expect(sameCell(5, '5')).toBe(true);
    expect(sameCell('5', 5)).toBe(true);
    expect(sameCell(1.5, '1.5')).toBe(true);
    expect(sameCell(5, '5.0')).toBe(false);
    expect(sameCell(5, 6)).toBe(false);
    expect(sameCell(true, 'true')).toBe(true);
    expect(sameCell('High', 'high')).toBe(false);
  });

  it('a list equals its written text', () => {
    expect(sameCell('a@x.test, b@x.test', ['a@x.test', 'b@x.test'])).toBe(true);
    expect(sameCell('a@x.test', ['a@x.test', 'b@x.test'])).toBe(false);
    expect(sameCell('', [])).toBe(true);
  });
});
