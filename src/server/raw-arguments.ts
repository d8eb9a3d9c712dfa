import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { log } from "../log.js";
import { argumentShapeProblem } from "../registry/input-guard.js";
import { errorResult } from "../util/tool-error.js";
import { isRequest } from "./jsonrpc-kind.js";
import type { Redactor } from "./redact.js";

/**
 * The SDK's schema for tools/call drops an own `__proto__` argument before any handler sees it,
 * so callTool's checks can never refuse it: `{"__proto__":{"dryRun":true}}` arrived as `{}` and a
 * write went out. The arguments are therefore checked as they came off the wire, before that
 * schema, and a call that fails is answered here with the tool error callTool would give.
 */
function refusal(message: JSONRPCMessage, redact: () => Redactor): JSONRPCMessage | undefined {
  if (!isRequest(message) || message.method !== "tools/call") return undefined;
  const { name, arguments: args } = (message.params ?? {}) as { name?: unknown; arguments?: unknown };
  if (typeof name !== "string" || args === null || typeof args !== "object") return undefined;
  const problem = argumentShapeProblem(args);
  if (!problem) return undefined;
  // The redactor only for a refusal: building one for every message was a cost of every call.
  const result = errorResult(`Invalid arguments for ${name}: ${problem}. Nothing was sent.`, redact());
  return { jsonrpc: "2.0", id: message.id, result };
}

/** Where `name` is defined on `target` or its prototypes: an SDK transport may forward it with an accessor. */
function descriptorOf(target: object, name: string): PropertyDescriptor | undefined {
  for (let o: object | null = target; o; o = Object.getPrototypeOf(o)) {
    const found = Object.getOwnPropertyDescriptor(o, name);
    if (found) return found;
  }
  return undefined;
}

/**
 * Puts the raw check in front of whatever handler the server installs on `transport` (the
 * server's connect sets `onmessage`, so the check intercepts that assignment, and hands the
 * wrapped handler on to the transport's own setter where it has one).
 */
export function withRawArgumentCheck<T extends Transport>(transport: T, redact: () => Redactor): T {
  const own = descriptorOf(transport, "onmessage");
  let stored: Transport["onmessage"] = own?.get ? undefined : own?.value;
  Object.defineProperty(transport, "onmessage", {
    configurable: true,
    enumerable: true,
    get: () => (own?.get ? own.get.call(transport) : stored),
    set: (next: Transport["onmessage"]) => {
      const checked: Transport["onmessage"] =
        next &&
        ((message, extra) => {
          const answer = refusal(message, redact);
          if (!answer) return next(message, extra);
          transport.send(answer).catch((error: Error) => log.warn(`could not answer a refused call: ${error.message}`));
        });
      if (own?.set) own.set.call(transport, checked);
      else stored = checked;
    },
  });
  return transport;
}
