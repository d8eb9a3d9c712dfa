#!/usr/bin/env node
import { selectReach } from "./catalog/filters.js";
import { type Config, parseConfig, SETTINGS, secretSettingValues } from "./config.js";
import { ConfigError } from "./errors.js";
import { log, setLogLevel, setLogSecrets } from "./log.js";
import { hostBases, urlTemplateOf } from "./registry/hosts.js";
import { effectiveTools, startRuntime } from "./runtime.js";
import { StdioTransport } from "./server/stdio.js";
import { createServer } from "./server.js";
import { announce } from "./startup.js";
import { VERSION } from "./version.js";

const HELP = `returning-ai-mcp ${VERSION}: an MCP server for administering a Returning.AI community.

Usage:
  returning-ai-mcp [options]            serve MCP over stdio (or --http)
  returning-ai-mcp sandbox [--port N]   run only the simulated Returning.AI API
  returning-ai-mcp tools [--json]       print every tool of the registry (with tool filters: the tools listed)
  returning-ai-mcp openapi              print the OpenAPI 3.1 document of the API, each operation with its tools
  returning-ai-mcp audit [--json]       print the newest entries of the audit trail
  returning-ai-mcp --help | --version

Settings (flag, environment variable, default):
${columns(SETTINGS.map((s) => ["", s.flag, s.env, s.default, s.desc]))}
`;

/** Rows as aligned columns at least two spaces apart, however long a cell: the last column is not padded. */
function columns(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

const print = (text: string): void => void process.stdout.write(`${text}\n`); // stdout-ok: CLI output, not the MCP stream

/** A reader that stops early (`tools --json | head`) closes our stdout: that ends the listing, not in a crash. */
function quietOnClosedStdout(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
}

/** Tool filters given (flags or environment): `tools` then prints what a server with them lists. */
const filtered = ({ filter }: Config): boolean =>
  Boolean(filter.toolsets || filter.tools || filter.excludeTools || filter.readOnly || filter.legacy);

/** Every tool of the registry (or the ones the tool filters list) with its effective route and where that route came from. */
function printTools(config: Config): void {
  quietOnClosedStdout();
  const registry = effectiveTools(config);
  const tools = filtered(config) ? selectReach(config.filter, registry).listed : registry;
  const bases = hostBases({ ...config, communityHost: config.credentials.communityHost });
  const rows = tools.map((t) => ({
    name: t.name,
    toolset: t.toolset,
    operation: t.operation,
    method: t.method,
    path: t.path,
    url: urlTemplateOf(t, bases),
    routeStatus: t.routeStatus,
    routeSource: t.routeSource,
    auth: t.auth,
    risk: t.risk,
    legacy: t.legacy,
    catalogIds: t.catalogIds,
    example: t.example,
  }));
  if (config.json) {
    print(JSON.stringify(rows, null, 2));
    return;
  }
  const flags = (r: (typeof rows)[number]) =>
    [r.risk, r.routeSource === "documented" ? "" : r.routeSource, r.auth === "bearer" ? "" : r.auth, r.legacy ? "legacy" : ""]
      .filter(Boolean)
      .join(", ");
  print(columns(rows.map((r) => [r.name, r.toolset, r.method, r.url, flags(r)])));
}

/** Closes cleanly on Ctrl-C, on SIGTERM from a supervisor, and (stdio) when the client goes away. */
function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function serve(config: Config): Promise<void> {
  const runtime = await startRuntime(config);
  if (config.http) {
    // Loaded only here: a stdio server (the common case) should not pay for the HTTP transport.
    const { serveHttp } = await import("./server/http.js");
    const http = await serveHttp(runtime, {
      host: config.host,
      port: config.port,
      allowedHosts: config.allowedHosts,
      allowedOrigins: config.allowedOrigins,
      maxBodyBytes: config.maxBodyBytes,
    });
    announce(config, runtime, http.url);
    onShutdown(async () => {
      await http.close();
      await runtime.close();
    });
    return;
  }
  const { credentials, source } = runtime.defaults;
  const server = createServer({
    reach: runtime.reach,
    context: runtime.contextFor(credentials, source, "stdio"),
    communityId: runtime.communityId,
  });
  const transport = new StdioTransport();
  const close = async () => {
    await server.close();
    await runtime.close();
  };
  onShutdown(close);
  // The client went away: answer the calls it already sent, then stop.
  void transport.drained.then(() => close().finally(() => process.exit(0)));
  await server.connect(transport);
  announce(config, runtime, "stdio");
}

async function runSandbox(config: Config): Promise<void> {
  const { startSandbox } = await import("./sandbox/index.js");
  const sandbox = await startSandbox({ port: config.port, host: config.host });
  process.stderr.write(
    `Returning.AI sandbox at ${sandbox.url}\nAPI key: ${sandbox.apiKey} (a fixed, public sandbox key)\nCommunity id: ${sandbox.communityId}\n`,
  );
  onShutdown(() => sandbox.close());
}

async function main(argv: string[]): Promise<void> {
  const config = parseConfig(argv);
  setLogLevel(config.logLevel);
  setLogSecrets(secretSettingValues(process.env));
  switch (config.command) {
    case "help":
      return print(HELP);
    case "version":
      return print(VERSION);
    case "tools":
      return printTools(config);
    case "openapi": {
      quietOnClosedStdout();
      const { openapiWithTools } = await import("./openapi.js");
      return print(JSON.stringify(openapiWithTools(effectiveTools(config)), null, 2));
    }
    case "audit": {
      // Loaded only for this command: a server start does not pay for it.
      const { printAudit } = await import("./audit/command.js");
      return printAudit(config.fleet, config.json, print);
    }
    case "sandbox":
      return runSandbox(config);
    case "serve":
      return serve(config);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`returning-ai-mcp: ${error.message}\n`);
    process.exit(2);
  }
  log.error((error as Error).stack ?? String(error));
  process.exit(1);
});
