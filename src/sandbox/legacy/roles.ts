import { roleTools } from "../../tools/legacy/roles.js";
import { bindTools, crud, type SandboxResource } from "../engine/bind.js";
import { grant, held, member, ROLE, revoke } from "./grants.js";

const roles: SandboxResource = { name: "roles", noun: "role", plural: "roles" };

export const roleBehaviours = bindTools(roleTools, {
  legacy_list_server_roles: crud(roles, "list"),
  legacy_create_role: crud(roles, "create"),
  legacy_update_role: crud(roles, "update"),
  legacy_delete_role: crud(roles, "delete"),
  legacy_list_user_roles: (input) => ({
    statusCode: 200,
    message: "User roles fetched successfully",
    data: held(input, ROLE, member(input)._id),
  }),
  legacy_add_role_to_user: (input) => grant(input, ROLE, "Role has been added successfully"),
  legacy_remove_role_from_user: (input) => revoke(input, ROLE, "Role has been removed successfully"),
});
