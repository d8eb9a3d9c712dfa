import { userApiKeys } from "../tools/user-api-keys.js";
import { crud, type HandlerInput, type SandboxResource, sandboxFor } from "./engine/bind.js";
import { findUser } from "./engine/members.js";
import { OPS, type OpInput } from "./engine/ops.js";

const userApiKeyResource: SandboxResource = {
  name: "userApiKeys",
  noun: "user API key",
  plural: "user API keys",
  scopeParam: "userId",
  searchFields: ["name"],
  unique: ["name"],
  secretField: "key",
};

/** The key the caller is using, as the sandbox reports it to get_current_api_key_info. */
const currentApiKeyResource: SandboxResource = {
  name: "currentApiKey",
  noun: "API key",
  plural: "API keys",
  singleton: true,
};

/**
 * List and Create take the owner as a `userId` query argument, not a path segment, so they are
 * handlers; they run the generic operations scoped to that member once the member is known.
 */
function forOwner(input: HandlerInput<{ userId: string }>, body: Record<string, unknown> = {}): OpInput {
  findUser(input.store, input.args.userId);
  return {
    resource: userApiKeyResource,
    store: input.store,
    communityId: input.communityId,
    scope: input.args.userId,
    args: input.args,
    body,
  };
}

export const userApiKeysSandbox = sandboxFor(userApiKeys, {
  list_user_api_keys: (input) => OPS.list(forOwner(input)),

  create_user_api_key(input) {
    const { userId: _owner, ...fields } = input.args;
    return OPS.create(forOwner(input, { communityId: input.communityId, ...fields, isActive: true }));
  },

  update_user_api_key: crud(userApiKeyResource, "update"),
  delete_user_api_key: crud(userApiKeyResource, "delete"),
  get_current_api_key_info: crud(currentApiKeyResource, "read-singleton"),
});
