import type {
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCRequest,
} from "@modelcontextprotocol/sdk/types.js";

/**
 * Which kind a JSON-RPC message is, told by its members. The SDK's guards (isJSONRPCRequest and
 * the like) run a zod parse of the whole message, a tool's result included, and the transport
 * asked them several times for every call. The messages asked about here are valid already: read
 * through JSONRPCMessageSchema (src/server/stdio.ts) or built by the SDK and us, and each kind is
 * a strict object, so its members say which one it is.
 */
export const isRequest = (m: JSONRPCMessage): m is JSONRPCRequest => "method" in m && "id" in m;

export const isNotification = (m: JSONRPCMessage): m is JSONRPCNotification => "method" in m && !("id" in m);

export const isErrorResponse = (m: JSONRPCMessage): m is JSONRPCErrorResponse => "error" in m;

/** An answer to a request: a result or an error. */
export const isResponse = (m: JSONRPCMessage): boolean => "result" in m || "error" in m;
