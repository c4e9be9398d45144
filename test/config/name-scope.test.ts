import { KerasValueError } from '../../src/errors';
import { currentNameScope, nameScope } from '../../src/config/name-scope';

describe('nameScope / currentNameScope', () => {
  test("is '' outside any scope", () => {
    expect(currentNameScope()).toBe('');
  });

  test('nests and returns the result of fn', () => {
    const seen: string[] = [];
    const result = nameScope('outer', () => {
      seen.push(currentNameScope());
      const inner = nameScope('inner', () => {
        seen.push(currentNameScope());
        return nameScope('leaf', () => currentNameScope());
      });
      seen.push(currentNameScope());
      return inner;
    });
    expect(result).toBe('outer/inner/leaf');
    expect(seen).toEqual(['outer', 'outer/inner', 'outer']);
    expect(currentNameScope()).toBe('');
  });

  test('pops the scope when fn throws', () => {
    nameScope('outer', () => {
      expect(() =>
        nameScope('inner', () => {
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(currentNameScope()).toBe('outer');
    });
    expect(currentNameScope()).toBe('');
  });

  test('the same name may be nested', () => {
    expect(nameScope('a', () => nameScope('a', () => currentNameScope()))).toBe('a/a');
  });

  test('async continuations keep their own scope', async () => {
    const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));
    const run = (name: string): Promise<string> =>
      nameScope(name, async () => {
        await tick();
        return currentNameScope();
      });
    const [a, b] = await Promise.all([run('a'), run('b')]);
    expect([a, b]).toEqual(['a', 'b']);
    expect(currentNameScope()).toBe('');
  });

  test.each([[''], ['a/b'], [3], [null], [undefined]])('name %p is refused', (name) => {
    expect(() => nameScope(name as unknown as string, () => 1)).toThrow(KerasValueError);
    expect(() => nameScope(name as unknown as string, () => 1)).toThrow(
      "nameScope: argument 'name' must be a non-empty string without '/'",
    );
  });

  test('fn must be a function', () => {
    expect(() => nameScope('a', 3 as unknown as () => number)).toThrow(
      "nameScope: argument 'fn' must be a function, got 3",
    );
  });
});
