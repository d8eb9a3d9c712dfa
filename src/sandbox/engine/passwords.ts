import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The sandbox keeps members' passwords only as salted digests, in the handler-owned `credentials`
 * collection (never on the user record), so no listing or lookup can ever return one.
 */
const digest = (userId: string, password: string): Buffer =>
  createHash("sha256").update(`returning-ai-mcp sandbox password\0${userId}\0${password}`).digest();

export const hashPassword = (userId: string, password: string): string => digest(userId, password).toString("hex");

export function passwordMatches(userId: string, password: string, stored: unknown): boolean {
  const expected = typeof stored === "string" ? Buffer.from(stored, "hex") : Buffer.alloc(0);
  const presented = digest(userId, password);
  return expected.length === presented.length && timingSafeEqual(presented, expected);
}
