import { z } from "zod";
import { objectId, SANITY_CAP } from "../registry/schemas.js";
import type { SandboxResource, ToolSpec } from "../registry/types.js";

/**
 * Community API keys and the legacy "integration API keys" share one route family
 * (/apis/v1/communities/{communityId}/api-keys): only Delete is documented, the rest is inferred.
 * Both toolsets are built here from one description so that they cannot drift apart.
 */

export const apiKeyResource: SandboxResource = {
  name: "apiKeys",
  noun: "API key",
  plural: "API keys",
  scopeParam: "communityId",
  searchFields: ["name"],
  unique: ["name"],
  secretField: "key",
};

const communityId = objectId;

const keyFields = {
  name: z.string().trim().min(1).max(SANITY_CAP),
  permissions: z
    .array(z.string().regex(/^[A-Za-z]+$/, "a permission name such as sendMessage"))
    .max(SANITY_CAP)
    .describe("e.g. sendMessage, createUser"),
  expirePeriod: z.number().int().min(0).max(36500).describe("days; 0 = never"),
  expireDate: z.iso.datetime({ offset: true }),
};
const keyUpdate = z.strictObject(keyFields).partial();

interface Family {
  keyIdParam: string;
  catalogPrefix: string;
  /** Tool name for a verb: list → list_community_api_keys */
  name: (verb: "list" | "create" | "update" | "delete") => string;
  label: string;
}

export function apiKeyTools(family: Family): ToolSpec[] {
  const keyId = { [family.keyIdParam]: objectId };
  const item = `/apis/v1/communities/{communityId}/api-keys/{${family.keyIdParam}}`;
  const collection = "/apis/v1/communities/{communityId}/api-keys";
  const sandbox = (op: "list" | "create" | "update" | "delete") => ({ resource: apiKeyResource.name, op });
  return [
    {
      name: family.name("list"),
      title: `List ${family.label}s`,
      description: `List a community's ${family.label}s, secrets masked.`,
      method: "GET",
      path: collection,
      routeStatus: "inferred",
      catalogIds: [`${family.catalogPrefix}.list`],
      input: z.strictObject({ communityId }),
      risk: "read",
      sandbox: sandbox("list"),
    },
    {
      name: family.name("create"),
      title: `Create ${family.label}`,
      description: `Issue a ${family.label} (its secret is masked here; copy it from the dashboard).`,
      method: "POST",
      path: collection,
      routeStatus: "inferred",
      catalogIds: [`${family.catalogPrefix}.create`],
      input: keyUpdate.required({ name: true, permissions: true }).extend({ communityId }),
      risk: "write",
      sandbox: sandbox("create"),
    },
    {
      name: family.name("update"),
      title: `Update ${family.label}`,
      description: `Rename a ${family.label} or change its permissions or expiry.`,
      method: "PUT",
      path: item,
      routeStatus: "inferred",
      catalogIds: [`${family.catalogPrefix}.update`],
      input: keyUpdate.extend({ communityId, ...keyId }),
      risk: "write",
      sandbox: sandbox("update"),
    },
    {
      name: family.name("delete"),
      title: `Delete ${family.label}`,
      description: `Revoke a ${family.label} for good; whatever uses it stops working.`,
      method: "DELETE",
      path: item,
      catalogIds: [`${family.catalogPrefix}.delete`],
      input: z.strictObject({ communityId, ...keyId }),
      risk: "destructive",
      sandbox: sandbox("delete"),
    },
  ];
}
