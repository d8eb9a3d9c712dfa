/** A guide an assistant can read while it works: fixed text, in our own words, traced to the catalog pages it draws on. */
export interface Guide {
  /** `returning-ai://guides/<name>` */
  uri: string;
  name: string;
  title: string;
  /** One line: when an assistant should read it. */
  description: string;
  /** Ids of the `shared/api-reference` entries whose facts it states. */
  catalogIds: readonly string[];
  /** The docs/ page it serves, for people who read the same text on GitHub or in the package. */
  page?: string;
  /** Markdown; read when a client asks, not at startup. */
  text: () => string;
}
