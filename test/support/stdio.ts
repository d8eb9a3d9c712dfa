import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

export interface Spawned {
  client: Client;
  /** What the server wrote to stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/**
 * A server started the way an MCP client starts one: a child process over stdio, with only PATH and
 * the given settings in its environment, not at a terminal.
 */
export async function spawnServer(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
): Promise<Spawned> {
  const transport = new StdioClientTransport({
    command,
    args,
    env: { PATH: process.env.PATH ?? "", ...env },
    stderr: "pipe",
    cwd,
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: "spawning-test", version: "1.0.0" });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}
