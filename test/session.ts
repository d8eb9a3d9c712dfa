import { afterAll, beforeAll, expect } from "vitest";
import { type Sandbox, startSandbox } from "../src/sandbox/index.js";
import { type Connected, connectInMemory, textOf } from "./helpers.js";

export interface Session {
  sandbox: Sandbox;
  mcp: Connected;
  /** A confirmation-gated call: the first call must only ask (sending nothing), the second brings its token. */
  confirmed(name: string, args: Record<string, unknown>): ReturnType<Connected["call"]>;
}

/**
 * A fresh sandbox and an MCP client connected to our server on it, for one describe block: its
 * fields are set once the block's tests run.
 */
export function sandboxSession(): Session {
  const session = { confirmed: (name, args) => confirmed(session.mcp, name, args) } as Session;
  beforeAll(async () => {
    session.sandbox = await startSandbox();
    session.mcp = await connectInMemory({ baseUrl: session.sandbox.url, apiKey: session.sandbox.apiKey, keySource: "sandbox" });
  });
  afterAll(async () => {
    await session.mcp.close();
    await session.sandbox.close();
  });
  return session;
}

async function confirmed(mcp: Connected, name: string, args: Record<string, unknown>) {
  const asked = await mcp.call(name, args);
  expect(asked.isError, textOf(asked)).toBeFalsy();
  const { confirmationRequired, confirmToken } = asked.structuredContent as {
    confirmationRequired: boolean;
    confirmToken: string;
  };
  expect(confirmationRequired).toBe(true);
  return mcp.call(name, { ...args, confirm: confirmToken });
}
