import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findTool } from "../../src/catalog/index.js";
import { DEMO } from "../../src/demo.js";
import { callConfirmed, dataOf, sandboxSession, textOf } from "../support/helpers.js";

const csv = (name: string, ...lines: string[]) => ({ name, base64: Buffer.from(`${lines.join("\n")}\n`).toString("base64") });

interface Job {
  _id: string;
  type: string;
  status: string;
  totalRows: number;
  processedRows: number;
  failedRows: number;
  results?: Array<{ row: number; user?: string; outcome: string; changes?: Record<string, string>; error?: string }>;
}

/** Bulk uploads and their jobs through an MCP client, our server and real HTTP (multipart) to the sandbox. */
describe("bulk tools", () => {
  let session: Awaited<ReturnType<typeof sandboxSession>>;

  beforeAll(async () => {
    session = await sandboxSession();
  });
  afterAll(() => session.close());

  const status = async (jobId: string) => dataOf<Job>(await session.mcp.call("get_bulk_job_status", { jobId }));

  it("gates every upload as destructive and states the CSV rules in the description", async () => {
    const { tools } = await session.mcp.client.listTools();
    for (const name of ["update_users_from_csv", "update_premium_currency_from_csv", "update_store_products_from_csv"]) {
      const tool = tools.find((t) => t.name === name);
      expect(tool?.annotations, name).toMatchObject({ destructiveHint: true });
      expect(tool?.inputSchema.properties, name).toHaveProperty("confirm");
    }
    expect(findTool("update_users_from_csv")?.job).toEqual({
      statusTool: "get_bulk_job_status",
      idArg: "jobId",
      idField: "jobId",
    });
  });

  it("queues a user update, which a status poll moves from queued through processing to completed", async () => {
    const example = findTool("update_users_from_csv")?.example ?? {};
    const asked = await session.mcp.call("update_users_from_csv", example);
    expect(asked.structuredContent).toMatchObject({
      confirmationRequired: true,
      preview: {
        method: "POST",
        url: `${session.sandbox.url}/apis/v1/users/bulk-update`,
        files: { data: [{ name: "users.csv", type: "text/csv" }] },
      },
    });
    const queued = dataOf<{ message: string; jobId: string }>(
      await session.mcp.call("update_users_from_csv", {
        ...example,
        confirm: (asked.structuredContent as { confirmToken: string }).confirmToken,
      }),
    );
    expect(queued.message).toMatch(/^Bulk update user process is queued\./);

    const seen = [await status(queued.jobId), await status(queued.jobId), await status(queued.jobId)];
    expect(seen.map((j) => [j.status, j.processedRows])).toEqual([
      ["queued", 0],
      ["processing", 1],
      ["completed", 2],
    ]);
    const details = dataOf<Job>(await session.mcp.call("get_bulk_job_details", { jobId: queued.jobId }));
    expect(details).toMatchObject({ type: "users", totalRows: 2, failedRows: 0 });
    expect(details.results).toEqual([
      { row: 2, user: DEMO.userEmail, outcome: "updated", changes: { xp: "add 50", coins: "add 10" } },
      { row: 3, user: "ben.builder@example.com", outcome: "updated", changes: { xp: "overwrite 1200" } },
    ]);
    const jobs = dataOf<Job[]>(await session.mcp.call("list_bulk_jobs", { limit: 10 }));
    expect(jobs[0]).toMatchObject({ _id: queued.jobId, status: "completed" });
    expect(jobs.map((j) => j._id)).toContain(DEMO.bulkJobIds[0]);
    expect(jobs[0]).not.toHaveProperty("results");
  });

  it("writes each row's XP and coins to its member as the job processes it", async () => {
    const fresh = await sandboxSession();
    try {
      const member = async (idOrEmail: string) =>
        dataOf<{ xp: number; coins: number; customFields: Record<string, unknown> }>(
          await fresh.mcp.call("get_user_data", { idOrEmail }),
        );
      const ben = "ben.builder@example.com";
      const [ava0, ben0] = [await member(DEMO.userEmail), await member(ben)];
      const file = csv(
        "mixed.csv",
        "email,xp_op,xp,coins_op,coins,customerid",
        `${DEMO.userEmail},add,50,subtract,10,`,
        `${ben},overwrite,1200,add,5,CUST-9`,
      );
      const { jobId } = dataOf<{ jobId: string }>(await callConfirmed(fresh.mcp, "update_users_from_csv", { file }));
      // Queued: nothing written yet.
      expect(await member(DEMO.userEmail)).toMatchObject({ xp: ava0.xp, coins: ava0.coins });
      const step = async () => dataOf<Job>(await fresh.mcp.call("get_bulk_job_status", { jobId }));
      await step();
      await step();
      expect(await step()).toMatchObject({ status: "completed", processedRows: 2 });
      expect(await member(DEMO.userEmail)).toMatchObject({ xp: ava0.xp + 50, coins: ava0.coins - 10 });
      expect(await member(ben)).toMatchObject({ xp: 1200, coins: ben0.coins + 5, customFields: { customerid: "CUST-9" } });
    } finally {
      await fresh.close();
    }
  });

  it("ends a job as failed when no row finds its user", async () => {
    const file = csv("ghosts.csv", "email,premiumCurrency_op,premiumCurrency", "ghost@example.com,add,5");
    const { jobId } = dataOf<{ jobId: string }>(await callConfirmed(session.mcp, "update_premium_currency_from_csv", { file }));
    await status(jobId);
    await status(jobId);
    expect(await status(jobId)).toMatchObject({ type: "premium-currency", status: "failed", failedRows: 1 });
    const details = dataOf<Job>(await session.mcp.call("get_bulk_job_details", { jobId }));
    expect(details.results).toEqual([{ row: 2, user: "ghost@example.com", outcome: "failed", error: "user not found" }]);
  });

  it("refuses a CSV that breaks the operator rules, and a file that is not a CSV", async () => {
    // Checked before the confirmation: a file the API would refuse is never offered for sending.
    const badOp = await session.mcp.call("update_users_from_csv", {
      file: csv("bad.csv", "email,xp_op,xp", `${DEMO.userEmail},Add,5`),
    });
    expect(badOp.isError).toBe(true);
    expect(textOf(badOp)).toMatch(
      /row 2, column "xp_op": "Add" is not one of add, subtract, overwrite \(lowercase\).*Nothing was sent/,
    );
    const binary = await session.mcp.call("update_users_from_csv", {
      file: { name: "x.csv", base64: Buffer.from([0x89, 0x50, 0xff, 0x00]).toString("base64") },
    });
    expect(textOf(binary)).toMatch(/^Invalid arguments for update_users_from_csv: file: not a CSV file.*Nothing was sent\.$/);
  });

  it("reads the seeded jobs, and reports an unknown one", async () => {
    const done = dataOf<Job>(await session.mcp.call("get_bulk_job_details", { jobId: DEMO.bulkJobId }));
    expect(done).toMatchObject({ status: "completed", totalRows: 2, failedRows: 1 });
    expect(done.results?.[1]).toMatchObject({ outcome: "failed", error: "user not found" });
    const unknown = await session.mcp.call("get_bulk_job_status", { jobId: "0123456789abcdef01234567" });
    expect(textOf(unknown)).toMatch(/404 Not Found: Bulk job not found\..*route is inferred/);
  });

  it("updates store products from a CSV at once, permission rows included", async () => {
    const [voucher, , shirt] = DEMO.productIds;
    const file = csv(
      "products.csv",
      "Product ID,Price,Discount Enabled,Category Name,Permission Type,Roles,Vouchers,Voucher Expire Date",
      `${voucher},120,false,Merchandise,role,VIP;Early,"A-1,A-2",2026-12-31`,
      ",,,,tag,Insiders,,",
      `${shirt},450,,,,,,`,
    );
    const result = await callConfirmed(session.mcp, "update_store_products_from_csv", { file });
    expect((result.structuredContent as { meta: Record<string, unknown> }).meta).toMatchObject({ updated: 2 });
    const product = dataOf<{
      price: number;
      isDiscountEnabled: boolean;
      categoryID: string;
      stocks: number;
      productPermission: unknown[];
    }>(await session.mcp.call("get_store_product", { productID: voucher, fields: "*" }));
    expect(product).toMatchObject({ price: 120, isDiscountEnabled: false, categoryID: DEMO.categoryIds[1], stocks: 47 });
    // The product's row gives the first permission entry, the row without a Product ID the second.
    expect(product.productPermission).toEqual([
      { type: "role", permission: { roleNames: ["VIP", "Early"] } },
      { type: "tag", permission: { roleNames: ["Insiders"] } },
    ]);
    expect(dataOf<{ price: number }>(await session.mcp.call("get_store_product", { productID: shirt })).price).toBe(450);
  });

  it("leaves every product alone when one row is wrong, naming it", async () => {
    const [voucher] = DEMO.productIds;
    const before = dataOf<{ price: number }>(
      await session.mcp.call("get_store_product", { productID: voucher, fields: "*" }),
    ).price;
    const unknown = await callConfirmed(session.mcp, "update_store_products_from_csv", {
      file: csv("p.csv", "Product ID,Price", `${voucher},1`, "0123456789abcdef01234567,2"),
    });
    expect(textOf(unknown)).toMatch(/404 Not Found: row 3: product 0123456789abcdef01234567 not found/);
    expect(
      dataOf<{ price: number }>(await session.mcp.call("get_store_product", { productID: voucher, fields: "*" })).price,
    ).toBe(before);
    const column = await session.mcp.call("update_store_products_from_csv", {
      file: csv("p.csv", "Product ID,Colour", `${voucher},red`),
    });
    expect(textOf(column)).toMatch(/unknown column "Colour"; the documented columns are "Product ID", "Name".*Nothing was sent/);
    const stray = await callConfirmed(session.mcp, "update_store_products_from_csv", {
      file: csv("p.csv", "Product ID,Price", `${voucher},1`, ",5"),
    });
    expect(textOf(stray)).toMatch(/row 3: a row without Product ID only adds a permission entry, so "Price" must be blank/);
  });
});
