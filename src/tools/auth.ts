import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { SANITY_CAP } from "../registry/schemas.js";
import { checkPasswords, email, password, personName, text, username } from "./users.js";

export const auth = defineToolset({
  name: "auth",
  summary: "member sign-in: password registration and login, Secure Auth login links",
  tools: [
    {
      name: "register_user",
      operation: "auth.register",
      memberText: true,
      title: "Register user with password",
      description: "Register a member with a password; they must verify their email before logging in.",
      input: z
        .strictObject({
          email,
          username,
          password,
          confirmPassword: z.string().max(SANITY_CAP),
          firstname: personName.optional(),
          lastname: personName.optional(),
          displayname: personName.optional(),
        })
        .superRefine(checkPasswords),
      example: {
        email: "new.member@example.com",
        username: "new_member",
        password: "Welcome-2026!",
        confirmPassword: "Welcome-2026!",
      },
      risk: "write",
    },
    {
      name: "verify_user_email",
      operation: "auth.verify-email",
      memberText: true,
      title: "Verify user email",
      description: "Confirm a registered member's email with the code they were sent.",
      input: z.strictObject({ email, code: text }),
      example: { email: DEMO.pendingUserEmail, code: DEMO.verificationCode },
      risk: "write",
    },
    {
      name: "log_in_user",
      operation: "auth.login",
      memberText: true,
      title: "Log in user with password",
      description: "Check a member's email and password and open a session; the token is masked.",
      input: z.strictObject({ email, password: z.string().min(1).max(SANITY_CAP) }),
      example: { email: DEMO.userEmail, password: DEMO.userPassword },
      risk: "write",
    },
    {
      name: "create_secure_auth_login",
      operation: "auth.secure-auth",
      title: "Secure Auth login link",
      description:
        "Get a one-time login URL for a member by username; creates the member if unknown (needs email). The URL embeds the system key, so it comes back redacted.",
      input: z.strictObject({
        action: z.enum(["login", "register"]),
        userId: username.describe("username"),
        accessLevel: text.describe("Login Management access level, e.g. 1"),
        email: email.optional().describe("for a new user"),
        firstname: personName.optional(),
        lastname: personName.optional(),
        displayname: personName.optional(),
      }),
      example: { action: "login", userId: DEMO.username, accessLevel: "1" },
      risk: "write",
    },
  ],
});
