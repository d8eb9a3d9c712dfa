import { DEMO } from "../demo.js";
import { auth } from "../tools/auth.js";
import { SANDBOX_CREDENTIALS } from "./engine/auth.js";
import { sandboxFor } from "./engine/bind.js";
import { SandboxError } from "./engine/envelope.js";
import { passwordMatches } from "./engine/passwords.js";
import { newObjectId, newSecret } from "./engine/store.js";
import { accountNames, accounts, addAccount, byEmail, sameText, signedIn, update } from "./users.js";

/** Sign-in: registration, email verification, password and Secure Auth logins, over the users area's accounts. */
export const authSandbox = sandboxFor(auth, {
  register_user(input) {
    const a = input.args;
    const user = addAccount(input, {
      ...accountNames(a),
      status: "unverified",
      password: a.password,
    });
    // No mailbox in a sandbox: the "sent" code is DEMO.verificationCode.
    input.store.collection("emailVerifications").push({ _id: user._id, email: user.email, code: DEMO.verificationCode });
    return { statusCode: 201, message: "Register user success. A verification code was sent to the email.", data: user };
  },

  verify_user_email(input) {
    const { email, code } = input.args;
    const user = byEmail(input, email);
    const pending = input.store.collection("emailVerifications");
    const entry = pending.find((v) => v._id === user._id);
    if (!entry) throw new SandboxError(409, "Email already verified.");
    if (entry.code !== code) throw new SandboxError(400, "code: invalid verification code.");
    pending.splice(pending.indexOf(entry), 1);
    return { statusCode: 200, message: "Verify email success.", data: update(input.store, user, { status: "active" }) };
  },

  log_in_user(input) {
    const { email, password } = input.args;
    const user = accounts(input.store, input.communityId).find((u) => sameText(u.email, email));
    const stored = input.store.collection("credentials").find((c) => c._id === user?._id)?.passwordHash;
    // One answer for an unknown email, a deleted account and a wrong password: nothing to probe.
    if (!user || user.status === "deleted" || !passwordMatches(user._id, password, stored)) {
      throw new SandboxError(400, "Invalid email or password.");
    }
    if (user.status === "unverified") throw new SandboxError(403, "Email not verified: verify it with the code sent first.");
    return { statusCode: 200, message: "Login success.", data: { token: newSecret(), user: signedIn(input.store, user) } };
  },

  create_secure_auth_login(input) {
    const a = input.args;
    const username = a.userId;
    let user = accounts(input.store, input.communityId).find((u) => sameText(u.username, username));
    if (user && a.action === "register") throw new SandboxError(409, "A user with this username already exists.");
    if (!user) {
      if (!a.email) throw new SandboxError(400, "email: required to create a user that does not exist yet.");
      const level = Number(a.accessLevel);
      user = addAccount(input, {
        username,
        email: a.email,
        firstName: a.firstname,
        lastName: a.lastname,
        displayName: a.displayname,
        status: "active",
        extra: { accessLevel: Number.isInteger(level) ? level : a.accessLevel },
      });
    }
    if (user.status === "deleted") throw new SandboxError(403, "This user's account is deleted.");
    if (user.status === "banned") throw new SandboxError(403, "This user is banned.");
    signedIn(input.store, user);
    // The real link carries the API key; the sandbox's never does (it has no key to hide).
    const host = SANDBOX_CREDENTIALS.communityHost;
    const sessionId = newObjectId();
    const loginUrl = `https://${host}/v2/app/loginApi/${sessionId}/${encodeURIComponent(a.accessLevel ?? "")}?token=${newSecret()}&host=${host}`;
    return { statusCode: 200, message: "Secure auth success.", data: { error: false, loginUrl, sessionId } };
  },
});
