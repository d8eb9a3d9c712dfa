import type { ToolDef } from "../../registry/types.js";
import type { OpResult } from "../ops.js";
import type { SandboxStore } from "../store.js";

/** A file part of a multipart request, as the sandbox received it. */
export interface UploadedFile {
  name: string;
  type: string;
  size: number;
  bytes: Buffer;
}

export interface HandlerInput {
  tool: ToolDef;
  store: SandboxStore;
  /** The community the credential stands for. */
  communityId: string;
  /** The tool's arguments rebuilt from path, query and body, validated by its own schema (files left out). */
  args: Record<string, unknown>;
  /** Uploaded files by argument name. */
  files: Record<string, UploadedFile[]>;
}

/**
 * An action route's behaviour (send, react, award ...): changes the store the way the docs
 * describe and answers like the API. Throw SandboxError for an API error.
 */
export type Handler = (input: HandlerInput) => OpResult;

export type Handlers = Readonly<Record<string, Handler>>;
