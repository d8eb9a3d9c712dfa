import { statSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError } from "../errors.js";

/**
 * Readers for setting values that fail closed: anything not exactly understood is a ConfigError
 * (one line, exit 2), never a silent default. A setting that reads `y` must not leave a server
 * serving writes it was told to hide, or talking to the real API when it was told to use the sandbox.
 */

const TRUE = new Set(["1", "true", "yes", "on"]);
const FALSE = new Set(["0", "false", "no", "off"]);

/** Quoted, and cut, so that a pasted secret or a megabyte of junk does not fill the error line. */
export const shown = (value: string): string => `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;

/** Unset or empty is the default; otherwise exactly 1/0/true/false/yes/no/on/off, any case. */
export function booleanSetting(name: string, value: string | undefined, fallback = false): boolean {
  if (value === undefined || value === "") return fallback;
  const word = value.trim().toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  throw new ConfigError(`${name} must be one of 1, 0, true, false, yes, no, on, off; got ${shown(value)}`);
}

export function enumSetting<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === "") return fallback;
  const word = value.trim().toLowerCase();
  const match = allowed.find((a) => a === word);
  if (match === undefined) throw new ConfigError(`${name} must be one of ${allowed.join(", ")}; got ${shown(value)}`);
  return match;
}

/** A whole number in range, written as plain decimal digits (no `1e3`, `0x10`, ` 5` or `+5`). */
export function integerSetting(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === "") return fallback;
  const n = /^-?\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got ${shown(value)}`);
  }
  return n;
}

const parseUrl = (value: string): URL | undefined => (URL.canParse(value) ? new URL(value) : undefined);

/** An absolute http(s) URL without credentials, query or fragment; trailing slashes dropped. */
export function urlSetting(name: string, value: string): string {
  const parsed = parseUrl(value);
  const ok =
    parsed &&
    (parsed.protocol === "https:" || parsed.protocol === "http:") &&
    !parsed.username &&
    !parsed.password &&
    !parsed.search &&
    !parsed.hash;
  if (!ok) throw new ConfigError(`${name} must be an http(s) URL without credentials or query, got ${shown(value)}`);
  return value.replace(/\/+$/, "");
}

/**
 * A browser origin exactly as browsers send it: scheme, host and optional port, nothing else.
 * Anything longer (a path, a trailing slash, a wildcard) would never match and hide a typo.
 */
export function originSetting(name: string, value: string): string {
  const parsed = parseUrl(value);
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:") || parsed.origin !== value) {
    throw new ConfigError(`${name}: ${shown(value)} is not an origin such as https://app.example.com (no path or slash)`);
  }
  return value;
}

/** A Host header name (DNS name, IPv4 or bracketed IPv6), compared by hostname. */
export function hostnameSetting(name: string, value: string): string {
  const ok = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)$/i.test(value);
  if (!ok) throw new ConfigError(`${name}: ${shown(value)} is not a host name such as mcp.example.com`);
  return value.toLowerCase();
}

/** Comma-separated items, each checked; unset or blank is undefined. */
export function listSetting(value: string | undefined, check: (item: string) => string = (item) => item): string[] | undefined {
  const items = value
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map(check);
  return items?.length ? items : undefined;
}

/** An existing folder, made absolute: a typo must not leave uploads reading from nowhere, or from somewhere else. */
export function folderSetting(name: string, value: string): string {
  const path = resolve(value);
  let folder = false;
  try {
    folder = statSync(path).isDirectory();
  } catch {}
  if (!folder) throw new ConfigError(`${name}: ${shown(value)} is not a folder`);
  return path;
}
