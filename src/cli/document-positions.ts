/**
 * Where values of a JSON or YAML document sit in its text, found by the document's structure
 * (the node at a JSON Pointer), never by searching for the value's text: a key spelt like a
 * path elsewhere in the document cannot mislead it, and one pass serves every pointer.
 */
import { loadYaml } from '../openapi/yaml-loader.js';

/** A trie of the wanted pointers' reference tokens. */
interface Wanted {
  readonly children: Map<string, Wanted>;
  pointer?: string;
}

function tokensOf(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function trieOf(pointers: Iterable<string>): Wanted {
  const root: Wanted = { children: new Map() };
  for (const pointer of pointers) {
    let node = root;
    for (const token of tokensOf(pointer)) {
      let next = node.children.get(token);
      if (!next) {
        next = { children: new Map() };
        node.children.set(token, next);
      }
      node = next;
    }
    node.pointer = pointer;
  }
  return root;
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** The offset just past the string literal whose opening quote is at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    i += code === 0x5c ? 2 : 1;
  }
  return text.length;
}

interface Frame {
  readonly array: boolean;
  readonly wanted: Wanted | undefined;
  index: number;
}

/**
 * The offset where the value at each pointer starts in a JSON text (for a string, its opening
 * quote), in one iterative pass over the text (no recursion, however deep the nesting). Keys are
 * decoded only inside the wanted pointers' paths. A duplicated key gives its last value, as
 * `JSON.parse` does. Text that is not JSON gives what was found before the fault.
 */
export function jsonValueOffsets(text: string, pointers: Iterable<string>): Map<string, number> {
  const found = new Map<string, number>();
  const stack: Frame[] = [];
  let i = 0;
  let wanted: Wanted | undefined = trieOf(pointers);
  const skipSpaces = () => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  };
  for (;;) {
    // At a value: `wanted` is its node in the trie, if any.
    skipSpaces();
    if (wanted?.pointer !== undefined) found.set(wanted.pointer, i);
    const code = text.charCodeAt(i);
    if (code === 0x7b || code === 0x5b) {
      stack.push({ array: code === 0x5b, wanted, index: 0 });
      i++;
      skipSpaces();
      if (text.charCodeAt(i) === (code === 0x7b ? 0x7d : 0x5d)) {
        stack.pop();
        i++;
      } else {
        wanted = enter(stack[stack.length - 1]!);
        continue;
      }
    } else if (code === 0x22) {
      i = stringEnd(text, i);
    } else {
      while (i < text.length && !isSpace(text.charCodeAt(i)) && !',]}'.includes(text[i]!)) i++;
    }
    // After a value: a comma goes on to the next member, a bracket closes the container.
    for (;;) {
      const frame = stack[stack.length - 1];
      if (!frame) return found;
      skipSpaces();
      const next = text.charCodeAt(i);
      if (next === 0x2c) {
        i++;
        frame.index++;
        wanted = enter(frame);
        break;
      }
      if (next !== 0x5d && next !== 0x7d) return found;
      stack.pop();
      i++;
    }
  }

  /** Moves past a member's key (in an object) and returns the trie node of its value. */
  function enter(frame: Frame): Wanted | undefined {
    if (frame.array) return frame.wanted?.children.get(String(frame.index));
    skipSpaces();
    const start = i;
    i = stringEnd(text, i);
    let key: string | undefined;
    if (frame.wanted && frame.wanted.children.size > 0) {
      try {
        key = JSON.parse(text.slice(start, i)) as string;
      } catch {
        key = undefined;
      }
    }
    skipSpaces();
    if (text.charCodeAt(i) === 0x3a) i++;
    return key === undefined ? undefined : frame.wanted?.children.get(key);
  }
}

/** A scalar of a YAML document: where its text starts and ends, and how it is written. */
export interface YamlScalarPlace {
  readonly start: number;
  readonly end: number;
  /** `PLAIN`, `QUOTE_DOUBLE`, `QUOTE_SINGLE`, `BLOCK_LITERAL` or `BLOCK_FOLDED`. */
  readonly style: string;
}

/** The place of the scalar at each pointer of a YAML text (the `yaml` package's node ranges). */
export function yamlScalarPlaces(text: string, pointers: Iterable<string>): Map<string, YamlScalarPlace> {
  const yaml = loadYaml();
  const document = yaml.parseDocument(text, { logLevel: 'silent' });
  const places = new Map<string, YamlScalarPlace>();
  for (const pointer of pointers) {
    const node = document.getIn(tokensOf(pointer), true);
    if (yaml.isScalar(node) && node.range) {
      places.set(pointer, { start: node.range[0], end: node.range[1], style: String(node.type) });
    }
  }
  return places;
}
