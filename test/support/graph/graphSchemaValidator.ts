import { readFileSync } from "node:fs";
import { z } from "zod";

// Checks a JSON body against Microsoft Graph v1.0 types (test/fixtures/graph/v1.0-types.json,
// extracted from Microsoft's CSDL): unknown properties, wrong primitive types, enum values that are
// not members, null where the type is not nullable — what Graph answers with 400.

const typeDefSchema = z.object({
  base: z.string().nullable(),
  kind: z.string(),
  properties: z.record(z.string(), z.object({ type: z.string(), nullable: z.boolean() })),
});
const schemaFile = z.object({
  enums: z.record(z.string(), z.array(z.string())),
  types: z.record(z.string(), typeDefSchema),
});
export type GraphSchema = z.infer<typeof schemaFile>;

let cached: GraphSchema | null = null;

export function loadGraphSchema(): GraphSchema {
  cached ??= schemaFile.parse(
    JSON.parse(readFileSync(new URL("../../fixtures/graph/v1.0-types.json", import.meta.url), "utf8")),
  );
  return cached;
}

/** Problems with `value` as an instance of `typeName` (e.g. "microsoft.graph.message"); empty when it fits. */
export function validateGraphBody(typeName: string, value: unknown, schema = loadGraphSchema()): string[] {
  const problems: string[] = [];
  checkValue(schema, qualified(typeName), value, "", problems);
  return problems;
}

/** Problems with the JSON body of an action, given its parameters (name → OData type). */
export function validateActionParameters(
  parameters: Record<string, string>,
  value: unknown,
  schema = loadGraphSchema(),
): string[] {
  if (!isPlainObject(value)) return ["The action body must be a JSON object."];
  const problems: string[] = [];
  for (const [name, inner] of Object.entries(value)) {
    const type = parameters[name];
    if (type === undefined) {
      problems.push(`The parameter '${name}' in the request payload is not a valid parameter for the operation.`);
      continue;
    }
    if (inner === null) continue;
    checkValue(schema, qualified(type), inner, name, problems);
  }
  return problems;
}

function qualified(type: string): string {
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection?.[1]) return `Collection(${qualified(collection[1])})`;
  return type.startsWith("Edm.") || type.startsWith("microsoft.graph.") ? type : `microsoft.graph.${type}`;
}

function checkValue(schema: GraphSchema, type: string, value: unknown, path: string, problems: string[]): void {
  const at = path ? ` at '${path}'` : "";
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection?.[1]) {
    if (!Array.isArray(value)) {
      problems.push(`A collection was expected${at} (type ${type}), got ${describe(value)}.`);
      return;
    }
    value.forEach((item: unknown, index) => {
      if (item === null) problems.push(`A null item is not allowed in ${type}${at}.`);
      else checkValue(schema, collection[1] ?? "", item, `${path}[${index}]`, problems);
    });
    return;
  }
  if (type.startsWith("Edm.")) {
    const problem = checkPrimitive(type, value);
    if (problem) problems.push(`Cannot convert ${describe(value)} to ${type}${at}: ${problem}.`);
    return;
  }
  const members = schema.enums[type];
  if (members) {
    if (typeof value !== "string" || !members.includes(value)) {
      problems.push(`Requested value ${describe(value)} was not found in enum ${type}${at}.`);
    }
    return;
  }
  if (!schema.types[type]) {
    problems.push(`Type ${type}${at} is not in the v1.0 fixture; cannot validate it.`);
    return;
  }
  if (!isPlainObject(value)) {
    problems.push(`An object of type ${type} was expected${at}, got ${describe(value)}.`);
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith("@odata.") || key.includes("@odata.")) continue; // instance and property annotations
    const property = findProperty(schema, type, key);
    const where = path ? `${path}.${key}` : key;
    if (!property) {
      problems.push(
        `The property '${key}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`,
      );
      continue;
    }
    if (inner === null) {
      if (!property.nullable) problems.push(`The property '${where}' of type '${type}' cannot be null.`);
      continue;
    }
    checkValue(schema, qualified(property.type), inner, where, problems);
  }
}

function findProperty(schema: GraphSchema, type: string, key: string): { type: string; nullable: boolean } | null {
  for (let current: string | null = type; current; ) {
    const def: z.infer<typeof typeDefSchema> | undefined = schema.types[current];
    if (!def) return null;
    const property = def.properties[key];
    if (property) return property;
    current = def.base;
  }
  return null;
}

const int32 = { min: -2147483648, max: 2147483647 };
const patterns: Record<string, RegExp> = {
  "Edm.DateTimeOffset": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/,
  "Edm.Date": /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  "Edm.TimeOfDay": /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,7})?)?$/,
  "Edm.Duration": /^-?P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
  "Edm.Guid": /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  "Edm.Binary": /^[A-Za-z0-9+/_-]*={0,2}$/,
};

function checkPrimitive(type: string, value: unknown): string | null {
  switch (type) {
    case "Edm.String":
    case "Edm.Stream":
      return typeof value === "string" ? null : "a string is required";
    case "Edm.Boolean":
      return typeof value === "boolean" ? null : "true or false is required";
    case "Edm.Int32":
      return Number.isInteger(value) && (value as number) >= int32.min && (value as number) <= int32.max
        ? null
        : "a 32-bit integer is required";
    case "Edm.Int64":
      return Number.isInteger(value) || (typeof value === "string" && /^-?\d+$/.test(value)) ? null : "an integer is required";
    case "Edm.Double":
    case "Edm.Single":
    case "Edm.Decimal":
      return typeof value === "number" && Number.isFinite(value) ? null : "a number is required";
    default: {
      const pattern = patterns[type];
      if (!pattern) return `unsupported primitive ${type}`;
      if (typeof value !== "string" || !pattern.test(value)) return `not a valid ${type}`;
      if (type === "Edm.DateTimeOffset" || type === "Edm.Date") {
        return Number.isNaN(Date.parse(type === "Edm.Date" ? `${value}T00:00:00Z` : value)) ? "not a real date" : null;
      }
      return null;
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? `'${value}'` : typeof value === "object" ? "an object" : String(value);
}
