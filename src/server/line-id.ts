import type { RequestId } from "@modelcontextprotocol/sdk/types.js";

/**
 * The id of a JSON-RPC request that is too large to parse, read from the bytes kept of it: its
 * first ones (`{"jsonrpc":"2.0","id":7,...`, as most clients write it) or its last ones (the SDK's
 * client writes `{"method":...,"params":{...},"jsonrpc":"2.0","id":7}`). Only a top-level `id` is
 * taken; when neither end shows one for sure, null, as JSON-RPC says for an unknown id.
 */

/** Bytes kept of each end of an oversized line: a few scalar members and the id fit well inside. */
export const LINE_END_BYTES = 512;

const SCALAR = String.raw`"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null`;
/** One top-level member with a scalar value, at the start of what is left of the head. */
const MEMBER = new RegExp(String.raw`^\s*("(?:[^"\\]|\\.)*")\s*:\s*(${SCALAR})\s*([,}])`);
/**
 * The last member before the closing brace, when it is `id`: in valid JSON a `"` that follows `{` or
 * `,` opens a key (a `"` inside a string is escaped), and the final `}` closes the top-level object.
 */
const LAST_ID = new RegExp(String.raw`[{,]\s*"id"\s*:\s*(${SCALAR})\s*\}\s*$`);

/** A JSON token's value; undefined for a token that does not parse (the head or tail may be cut). */
function tokenValue(token: string): unknown {
  try {
    return JSON.parse(token);
  } catch {
    return undefined;
  }
}

const asId = (token: string): RequestId | null => {
  const value = tokenValue(token);
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) ? value : null;
};

function idInHead(head: string): RequestId | null {
  if (!/^\s*\{/.test(head)) return null;
  let rest = head.replace(/^\s*\{/, "");
  for (let match = MEMBER.exec(rest); match; match = MEMBER.exec(rest)) {
    const [whole, key = "", value = "", end] = match;
    if (tokenValue(key) === "id") return asId(value);
    if (end === "}") return null;
    rest = rest.slice(whole.length);
  }
  return null;
}

export function requestIdOfLine(head: string, tail: string): RequestId | null {
  const found = idInHead(head);
  if (found !== null) return found;
  const last = LAST_ID.exec(tail);
  return last?.[1] ? asId(last[1]) : null;
}
