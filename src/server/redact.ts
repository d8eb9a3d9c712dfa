import type { ToolDef } from "../registry/types.js";
import { normalName, RECORD_SECRETS, SECRET_NAMES } from "./secret-fields.js";

/**
 * Secrets must not reach the assistant, its logs or ours. Two nets: fields that hold a secret (by
 * the rules of secret-fields.ts, plus the ones a tool names) are masked wherever they appear, and
 * every known secret string (credentials in use, the confirm secret, secret arguments, secrets
 * found in a response) is cut out of every text and property name.
 */

export const REDACTED = "[redacted]";

/** Keeps the last four characters of a long secret so that a person can tell keys apart. */
export function mask(secret: string): string {
  return secret.length >= 16 ? `****${secret.slice(-4)}` : "****";
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Deeper than any real payload; the input checks refuse deeper arguments before they get here. */
const MAX_DEPTH = 64;

/** Shorter strings would cut ordinary words out of texts; no real credential is this short. */
const MIN_SECRET_LENGTH = 6;

/**
 * The ways a secret can show up in a text: as is, inside JSON, URL-encoded (as needed, or every
 * byte), and base64-encoded (standard and URL alphabet) at any of the three byte offsets it can
 * sit at inside a longer encoded text (`user:key` in a Basic header). Case is ignored when matching, so upper-cased
 * and %2f-style spellings need no entry of their own.
 */
const spellings = (secret: string): readonly string[] => remembered(SPELLED, secret, () => spell(secret));

/**
 * The same credentials come with every call, and spelling them out and compiling their pattern
 * was a large part of a read call's cost: both are kept, a bounded number of them, for the
 * process (they hold nothing that the process does not hold already).
 */
const MEMO_SIZE = 256;
const SPELLED = new Map<string, readonly string[]>();
const PATTERNS = new Map<string, RegExp>();

/** The value kept under `key`, made and kept when missing; a full memo starts over rather than grow. */
function remembered<V>(memo: Map<string, V>, key: string, make: () => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    value = make();
    memo.set(key, value);
  }
  return value;
}

function spell(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const everyByte = [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
  const encoded = [0, 1, 2].flatMap((offset) => {
    // Only the base64 characters whose six bits all come from the secret's bytes are fixed.
    const text = Buffer.concat([Buffer.alloc(offset), bytes, Buffer.alloc(2)]);
    const from = Math.ceil((8 * offset) / 6);
    const to = Math.floor((8 * (offset + bytes.length)) / 6);
    return [text.toString("base64").slice(from, to), text.toString("base64url").slice(from, to)];
  });
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), everyByte, ...encoded])].filter(
    (s) => s.length >= MIN_SECRET_LENGTH,
  );
}

/**
 * Characters that show nothing: a secret split by them still reads as the secret to a person or
 * a model, so matching skips them (zero-width, joiners, bidi controls, soft hyphen, Unicode tags).
 */
const INVISIBLE =
  "(?:[\\u00AD\\u034F\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]|\\uDB40[\\uDC00-\\uDC7F])";
const HAS_INVISIBLE = new RegExp(INVISIBLE);
const ALL_INVISIBLE = new RegExp(INVISIBLE, "g");

const literal = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

/**
 * Longest first, so that a secret containing another is cut whole. Shared between calls: `search`
 * and `replace` start a global pattern from the beginning whatever its lastIndex.
 */
function alternation(spelled: Iterable<string>, join: (s: string) => string, kind: "plain" | "split"): RegExp {
  const source = [...spelled]
    .sort((a, b) => b.length - a.length)
    .map(join)
    .join("|");
  return remembered(PATTERNS, `${kind}\0${source}`, () => new RegExp(source, "gi"));
}

export class Redactor {
  #secrets = new Set<string>();
  /** The secrets' set (and its patterns) came from another redactor: copied before the first change. */
  #borrowed = false;
  /** Built when first needed after a change: every spelling, and every spelling with invisibles between its characters. */
  #plain: RegExp | undefined;
  #split: RegExp | undefined;
  /** Field names (normalised) this redactor masks besides SECRET_NAMES, e.g. a tool's `key`. */
  #fields: ReadonlySet<string>;

  constructor(secrets: Iterable<string | undefined> = [], fields: Iterable<string> = []) {
    this.#fields = new Set([...fields].map(normalName));
    this.add(secrets);
  }

  /** A redactor that starts where this one is: the same secrets, fields and built patterns, shared until one of them adds. */
  copy(): Redactor {
    if (this.#secrets.size) this.#plain ??= alternation(this.#secrets, literal, "plain");
    const twin = new Redactor();
    twin.#secrets = this.#secrets;
    twin.#borrowed = this.#borrowed = true;
    twin.#plain = this.#plain;
    twin.#split = this.#split;
    twin.#fields = this.#fields;
    return twin;
  }

  add(secrets: Iterable<string | undefined>): this {
    for (const secret of secrets) {
      if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) continue;
      if (this.#borrowed) {
        this.#secrets = new Set(this.#secrets);
        this.#borrowed = false;
      }
      for (const s of spellings(secret)) this.#secrets.add(s);
      this.#plain = this.#split = undefined;
    }
    return this;
  }

  /** Whether `text` shows a known secret in any spelling; cheap, since most texts hold no invisible characters. */
  #shows(text: string): boolean {
    if (!this.#secrets.size) return false;
    this.#plain ??= alternation(this.#secrets, literal, "plain");
    const visible = HAS_INVISIBLE.test(text) ? text.replace(ALL_INVISIBLE, "") : text;
    return visible.search(this.#plain) !== -1;
  }

  /** Whether `name` holds a secret in `record` (its siblings tell what kind of record it is). */
  isSecretField(name: string, record: Obj): boolean {
    const normal = normalName(name);
    if (SECRET_NAMES.has(normal) || this.#fields.has(normal)) return true;
    return RECORD_SECRETS.some((rule) => rule.field === name && rule.besides in record);
  }

  /** Every string held by a secret field, at any depth; add them so that an echo elsewhere is cut too. */
  harvest(value: unknown, inSecret = false, found: string[] = [], depth = 0): string[] {
    if (depth > MAX_DEPTH) return found;
    if (typeof value === "string") {
      if (inSecret) found.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) this.harvest(item, inSecret, found, depth + 1);
    } else if (isObj(value)) {
      for (const [name, field] of Object.entries(value)) {
        this.harvest(field, inSecret || this.isSecretField(name, value), found, depth + 1);
      }
    }
    return found;
  }

  /**
   * Whether value() and harvest() would leave `value` as it is but for known secrets in its
   * strings: no field name that could hold a secret (judged once a process, see HARMLESS) and
   * nothing nested MAX_DEPTH deep. Most answers are like that; then shows() on the text that is
   * shown is all the redaction they need.
   */
  namesHarmless(value: unknown): boolean {
    return this.#namesHarmless(value, harmlessNames(this.#fields), 0);
  }

  /** Whether `text` shows a known secret in any spelling. */
  shows(text: string): boolean {
    return this.#shows(text);
  }

  /** Every property name at any depth harmless, and containers nested less than MAX_DEPTH deep. */
  #namesHarmless(value: unknown, known: Set<string>, depth: number): boolean {
    if (typeof value !== "object" || value === null) return true;
    if (depth >= MAX_DEPTH - 1) return false;
    if (Array.isArray(value)) return value.every((item) => this.#namesHarmless(item, known, depth + 1));
    for (const name in value) {
      if (!known.has(name)) {
        const normal = normalName(name);
        if (SECRET_NAMES.has(normal) || this.#fields.has(normal) || RECORD_SECRETS.some((r) => r.field === name)) return false;
        if (known.size < MAX_HARMLESS) known.add(name);
      }
      if (!this.#namesHarmless((value as Obj)[name], known, depth + 1)) return false;
    }
    return true;
  }

  text(text: string): string {
    if (!this.#shows(text)) return text;
    // Slow, but only run on a text that does show a secret.
    this.#split ??= alternation(this.#secrets, (s) => [...s].map(literal).join(`${INVISIBLE}*`), "split");
    return text.replace(HAS_INVISIBLE.test(text) ? this.#split : (this.#plain as RegExp), REDACTED);
  }

  /** A copy with secret fields masked and known secrets cut from every string and property name. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === "string") return this.text(value);
    if (depth > MAX_DEPTH) return REDACTED;
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    if (!isObj(value)) return value;
    const out: Obj = {};
    for (const [name, field] of Object.entries(value)) {
      out[this.text(name)] = this.isSecretField(name, value) ? maskField(field) : this.value(field, depth + 1);
    }
    return out;
  }
}

/**
 * Property names already found harmless, by the extra secret fields they were judged against: an
 * API's answers reuse a small vocabulary, and judging each name again on every call cost more
 * than the scan itself. Bounded, since a name is data the API chose.
 */
const HARMLESS = new Map<string, Set<string>>();
const MAX_HARMLESS = 4096;

const harmlessNames = (fields: ReadonlySet<string>): Set<string> =>
  remembered(HARMLESS, [...fields].sort().join("\0"), () => new Set<string>());

function maskField(field: unknown): unknown {
  // Already masked (a preview is redacted once when built and again as part of its result).
  if (typeof field === "string") return /^\*{4}.{0,4}$/.test(field) || field === REDACTED ? field : mask(field);
  return field === null || field === undefined || typeof field === "boolean" ? field : REDACTED;
}

/**
 * The redactor of one call: the known secrets (credentials in use, the confirm secret), the
 * secret fields the tool's records have, and whatever its arguments hold in secret fields.
 */
export function redactorFor(tool: ToolDef, known: Iterable<string | undefined>, args: unknown): Redactor {
  const fields = [...(tool.secretFields ?? []), tool.revealsSecret].filter((f): f is string => Boolean(f));
  const redact = baseRedactor([...known], fields).copy();
  return redact.add(redact.harvest(args));
}

/**
 * The same credentials and fields come with every call: their redactor, patterns built, is kept
 * (a bounded number of them) and each call starts from a copy of it.
 */
const BASES = new Map<string, Redactor>();

const baseRedactor = (known: readonly (string | undefined)[], fields: readonly string[]): Redactor =>
  remembered(BASES, `${known.join("\0")}\u0001${fields.join("\0")}`, () => new Redactor(known, fields));
