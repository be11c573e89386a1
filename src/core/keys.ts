/**
 * The names `k in obj` finds for a string k: the object's own property names
 * and those it inherits (so "constructor" for a plain object), as a set.
 * `k in obj` with a new string (a token's lower case) must first look the
 * string up in the engine's table of internalised strings, which is slow; a
 * set of the same names answers the same question by hashing it.
 */
export function namesIn(obj: object): Set<string> {
  const names = new Set<string>();
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o) as object | null) for (const k of Object.getOwnPropertyNames(o)) names.add(k);
  return names;
}
