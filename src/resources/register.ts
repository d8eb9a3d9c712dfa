import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type Resource,
} from "@modelcontextprotocol/sdk/types.js";
import { GUIDES } from "./index.js";

/** The spec's error code for a resource that does not exist. */
const RESOURCE_NOT_FOUND = -32002;

const byUri = new Map(GUIDES.map((g) => [g.uri, g]));
const MIME = "text/markdown";
const listed = (): Resource[] =>
  GUIDES.map(({ uri, name, title, description, text }) => ({
    uri,
    name,
    title,
    description,
    mimeType: MIME,
    size: Buffer.byteLength(text()),
  }));

/** A resource read from the session's state when asked (the audit trail), besides the fixed guides. */
export interface LiveResource {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: string;
  read(): Promise<string>;
}

/** Read-only guides and live resources: resources/list, resources/read, and an empty template list for clients that ask. */
export function registerResources(server: Server, live: readonly LiveResource[] = []): void {
  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: [...listed(), ...live.map(({ read: _read, ...resource }) => resource)],
  }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: [] }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const dynamic = live.find((r) => r.uri === request.params.uri);
    if (dynamic) return { contents: [{ uri: dynamic.uri, mimeType: dynamic.mimeType, text: await dynamic.read() }] };
    const guide = byUri.get(request.params.uri);
    if (!guide) {
      throw new McpError(RESOURCE_NOT_FOUND, `Unknown resource '${request.params.uri}'. Call resources/list for the guides.`);
    }
    return { contents: [{ uri: guide.uri, mimeType: MIME, text: guide.text() }] };
  });
}
