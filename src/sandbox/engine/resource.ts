/** The generic operations the sandbox runs on a declared collection. */
export type CrudOp = "list" | "get" | "create" | "update" | "delete" | "read-singleton" | "update-singleton";

/** A collection the sandbox keeps in memory, with the rules the real API documents for it. */
export interface SandboxResource {
  /** The store collection's name. */
  name: string;
  /** Singular noun for messages: "Read leaderboard success." */
  noun: string;
  /** Plural noun for list messages. */
  plural: string;
  /** `page` (page/limit) or `skip` (skip/limit), as the list route documents. */
  pagination?: "page" | "skip";
  /** Fields that `search=keyword:<v>` matches. */
  searchFields?: readonly string[];
  /** Fields whose value must be unique within the scope: a duplicate is a 409. */
  unique?: readonly string[];
  /** Fields besides `_id` that find a record (e.g. a human-readable order id). */
  altIds?: readonly string[];
  /** Path param that scopes the collection (e.g. communityId); records carry it. */
  scopeParam?: string;
  /** Field that holds a generated secret on create (e.g. an API key's `key`). */
  secretField?: string;
  /** List fields that a write adds to a count instead of storing: adding vouchers grows `stocks`. */
  countInto?: Readonly<Record<string, string>>;
  singleton?: boolean;
}
