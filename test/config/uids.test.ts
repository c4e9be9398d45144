import { KerasValueError } from '../../src/errors';
import { getUid, resetUids } from '../../src/config/uids';

beforeEach(resetUids);

describe('getUid / resetUids', () => {
  test('counts from 1 per prefix', () => {
    expect(getUid('dense')).toBe(1);
    expect(getUid('dense')).toBe(2);
    expect(getUid('conv')).toBe(1);
    expect(getUid('dense')).toBe(3);
    expect(getUid('conv')).toBe(2);
  });

  test("the default prefix is ''", () => {
    expect(getUid()).toBe(1);
    expect(getUid('')).toBe(2);
    expect(getUid()).toBe(3);
  });

  test('resetUids restarts every prefix at 1', () => {
    getUid('dense');
    getUid('dense');
    getUid('conv');
    resetUids();
    expect(getUid('dense')).toBe(1);
    expect(getUid('conv')).toBe(1);
  });

  test('the prefix must be a string', () => {
    expect(() => getUid(3 as unknown as string)).toThrow(KerasValueError);
    expect(() => getUid(3 as unknown as string)).toThrow("getUid: argument 'prefix' must be a string, got 3");
  });
});
