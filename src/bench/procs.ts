import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { Upstream } from "./upstream.js";

/** dist/ paths of the bundles the bench spawns: our CLI and the bare SDK servers. */
export const script = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const OURS = script("../cli.js");
export const BARE_STDIO = script("./bare-stdio.js");
export const BARE_HTTP = script("./bare-http.js");

export const childEnv = (upstream: Upstream): Record<string, string> => ({
  PATH: process.env.PATH ?? "",
  RETURNING_AI_API_KEY: upstream.apiKey,
  RETURNING_AI_LOG_LEVEL: "error",
  BENCH_UPSTREAM: upstream.url,
});

/** A stdio MCP client of a spawned server, and the server's pid for its CPU time. */
export async function stdioClient(args: string[], env: Record<string, string>): Promise<{ client: Client; pid: number }> {
  const client = new Client({ name: "bench", version: "1" });
  const transport = new StdioClientTransport({ command: process.execPath, args, env, stderr: "ignore" });
  await client.connect(transport);
  return { client, pid: transport.pid ?? 0 };
}

/** CPU time (user + system, ms) a process has used so far; Linux only, 0 elsewhere. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

/** The most resident memory (MB) a process has held so far (VmHWM); Linux only, 0 elsewhere. */
export function peakRssMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const accepts = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, host, () => resolve(Boolean(socket.end())));
    socket.once("error", () => resolve(false));
  });

/** Spawns a server process and waits until its port takes connections (at `url`, or the URL it prints). */
export async function httpChild(
  args: string[],
  env: Record<string, string>,
  url?: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "ignore"] });
  const found =
    url ??
    (await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        const line = out.split("\n")[0];
        if (out.includes("\n") && line) resolve(line.trim());
      });
      child.once("exit", (code) => reject(new Error(`${args[0]} exited with ${code} before serving`)));
    }));
  const { hostname, port } = new URL(found);
  for (let i = 0; i < 400; i++) {
    if (await accepts(hostname, Number(port))) return { url: found, child };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill();
  throw new Error(`${args[0]} did not serve ${found}`);
}
