import { z } from "zod";
import { projection, SANITY_CAP } from "./schemas.js";
import type { ToolDef } from "./types.js";

/** Destructive and legacy calls wait for a confirmation; see src/server/confirm.ts. */
export const needsConfirmation = (tool: ToolDef): boolean => tool.risk === "destructive" || tool.legacy;

/**
 * Tools that may be asked for a confirmation: besides those above, any that uploads files, since
 * an upload from a local path always asks (src/server/call.ts).
 */
export const acceptsConfirm = (tool: ToolDef): boolean => needsConfirmation(tool) || Boolean(tool.files);

/** Anything that changes data can be previewed without sending it. */
export const supportsDryRun = (tool: ToolDef): boolean => tool.risk !== "read";

// confirm and dryRun are undescribed on purpose: the server instructions explain both once instead
// of in every tool. revealKey and wait are on few tools and their names say too little: a few words each.
const confirm = z.string().max(SANITY_CAP);
const dryRun = z.boolean();
const revealKey = z.boolean().describe("send the new secret back unmasked");
const wait = z.boolean().describe("wait until the job ends, sending progress");

const schemas = new WeakMap<ToolDef, z.ZodObject>();

/** The arguments the registry adds to a tool (confirm, dryRun, revealKey, wait, fields), beside the ones its table declares; built once a tool. */
export function gateSchema(tool: ToolDef): z.ZodObject {
  let schema = schemas.get(tool);
  if (!schema) {
    schema = z.strictObject({
      ...(acceptsConfirm(tool) ? { confirm: confirm.optional() } : {}),
      ...(supportsDryRun(tool) ? { dryRun: dryRun.optional() } : {}),
      // Only a tool that creates a secret can hand it back, and only when asked (src/server/results.ts).
      ...(tool.revealsSecret ? { revealKey: revealKey.optional() } : {}),
      ...(tool.job ? { wait: wait.optional() } : {}),
      // Every read tool picks the fields it shows (src/server/views.ts); where the API reads `fields`, the tool's own argument does it.
      ...(tool.risk === "read" && !("fields" in tool.input.shape) ? projection : {}),
    });
    schemas.set(tool, schema);
  }
  return schema;
}
