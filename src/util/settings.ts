import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { isIP } from "node:net";
import { resolve } from "node:path";
import { ConfigError } from "../errors.js";

/**
 * Readers for setting values that fail closed: anything not exactly understood is a ConfigError
 * (one line, exit 2), never a silent default. A setting that reads `y` must not leave a server
 * serving writes it was told to hide, or talking to the real API when it was told to use the sandbox.
 */

const TRUE = new Set(["1", "true", "yes", "on"]);
const FALSE = new Set(["0", "false", "no", "off"]);

/**
 * How a setting's value appears in an error. A value pasted into the wrong setting may be a
 * credential, so only what cannot be one is quoted: a short name (letters, `_`, `-`, no digits)
 * or a short typo that does not mix letters and digits. Anything else is told by its kind and
 * length, and a URL by its scheme and host alone: never its user info, path or query.
 */
export function shown(value: string): string {
  const printable = /^[\x20-\x7e]*$/.test(value);
  const name = /^[A-Za-z][A-Za-z_-]{0,39}$/.test(value);
  const typo = value.length <= 12 && !(/[A-Za-z]/.test(value) && /\d/.test(value));
  if (printable && (name || typo)) return `'${value}'`;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && URL.canParse(value) ? new URL(value) : undefined;
  if (url?.host) return `a ${value.length}-character URL to ${url.protocol}//${url.host}`;
  return /^\d+$/.test(value) ? `a ${value.length}-digit number` : `a ${value.length}-character value`;
}

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

/**
 * A credential as copied from the dashboard: printable characters, no spaces or line breaks (a
 * trailing newline from a file would otherwise end up in a header). Never shown, not even in part.
 */
export function credentialSetting(name: string, value: string | undefined, minLength = 1): string | undefined {
  if (!value) return undefined;
  if (!/^[\x21-\x7e]+$/.test(value) || value.length > 4_096) {
    throw new ConfigError(
      `${name} must be printable characters without spaces or line breaks (up to 4096), got a ${value.length}-character value`,
    );
  }
  if (value.length < minLength) {
    throw new ConfigError(`${name} must be at least ${minLength} characters long, got a ${value.length}-character value`);
  }
  return value;
}

export const DNS_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*$/;

/** An address to listen on: an IPv4 or IPv6 address (unbracketed), or a host name such as localhost. */
export function bindHostSetting(name: string, value: string): string {
  if (isIP(value) || DNS_NAME.test(value)) return value;
  throw new ConfigError(
    `${name} must be an IP address or host name to listen on, such as 127.0.0.1, :: or localhost; got ${shown(value)}`,
  );
}

/**
 * A file a setting names (e.g. RETURNING_AI_ROUTES), read whole: a regular file only (a FIFO,
 * /dev/zero or a directory is refused without a read that could block or never end), opened
 * without blocking, and read with the cap enforced while reading, since /proc files report size 0.
 */
export function readSettingFile(name: string, path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new ConfigError(`${name}: cannot open ${shown(path)} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    // Once open, the path names a real file: showing it helps, and tells nothing a secret would.
    if (!fstatSync(fd).isFile()) throw new ConfigError(`${name}: ${path} is not a regular file`);
    const buffer = Buffer.alloc(maxBytes + 1);
    let size = 0;
    try {
      for (let read = -1; read !== 0 && size <= maxBytes; size += read) {
        read = readSync(fd, buffer, size, buffer.length - size, null);
      }
    } catch (error) {
      throw new ConfigError(`${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
    if (size > maxBytes) throw new ConfigError(`${name}: ${path} is larger than ${maxBytes} bytes`);
    return buffer.subarray(0, size).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
