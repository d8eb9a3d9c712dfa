import { userApiKeyResource } from "../../tools/user-api-keys.js";
import { findUser } from "../members.js";
import { OPS, type OpInput } from "../ops.js";
import type { HandlerInput, Handlers } from "./types.js";

/**
 * List and Create take the owner as a `userId` query argument, not a path segment, so they are
 * handlers; they run the generic operations scoped to that member once the member is known.
 */
function forOwner(input: HandlerInput, body: Record<string, unknown> = {}): OpInput {
  findUser(input.store, input.args.userId);
  return {
    resource: userApiKeyResource,
    store: input.store,
    communityId: input.communityId,
    scope: input.args.userId as string,
    args: input.args,
    body,
  };
}

export const userApiKeyHandlers: Handlers = {
  list_user_api_keys: (input) => OPS.list(forOwner(input)),

  create_user_api_key(input) {
    const { userId: _owner, ...fields } = input.args;
    return OPS.create(forOwner(input, { communityId: input.communityId, ...fields, isActive: true }));
  },
};
