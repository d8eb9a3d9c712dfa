/**
 * Exports the store catalogue (every product with its category) as CSV, page by page.
 *
 *   node examples/dist/export-store-csv.js --sandbox > store.csv
 *
 * --archived  include archived products (left out by default)
 * --sandbox   use the built-in sandbox;  --server <path/to/cli.js> to run a server that is not on PATH
 */
import { flags, type Io, runIfMain, Session } from "./session.js";

interface Category {
  _id: string;
  name: string;
}
interface Product {
  _id: string;
  name: string;
  categoryID?: string;
  type?: string;
  price?: number;
  discountPrice?: number;
  stocks?: number;
  totalOrders?: number;
  isArchived?: boolean;
}

const PAGE = 100;
const COLUMNS = ["id", "name", "category", "type", "price", "discountPrice", "stocks", "totalOrders", "archived"] as const;

/** Every item of a skip/limit list: pages until one comes back short. */
async function all<T>(session: Session, tool: string): Promise<T[]> {
  const items: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await session.call<T[]>(tool, { skip, limit: PAGE });
    items.push(...page);
    if (page.length < PAGE) return items;
  }
}

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
const field = (value: unknown): string => {
  const text = value === undefined || value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export async function main(argv: string[], io: Io): Promise<void> {
  const opts = flags(argv);
  const server = opts.get("server");
  const session = await Session.start({
    sandbox: opts.has("sandbox"),
    server: typeof server === "string" ? server : undefined,
    toolsets: ["store"],
  });
  try {
    const categories = new Map((await all<Category>(session, "list_store_categories")).map((c) => [c._id, c.name]));
    const products = (await all<Product>(session, "list_store_products")).filter((p) => opts.has("archived") || !p.isArchived);
    io.print(COLUMNS.join(","));
    for (const p of products) {
      const category = p.categoryID ? (categories.get(p.categoryID) ?? p.categoryID) : "";
      const row = [
        p._id,
        p.name,
        category,
        p.type,
        p.price,
        p.discountPrice,
        p.stocks,
        p.totalOrders,
        p.isArchived ? "yes" : "no",
      ];
      io.print(row.map(field).join(","));
    }
  } finally {
    await session.close();
  }
}

runIfMain(import.meta.url, main);
