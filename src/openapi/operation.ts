/** Reading the parts of an OpenAPI operation the importer needs. */

import { isRecord } from '../schema/check-field.js';
import { childPointer } from '../schema/document-diagnostic.js';
import { type JsonObject, own, type RefResolver } from './document.js';

/** A parameter object of an operation, with where it was found. */
export interface Parameter {
  readonly value: JsonObject;
  readonly pointer: string;
}

/** Path-level parameters, overridden by the operation's own (same name and location). */
export function parametersOf(
  item: JsonObject,
  itemPointer: string,
  operation: JsonObject,
  operationPointer: string,
  refs: RefResolver,
) {
  const byKey = new Map<string, Parameter>();
  const add = (list: unknown, pointer: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, index) => {
      const found = refs.object(entry, childPointer(childPointer(pointer, 'parameters'), index));
      if (!found) return;
      byKey.set(`${String(own(found.value, 'in'))}:${String(own(found.value, 'name'))}`, {
        value: found.value,
        pointer: found.pointer,
      });
    });
  };
  add(own(item, 'parameters'), itemPointer);
  add(own(operation, 'parameters'), operationPointer);
  return byKey;
}

/** A parameter's example and the JSON Pointer of the string in the document. */
export interface Example {
  readonly value: string;
  readonly pointer: string;
}

/** The parameter's example: its `example`, else the first string `examples` value, else its schema's. */
export function exampleOf(parameter: Parameter, refs: RefResolver): Example | undefined {
  const example = own(parameter.value, 'example');
  if (typeof example === 'string')
    return { value: example, pointer: childPointer(parameter.pointer, 'example') };
  const examples = own(parameter.value, 'examples');
  if (isRecord(examples)) {
    const examplesPointer = childPointer(parameter.pointer, 'examples');
    for (const [key, entry] of Object.entries(examples)) {
      const found = refs.object(entry, childPointer(examplesPointer, key));
      const value = found ? own(found.value, 'value') : undefined;
      if (found && typeof value === 'string') return { value, pointer: childPointer(found.pointer, 'value') };
    }
  }
  const schema = refs.object(own(parameter.value, 'schema'), childPointer(parameter.pointer, 'schema'));
  const fromSchema = schema ? own(schema.value, 'example') : undefined;
  return schema && typeof fromSchema === 'string'
    ? { value: fromSchema, pointer: childPointer(schema.pointer, 'example') }
    : undefined;
}

/** The item schema of the operation's 200 response: the array's items, or the object itself. */
export function responseItemSchema(operation: JsonObject, pointer: string, refs: RefResolver): unknown {
  const responses = refs.object(own(operation, 'responses'), `${pointer}/responses`);
  if (!responses) return undefined;
  const ok = own(responses.value, '200') ?? own(responses.value, '2XX');
  const response = refs.object(ok, `${responses.pointer}/200`);
  const content = response && refs.object(own(response.value, 'content'), `${response.pointer}/content`);
  if (!content) return undefined;
  const mediaKey = Object.keys(content.value).find((k) => /^application\/([\w.+-]*\+)?json\b/i.test(k));
  const media = mediaKey && refs.object(content.value[mediaKey], childPointer(content.pointer, mediaKey));
  const schema = media && refs.object(own(media.value, 'schema'), `${media.pointer}/schema`);
  if (!schema) return undefined;
  const items = own(schema.value, 'items');
  return own(schema.value, 'type') === 'array' && items !== undefined ? items : schema.value;
}
