/**
 * Records of many shapes for the attack on the predicate. A record is generated as a plan of plain
 * data (paths, values and the shape of each object on the way) and built inside the property, so
 * fast-check can print and shrink it, and proxies and throwing getters never reach its printer.
 */
import fc from 'fast-check';
import { dateTimeTextArbitrary, textArbitrary } from './arbitraries.js';
import { dateTimeInstant } from './instant.js';
import type { FieldSpec, SchemaSpec } from './oracle.js';
import { SharedRow } from './pollution.js';

/** How an object on a record's path is made; the oracle reads the built object, not this name. */
export const SHAPES = [
  'plain',
  'null-prototype',
  'class-fields',
  'shared-class',
  'class-getters',
  'frozen',
  'proxy',
  'lying-proxy',
  'throwing-proxy',
  'own-getters',
  'throwing-getters',
  'shadowed-throwing-getters',
  'array',
  'string',
] as const;
export type Shape = (typeof SHAPES)[number];

/** An array member that is not there at all (a hole, read through the prototype if anything). */
export const HOLE = { hole: true } as const;
/**
 * How an array is made: plain, frozen, behind a forwarding proxy, of a class that lies in `some`
 * and its iterator, or with a getter that throws in each hole.
 */
export const ARRAY_KINDS = ['plain', 'frozen', 'proxy', 'lying-methods', 'throwing-holes'] as const;
export interface CollectionPlan {
  readonly members: readonly unknown[];
  readonly kind?: (typeof ARRAY_KINDS)[number];
}

/** An array whose inherited methods answer what no member says: a member is read by index or not at all. */
class LyingArray extends Array {
  override some(): boolean {
    return true;
  }
  override *[Symbol.iterator](): ArrayIterator<never> {
    yield* [] as never[];
  }
}
export interface RecordPlan {
  readonly entries: readonly { readonly path: readonly string[]; readonly value: unknown }[];
  readonly shapes: readonly Shape[];
}

const HUGE = `${'a'.repeat(100_000)}\u{1F600}`;

function toDate(text: string): Date {
  const instant = dateTimeInstant(text);
  return new Date(instant === undefined ? Number.NaN : Number(instant.scaled / 10n ** 34n));
}

export function validValueArbitrary(field: FieldSpec, storable = false): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'string':
      return storable
        ? textArbitrary('text')
        : fc.oneof({ weight: 20, arbitrary: textArbitrary('record') }, fc.constant(HUGE));
    case 'number':
      return fc.oneof(
        fc.integer({ min: -3, max: 3 }),
        fc.constantFrom(
          -0,
          0.5,
          2.25,
          -1.5,
          Number.POSITIVE_INFINITY,
          Number.NEGATIVE_INFINITY,
          1e21,
          Number.MIN_VALUE,
        ),
      );
    case 'integer':
      return fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 2 ** 53 - 1));
    case 'boolean':
      return fc.boolean();
    default:
      return fc.oneof(dateTimeTextArbitrary, dateTimeTextArbitrary.map(toDate));
  }
}

/** Values of no field's type, or of another field's: each must leave every comparison false. */
const FOREIGN_VALUES: readonly unknown[] = [
  '12',
  '2022-02-07T20:13:29Z',
  '2022-02-30T00:00:00Z',
  'not a date',
  '',
  12,
  true,
  1n,
  Symbol('s'),
  new String('a'),
  new Number(1),
  new Boolean(true),
  new Date(Number.NaN),
  new Date(0),
  {},
  [],
  ['a'],
  { 0: 'a', length: 1 },
];
const MISSING_VALUES: readonly unknown[] = [null, undefined, Number.NaN];

export function fieldValueArbitrary(field: FieldSpec): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(
    { weight: 6, arbitrary: validValueArbitrary(field) },
    { weight: 1, arbitrary: fc.constantFrom(...FOREIGN_VALUES) },
    { weight: 1, arbitrary: fc.constantFrom(...MISSING_VALUES) },
  );
  if (!field.collection) return scalar;
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          fc.array(fc.oneof({ weight: 4, arbitrary: scalar }, fc.constant(HOLE)), { maxLength: 4 }),
          fc.constantFrom(...ARRAY_KINDS),
        )
        .map(([members, kind]): CollectionPlan => ({ members, kind })),
    },
    { weight: 1, arbitrary: scalar },
  );
}

export function recordPlanArbitrary(schema: SchemaSpec): fc.Arbitrary<RecordPlan> {
  const entries = schema.fields.map((field) =>
    fc.option(
      fieldValueArbitrary(field).map((value) => ({ path: field.path, value })),
      { freq: 4 },
    ),
  );
  return fc.record({
    entries: fc.tuple(...entries).map((list) => list.filter((entry) => entry !== null)),
    shapes: fc.array(
      fc.oneof({ weight: 8, arbitrary: fc.constant<Shape>('plain') }, fc.constantFrom(...SHAPES)),
      { minLength: 1, maxLength: 4 },
    ),
  });
}

function isCollectionPlan(value: unknown): value is CollectionPlan {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    'members' in value
  );
}

function materializeValue(value: unknown): unknown {
  if (!isCollectionPlan(value)) return value;
  const array: unknown[] = [];
  array.length = value.members.length;
  value.members.forEach((member, index) => {
    if (member !== HOLE) array[index] = member;
  });
  switch (value.kind) {
    case 'frozen':
      return Object.freeze(array);
    case 'proxy':
      return new Proxy(array, {});
    case 'lying-methods':
      return Object.setPrototypeOf(array, LyingArray.prototype);
    case 'throwing-holes':
      value.members.forEach((member, index) => {
        if (member === HOLE) define(array, String(index), { get: thrower });
      });
      return array;
    default:
      return array;
  }
}

const define = (target: object, key: string, descriptor: PropertyDescriptor): void => {
  Object.defineProperty(target, key, { configurable: true, enumerable: true, ...descriptor });
};

function thrower(): never {
  throw new Error('hostile record');
}

const THROWING_HANDLER: ProxyHandler<object> = Object.fromEntries(
  [
    'get',
    'has',
    'getOwnPropertyDescriptor',
    'ownKeys',
    'getPrototypeOf',
    'defineProperty',
    'set',
    'isExtensible',
    'preventExtensions',
  ].map((trap) => [trap, thrower]),
);

function shaped(shape: Shape, props: readonly (readonly [string, unknown])[]): unknown {
  const withData = (target: object): object => {
    for (const [key, value] of props) define(target, key, { value, writable: true });
    return target;
  };
  switch (shape) {
    case 'plain':
      return withData({});
    case 'null-prototype':
      return withData(Object.create(null));
    case 'class-fields':
      return withData(new (class Row {})());
    case 'shared-class':
      return withData(new SharedRow());
    case 'class-getters':
    case 'shadowed-throwing-getters': {
      const Row = class {};
      for (const [key, value] of props) {
        define(Row.prototype, key, shape === 'class-getters' ? { get: () => value } : { get: thrower });
      }
      return shape === 'class-getters' ? new Row() : withData(new Row());
    }
    case 'frozen':
      return Object.freeze(withData({}));
    case 'proxy':
      return new Proxy(withData({}), {});
    case 'lying-proxy': {
      const values = new Map(props);
      return new Proxy({}, { get: (_, key) => (typeof key === 'string' ? values.get(key) : undefined) });
    }
    case 'throwing-proxy':
      return new Proxy({}, THROWING_HANDLER);
    case 'own-getters': {
      const target = {};
      for (const [key, value] of props) define(target, key, { get: () => value });
      return target;
    }
    case 'throwing-getters': {
      const target = {};
      for (const [key] of props) define(target, key, { get: thrower });
      return target;
    }
    case 'array':
      return props.map(([, value]) => value);
    default:
      return 'abc';
  }
}

interface Tree {
  readonly children: Map<string, Tree | { readonly leaf: unknown }>;
}

/** Builds the record a plan describes: a fresh object graph on every call. */
export function buildRecord(plan: RecordPlan): unknown {
  const root: Tree = { children: new Map() };
  for (const { path, value } of plan.entries) {
    let node: Tree | undefined = root;
    for (const segment of path.slice(0, -1)) {
      const next: Tree | { readonly leaf: unknown } = node.children.get(segment) ?? { children: new Map() };
      node.children.set(segment, next);
      node = 'children' in next ? next : undefined;
      if (node === undefined) break;
    }
    const last = path[path.length - 1] as string;
    if (node !== undefined && !node.children.has(last)) node.children.set(last, { leaf: value });
  }
  let counter = 0;
  const build = (tree: Tree): unknown => {
    const props = [...tree.children].map(
      ([key, child]) => [key, 'leaf' in child ? materializeValue(child.leaf) : build(child)] as const,
    );
    const shape = plan.shapes[counter % plan.shapes.length] as Shape;
    counter += 1;
    return shaped(shape, props);
  };
  return build(root);
}
