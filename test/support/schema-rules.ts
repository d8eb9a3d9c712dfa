type Json = Record<string, unknown>;

const isTyped = (node: Json): boolean =>
  typeof node.type === "string" || ["anyOf", "oneOf"].some((k) => Array.isArray(node[k]) && (node[k] as Json[]).every(isTyped));

/**
 * What strict clients refuse (VS Code: arrays without items; IntelliJ: `type` lists; function
 * calling APIs: untyped nesting, references, unions at the top), found anywhere in one schema.
 * `open` names the objects that take any keys by design (call_tool's arguments).
 */
export function structureProblems(node: Json, path: string, open: string[] = [], problems: string[] = []): string[] {
  if ("$ref" in node || "$defs" in node || "definitions" in node) problems.push(`${path}: $ref/$defs`);
  if (Array.isArray(node.type)) problems.push(`${path}: type is a list`);
  if (!isTyped(node)) problems.push(`${path}: no type`);
  if (node.type === "array") {
    const items = node.items as Json | undefined;
    if (!items || typeof items !== "object" || Array.isArray(items)) problems.push(`${path}: array without items`);
    else structureProblems(items, `${path}[]`, open, problems);
  }
  if (node.type === "object") {
    const properties = node.properties as Record<string, Json> | undefined;
    if (!properties || typeof properties !== "object") problems.push(`${path}: object without properties`);
    else for (const [name, child] of Object.entries(properties)) structureProblems(child, `${path}.${name}`, open, problems);
    const closed = node.additionalProperties === undefined || node.additionalProperties === false;
    if (!closed && !open.includes(path)) problems.push(`${path}: open additionalProperties`);
  }
  for (const key of ["anyOf", "oneOf"]) {
    for (const [i, branch] of ((node[key] as Json[] | undefined) ?? []).entries()) {
      structureProblems(branch, `${path}|${i}`, open, problems);
    }
  }
  if ("allOf" in node || "not" in node) problems.push(`${path}: allOf/not`);
  return problems;
}

/** The top of an input schema: an object, never a union. */
export function topLevelProblems(schema: Json): string[] {
  const problems = schema.type === "object" ? [] : ["(arguments): not an object"];
  for (const key of ["anyOf", "oneOf", "allOf", "not"]) if (key in schema) problems.push(`(arguments): top-level ${key}`);
  return problems;
}
