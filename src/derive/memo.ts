/**
 * The one memoisation idiom of the derive layer (and the map's layer data): a derivation of an
 * object — a dataset, a list of flows — and a few primitive arguments. Results live exactly as
 * long as the object (a WeakMap: a dataset that is replaced takes its derivations with it), one per
 * distinct argument list, the most recent `perObject` of them.
 */
type Primitive = string | number | boolean | undefined;

export function memoize<O extends object, A extends Primitive[], R>(
  derive: (object: O, ...args: A) => R,
  perObject = 8,
): (object: O, ...args: A) => R {
  const cache = new WeakMap<O, Map<string, R>>();
  return (object, ...args) => {
    let results = cache.get(object);
    if (!results) cache.set(object, (results = new Map()));
    const key = args.map(String).join('\u0000');
    if (results.has(key)) {
      const hit = results.get(key)!;
      // Most recently used last, so the oldest is the one dropped.
      results.delete(key);
      results.set(key, hit);
      return hit;
    }
    const result = derive(object, ...args);
    results.set(key, result);
    if (results.size > perObject) results.delete(results.keys().next().value!);
    return result;
  };
}
