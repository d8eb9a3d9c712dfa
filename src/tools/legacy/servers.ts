import { z } from "zod";
import { DEMO } from "../../demo.js";
import { defineTools } from "../../registry/define.js";
import { httpUrl, objectId, SANITY_CAP } from "../../registry/schemas.js";

/**
 * Servers (communities) of the older System API. No page of this family survived: only the
 * navigation (create POST, list GET, update PUT). Routes follow the family's root collections
 * (/badges, /roles, /channels); the body is our guess from the community's documented name and
 * description settings, so every route here is marked unverified.
 */

const server = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(SANITY_CAP),
  image: httpUrl.describe("icon URL"),
});

export const serverTools = defineTools([
  {
    name: "legacy_list_servers",
    operation: "legacy-servers.list",
    title: "List servers (legacy)",
    description: "List the servers (communities) the system key manages.",
    input: z.strictObject({}),
    example: {},
    risk: "read",
  },
  {
    name: "legacy_create_server",
    operation: "legacy-servers.create",
    title: "Create server (legacy)",
    description: "Create a server (community).",
    input: server.partial().required({ name: true }),
    example: { name: "Sandbox Options Desk", description: "Options traders' corner" },
    risk: "write",
  },
  {
    name: "legacy_update_server_metadata",
    operation: "legacy-servers.update-metadata",
    title: "Update server metadata (legacy)",
    description: "Change a server's name, description or icon.",
    input: server.partial().extend({ id: objectId }),
    example: { id: DEMO.serverIds[1], description: "Courses and webinars" },
    risk: "write",
  },
]);
