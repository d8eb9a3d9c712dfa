import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { isErrorResponse } from "./jsonrpc-kind.js";

/**
 * McpError puts "MCP error <code>: " in front of its message, and a client that receives the error
 * wraps it in another McpError, so the person read "MCP error -32602: MCP error -32602: ...".
 * The code travels in its own field; the message on the wire goes without the prefix.
 */
export function withPlainErrors<T extends Transport>(transport: T): T {
  const send = transport.send.bind(transport);
  transport.send = (message: JSONRPCMessage, options) => send(plainError(message), options);
  return transport;
}

function plainError(message: JSONRPCMessage): JSONRPCMessage {
  if (!isErrorResponse(message)) return message;
  const prefix = `MCP error ${message.error.code}: `;
  let text = message.error.message;
  while (text.startsWith(prefix)) text = text.slice(prefix.length);
  return text === message.error.message ? message : { ...message, error: { ...message.error, message: text } };
}

/** "Prefix: detail" with the prefix once, however many layers already added it. */
export function prefixOnce(prefix: string, detail: string): string {
  let rest = detail;
  while (rest.startsWith(prefix)) rest = rest.slice(prefix.length).trimStart();
  return `${prefix} ${rest}`;
}
