/**
 * Freeze the built-ins a run relies on, once per thread, before any strategy code runs.
 *
 * A strategy shares the JavaScript realm with the engine. Without this, it could replace a built-in method the engine
 * calls on its own objects and be handed them: `Float64Array.prototype.slice` would receive the price columns (the
 * future included, writable), an index setter on `Array.prototype` would receive the pending orders or the trade log
 * at the next push, a getter on `Object.prototype` would answer for a setting the engine reads, a patched array
 * iterator would add orders. Frozen prototypes and namespaces close that whole class: what a strategy can reach stays
 * what the context hands out.
 *
 * Not frozen, because ordinary code assigns to them: `Error` and its prototype (`this.name = …`,
 * `Error.prepareStackTrace`), `Promise`, `Date` itself (fake timers replace it), `globalThis`'s other bindings. The
 * classic "override mistake" (a frozen `Object.prototype.toString` would make `Foo.prototype.toString = …` throw) is
 * avoided as SES does: those few properties become accessors whose setter defines the property on the object
 * assigned to, so code that overrides them on its own objects keeps working.
 */
let locked = false;

const OVERRIDABLE = ['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable'];

export function lockIntrinsics(): void {
  if (locked) return;
  locked = true;
  const typedArray = Object.getPrototypeOf(Float64Array) as { prototype: object };
  const iterator = (it: Iterable<unknown>) => Object.getPrototypeOf(it[Symbol.iterator]()) as object;
  const arrayIterator = iterator([]);
  const constructors = [
    Object, Array, Function, Map, Set, WeakMap, WeakSet, String, Number, Boolean, Symbol, BigInt, RegExp, ArrayBuffer,
    SharedArrayBuffer, DataView, typedArray, Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array,
    Int8Array, Uint8Array, Uint8ClampedArray, BigInt64Array, BigUint64Array,
  ] as unknown as { prototype: object; name: string }[];
  // Typed arrays are watched, not frozen: V8 keeps their methods fast only while their prototypes and constructors
  // are untouched (freezing them cost the replay loop ~2×, measured). The engine calls none of their methods on its
  // own arrays while a strategy runs, and a run whose strategy changed one fails at its end (intrinsicsChanged).
  const WATCHED = new Set<object>(constructors.filter((c) => c === typedArray || (c !== Array && /Array$/.test(c.name))).map((c) => c.prototype));
  const prototypes: object[] = [
    ...constructors.map((c) => c.prototype),
    Date.prototype,
    arrayIterator,
    Object.getPrototypeOf(arrayIterator) as object, // %IteratorPrototype%
    iterator(new Map()),
    iterator(new Set()),
    iterator(''),
    Object.getPrototypeOf(/./[Symbol.matchAll]('')) as object,
  ];
  for (const p of prototypes) {
    // Only Object.prototype's: an accessor for `constructor` (or anything) on Array or typed-array prototypes would
    // switch off V8's fast paths for their methods (measured: Array map 100× slower, typed-array slice 2×).
    if (p === Object.prototype) for (const name of OVERRIDABLE) tameOverride(p, name);
    if (WATCHED.has(p)) watch(p);
    else if (p === Object.prototype) freezeByProperty(p);
    else Object.freeze(p);
  }
  // Not Symbol itself: `Symbol.metadata ??= …` is how libraries polyfill.
  for (const c of constructors) {
    if (WATCHED.has(c.prototype)) watch(c);
    else if (c !== Symbol) Object.freeze(c);
  }
  for (const ns of [Math, JSON, Reflect, Atomics]) Object.freeze(ns);
  // The names themselves, so that `globalThis.Float64Array = …` cannot swap what the engine constructs.
  const global = globalThis as unknown as Record<string, unknown>;
  for (const name of [...constructors.map((c) => c.name), 'Math', 'JSON', 'Reflect', 'Atomics']) {
    if (name && Object.getOwnPropertyDescriptor(global, name)?.configurable) {
      Object.defineProperty(global, name, { value: global[name], writable: false, enumerable: false, configurable: false });
    }
  }
}

/**
 * Object.freeze, one property at a time: the same frozen object (Object.isFrozen is true), but V8 keeps the
 * fast paths of every array and typed-array element read, which Object.freeze(Object.prototype) itself switches off
 * for the whole process (measured: the replay loop and the metrics 2 to 3 times slower).
 */
function freezeByProperty(o: object): void {
  for (const key of Reflect.ownKeys(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key)!;
    Object.defineProperty(o, key, 'value' in d ? { ...d, writable: false, configurable: false } : { ...d, configurable: false });
  }
  Object.preventExtensions(o);
}

const watched: { object: object; name: string; keys: (string | symbol)[]; descriptors: PropertyDescriptor[] }[] = [];

function watch(o: object): void {
  const keys = Reflect.ownKeys(o);
  const name = typeof o === 'function' ? o.name : `${(o as { constructor: { name: string } }).constructor.name}.prototype`;
  watched.push({ object: o, name, keys, descriptors: keys.map((k) => Object.getOwnPropertyDescriptor(o, k)!) });
}

/** The first watched built-in property a strategy added, removed or replaced since lockIntrinsics, if any. */
export function intrinsicsChanged(): string | undefined {
  for (const w of watched) {
    const keys = Reflect.ownKeys(w.object);
    if (keys.length !== w.keys.length) return `${w.name} (a property added or removed)`;
    for (let i = 0; i < keys.length; i++) {
      const d = Object.getOwnPropertyDescriptor(w.object, keys[i]);
      const was = w.descriptors[i];
      if (keys[i] !== w.keys[i] || !d || d.value !== was.value || d.get !== was.get || d.set !== was.set || d.writable !== was.writable) {
        return `${w.name}.${String(keys[i])}`;
      }
    }
  }
  return undefined;
}

/** Make a data property of a frozen prototype assignable on objects that inherit it (SES's override taming). */
function tameOverride(proto: object, name: string): void {
  const d = Object.getOwnPropertyDescriptor(proto, name);
  if (!d || !('value' in d) || !d.configurable) return;
  const value: unknown = d.value;
  Object.defineProperty(proto, name, {
    get() {
      return value;
    },
    set(this: object, v: unknown) {
      if (this === proto) throw new TypeError(`Cannot assign to read only property '${name}' of a built-in prototype`);
      Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
    },
    enumerable: d.enumerable,
    configurable: false,
  });
}
