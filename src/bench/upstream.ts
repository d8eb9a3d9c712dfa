import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import { startSandbox } from "../sandbox/index.js";

export interface Upstream {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

/** The path every measured call asks for: a page of the demo community's leaderboards. */
export const LIST_PATH = "/leaderboards?limit=20";

/**
 * A local stand-in for the API that answers every request with the same recorded page (taken once
 * from the sandbox), so that the measured time is ours and the baseline's, not the upstream's.
 */
export async function startUpstream(): Promise<Upstream> {
  const sandbox = await startSandbox();
  const recorded = await request(`${sandbox.url}${LIST_PATH}`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } });
  const body = await recorded.body.text();
  await sandbox.close();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: sandbox.apiKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
