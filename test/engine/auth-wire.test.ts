import { describe, expect, it } from "vitest";
import { DEMO } from "../../src/demo.js";
import { connectInMemory, recordingApi, textOf } from "../support/helpers.js";

/** Credentials on the wire, where the headers carry more than a Bearer key, against an API that records them. */

describe("Secure Auth against an API that echoes the key", () => {
  it("cuts the system key out of the login URL the real API returns", async () => {
    const KEY = "login-management-key-0042";
    const api = await recordingApi((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const loginUrl = `https://${req.headers.hostname}/v2/app/loginApi/${req.headers.apikey}/2?token=abc`;
      res.end(JSON.stringify({ error: false, loginUrl, sessionId: "s-1" }));
    });
    const mcp = await connectInMemory({ baseUrl: api.url, credentials: { systemKey: KEY, communityHost: "c.example.com" } });
    try {
      const result = await mcp.call("create_secure_auth_login", { action: "login", userId: DEMO.username, accessLevel: "1" });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(JSON.stringify(result)).not.toContain(KEY);
      expect(textOf(result)).toContain("loginApi/[redacted]/2");
      expect(api.requests[0]?.headers).toMatchObject({ apikey: KEY, hostname: "c.example.com" });
    } finally {
      await mcp.close();
      await api.close();
    }
  });
});

describe("incoming-webhook requests on the wire", () => {
  it("sends plain JSON with the webhook key as x-api-key and no encryption header", async () => {
    const api = await recordingApi();
    const mcp = await connectInMemory({ baseUrl: api.url, credentials: { webhookKey: "hook-key-123" } });
    try {
      const args = { idOrEmail: DEMO.userEmail, fields: [{ field: "tier", value: "gold" }] };
      expect((await mcp.call("update_custom_fields_by_webhook", args)).isError).toBeFalsy();
      const [sent] = api.requests;
      expect(sent).toMatchObject({ method: "POST", url: "/incoming-webhooks/update-custom-fields" });
      expect(sent?.headers["x-api-key"]).toBe("hook-key-123");
      expect(sent?.headers["content-type"]).toMatch(/^application\/json/);
      expect(sent?.headers["x-encrypted"]).toBeUndefined();
      expect(sent?.headers.authorization).toBeUndefined();
      expect(JSON.parse(sent?.body ?? "")).toEqual(args);
    } finally {
      await mcp.close();
      await api.close();
    }
  });
});
