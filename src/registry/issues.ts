import type { z } from "zod";

type Args = Record<string, unknown>;

/** Both the MCP tools and the sandbox report a failed schema the same way, from the same tables. */

const valueAt = (args: Args, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    args,
  );

/** A field name as an error shows it: plain names as they are, odd ones (empty, `:`) quoted, long ones cut. */
export function shownName(name: string): string {
  const cut = name.length > 60 ? `${name.slice(0, 57)}...` : name;
  return /^[\w$-]+$/.test(cut) ? cut : JSON.stringify(cut);
}

/** "leaderboardID: must be a 24-hex ObjectId; slug: required": field first, as a human would fix it. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], args: Args): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join(".") : "(arguments)";
    if (issue.code === "unrecognized_keys") {
      // Full paths (`widget.foo`), and names cut: a field name can be as long as the message allows.
      const prefix = issue.path.length ? `${field}.` : "";
      return `${issue.keys.map((k) => prefix + shownName(k)).join(", ")}: unknown field`;
    }
    // A missing enum reports invalid_value, not invalid_type; either way the field was not given.
    const missing = (issue.code === "invalid_type" || issue.code === "invalid_value") && valueAt(args, issue.path) === undefined;
    return `${field}: ${missing ? "required" : issue.message.replace(/^Invalid input: /, "")}`;
  });
  const more = issues.length > 5 ? ` (+${issues.length - 5} more)` : "";
  return parts.join("; ") + more;
}
