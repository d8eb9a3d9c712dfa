import { serverTools } from "../../tools/legacy/servers.js";
import { bindTools, crud, type SandboxResource } from "../engine/bind.js";

const servers: SandboxResource = { name: "servers", noun: "server", plural: "servers" };

export const serverBehaviours = bindTools(serverTools, {
  legacy_list_servers: crud(servers, "list"),
  legacy_create_server: crud(servers, "create"),
  legacy_update_server_metadata: crud(servers, "update"),
});
