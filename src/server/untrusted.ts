import type { Unwrapped } from "../client/types.js";
import type { ToolDef } from "../registry/types.js";

/**
 * Text that community members wrote (messages, names, bios, product and reward text, field values)
 * reaches the assistant through the tools that declare `memberText`. Such text may hide
 * instructions in characters a person never sees, so those are stripped, and the result is
 * labelled so that the client and the assistant (told in the server instructions) treat it as
 * data. Everything visible stays as it is, and other tools' results are not touched at all.
 */

/** The `_meta` key of a result that carries member-written text. */
export const UNTRUSTED_META = "ai.returning/untrusted";

/**
 * What GitHub's MCP server strips (pkg/sanitize, FilterInvisibleCharacters): zero-width and
 * hidden modifier characters (U+200B, U+200C, U+00AD, U+FEFF, U+180E, U+2060–2064), directional
 * marks (U+200E, U+200F, U+061C), bidi controls and isolates (U+202A–202E, U+2066–2069) and
 * Unicode tag characters (U+E0001, U+E0020–E007F). The zero-width joiner stays: emoji need it.
 * Variation selectors (U+FE00–FE0F, U+E0100–E01EF) are matched too and kept only where they
 * form a real variation sequence (see keepsSelector).
 */
const INVISIBLE =
  /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0001}\u{E0020}-\u{E007F}]|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;

const SELECTOR = /^(?:[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}])$/u;
/** What Go's unicode.IsGraphic takes, less spaces (a selector after a space is orphaned). */
const GRAPHIC = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const HAN = /^\p{Script=Han}$/u;

/**
 * GitHub's rule: a selector is kept only right after a visible character it can modify (an
 * ideograph for the supplement; for ASCII only the keycap bases # * 0-9, and only VS15/VS16).
 * One at the start, after a stripped character or after another selector hides data, and goes.
 */
function keepsSelector(selector: string, before: string | undefined): boolean {
  if (before === undefined || SELECTOR.test(before) || !GRAPHIC.test(before)) return false;
  if ((selector.codePointAt(0) as number) >= 0xe0100) return HAN.test(before);
  if (before.length === 1 && before.charCodeAt(0) < 0x80) return /[#*0-9]/.test(before) && /[\uFE0E\uFE0F]/.test(selector);
  return true;
}

/** The code point just before `offset` in `text`, whole even when it is a surrogate pair. */
function pointBefore(text: string, offset: number): string | undefined {
  if (offset === 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  const pair = offset >= 2 && low >= 0xdc00 && low <= 0xdfff && (text.charCodeAt(offset - 2) & 0xfc00) === 0xd800;
  return text.slice(pair ? offset - 2 : offset - 1, offset);
}

/** `text` without the characters GitHub's MCP server strips; the same string when it holds none. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, (char, offset: number, whole: string) =>
    SELECTOR.test(char) && keepsSelector(char, pointBefore(whole, offset)) ? char : "",
  );
}

/**
 * The payload a tool's result is built from, with member text cleaned, its JSON text (which the
 * result reuses rather than writing it again), and the `_meta` that labels it; for a tool without
 * member text, the payload itself and no label. The walk is on the JSON text: outside strings JSON
 * is ASCII, so only keys and string values can change, and the payload is parsed again only when
 * something was stripped. (A selector after a control character that JSON escapes, e.g. \u0001, is
 * judged by the escape's last character; a lone selector is all that can survive that way.)
 */
export function screenMemberText(
  tool: Pick<ToolDef, "memberText">,
  payload: Unwrapped,
): { payload: Unwrapped; json: string; label: { _meta?: Record<string, unknown> } } {
  const json = JSON.stringify(payload);
  if (!tool.memberText) return { payload, json, label: {} };
  const clean = stripInvisible(json);
  const screened = clean === json ? payload : (JSON.parse(clean) as Unwrapped);
  return { payload: screened, json: clean, label: { _meta: { [UNTRUSTED_META]: true } } };
}
