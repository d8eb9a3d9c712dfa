import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/demo.js";
import { type Connected, connectInMemory, dataOf, sandboxSession, textOf } from "../support/helpers.js";

type Row = Record<string, unknown>;

const PASSWORD = "Sea-Breeze-77!";
const NEWCOMER = { email: "nora@example.com", username: "nora_new", password: PASSWORD, confirmPassword: PASSWORD };

/** Sign-in routes with their own credentials (system key, Secure Auth headers), against the sandbox. */
describe("auth tools", () => {
  let session: Awaited<ReturnType<typeof sandboxSession>>;
  const call: Connected["call"] = (name, args) => session.mcp.call(name, args);
  beforeAll(async () => {
    session = await sandboxSession();
  });
  afterAll(() => session.close());

  it("registers, verifies the email, then logs in; the password and token never show", async () => {
    const registered = dataOf<Row>(await call("register_user", NEWCOMER));
    expect(registered).toMatchObject({ username: "nora_new", status: "unverified" });

    const early = await call("log_in_user", { email: NEWCOMER.email, password: PASSWORD });
    expect(textOf(early)).toMatch(/403 Forbidden: Email not verified/);
    const wrongCode = await call("verify_user_email", { email: NEWCOMER.email, code: "000000" });
    expect(textOf(wrongCode)).toMatch(/400 Bad Request: code: invalid verification code/);

    const verified = await call("verify_user_email", { email: NEWCOMER.email, code: DEMO.verificationCode });
    expect(dataOf<Row>(verified).status).toBe("active");
    const again = await call("verify_user_email", { email: NEWCOMER.email, code: DEMO.verificationCode });
    expect(textOf(again)).toMatch(/409 Conflict: Email already verified/);

    const login = await call("log_in_user", { email: NEWCOMER.email, password: PASSWORD });
    const signedIn = dataOf<{ token: string; user: Row }>(login);
    expect(signedIn.token).toMatch(/^\*{4}/);
    expect(signedIn.user).toMatchObject({ _id: registered._id, isOnline: true });
    expect(JSON.stringify(login)).not.toContain(PASSWORD);
  });

  it("refuses a wrong password or a taken username without saying which part was wrong", async () => {
    const wrong = await call("log_in_user", { email: DEMO.userEmail, password: "Not-it-1!" });
    expect(textOf(wrong)).toMatch(/400 Bad Request: Invalid email or password/);
    expect(textOf(wrong)).not.toContain("Not-it-1!");
    const unknown = await call("log_in_user", { email: "ghost@example.com", password: "Not-it-1!" });
    expect(textOf(unknown)).toMatch(/Invalid email or password/);

    const taken = await call("register_user", { ...NEWCOMER, email: "other@example.com", username: DEMO.username });
    expect(textOf(taken)).toMatch(/409 Conflict: A user with this username already exists/);
    const mismatch = await call("register_user", { ...NEWCOMER, confirmPassword: "Sea-Breeze-78!" });
    expect(textOf(mismatch)).toContain("confirmPassword: must equal password");
    expect(textOf(mismatch)).not.toContain("Sea-Breeze");
  });

  it("gives a Secure Auth login link and marks the member signed in", async () => {
    const before = dataOf<Row>(await call("get_user", { userId: DEMO.userIds[1] }));
    const link = dataOf<Row>(
      await call("create_secure_auth_login", { action: "login", userId: "ben_builder", accessLevel: "1" }),
    );
    expect(link.error).toBe(false);
    expect(link.loginUrl).toMatch(/^https:\/\/community\.sandbox\.localhost\/v2\/app\/loginApi\/.+\?token=.+&host=/);
    expect(link.sessionId).toMatch(/^[a-f0-9]{24}$/);
    const after = dataOf<Row>(await call("get_user", { userId: DEMO.userIds[1] }));
    expect(after.isOnline).toBe(true);
    expect(after.lastLogin).not.toBe(before.lastLogin);
  });

  it("creates an unknown member on Secure Auth login only when an email is given", async () => {
    const args = { action: "login", userId: "zoe_sso", accessLevel: "3" };
    const noEmail = await call("create_secure_auth_login", args);
    expect(textOf(noEmail)).toMatch(/400 Bad Request: email: required to create a user/);

    const created = await call("create_secure_auth_login", { ...args, email: "zoe@example.com", firstname: "Zoe" });
    expect(dataOf<Row>(created).error).toBe(false);
    const data = dataOf<Row>(await call("get_user_data", { idOrEmail: "zoe@example.com" }));
    expect(data).toMatchObject({ username: "zoe_sso", firstName: "Zoe" });

    const register = await call("create_secure_auth_login", { ...args, action: "register" });
    expect(textOf(register)).toMatch(/409 Conflict: A user with this username already exists/);
    const banned = await call("create_secure_auth_login", { action: "login", userId: "cai_collector", accessLevel: "1" });
    expect(textOf(banned)).toMatch(/403 Forbidden: This user is banned/);
  });

  it("needs the system key and sends nothing without it", async () => {
    const bearerOnly = await connectInMemory({ baseUrl: session.sandbox.url, apiKey: session.sandbox.apiKey, keySource: "env" });
    try {
      const result = await bearerOnly.call("log_in_user", { email: DEMO.userEmail, password: DEMO.userPassword });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/No Returning.AI community system key for log_in_user: set RETURNING_AI_SYSTEM_KEY/);
    } finally {
      await bearerOnly.close();
    }
  });
});
