import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { fileInput, objectId, pageLimit } from "../registry/schemas.js";
import type { JobSpec } from "../registry/types.js";

const jobId = objectId;

/** Upload tools answer with the queued job's id; its status tool can then be polled (`wait: true`). */
const JOB: JobSpec = { statusTool: "get_bulk_job_status", idArg: "jobId", idField: "jobId" };

/**
 * The columns of the product bulk CSV, as the older products page (dev.returning.ai/api-37690410)
 * lists them. A row with a Product ID starts a product's update; a row without one adds a
 * permission entry to the product above it.
 */
export const PRODUCT_CSV_COLUMNS = [
  "Product ID",
  "Name",
  "Description",
  "Image",
  "Price",
  "Category Name",
  "Discount Enabled",
  "Discount Price",
  "Discount Start Date",
  "Discount End Date",
  "User Information Enabled",
  "Collect Name",
  "Collect Phone",
  "Collect Address",
  "Prioritize Expiring Vouchers",
  "Display Remaining Quantity",
  "Expiring Highlight Enabled",
  "Expiring Highlight Duration",
  "Expiring Highlight Timeframe",
  "Archived",
  "Redemption Instructions",
  "Product Access Enabled",
  "Purchase Status Override Name",
  "Vouchers",
  "Voucher Expire Date",
  "Permission Enabled",
  "Permission Type",
  "Roles",
  "Tags",
  "Users",
  "Combination Type",
  "Combination Values",
  "Special Price",
  "Special Price Enabled",
  "Purchase Limit Enabled",
  "Purchase Limit Quantity",
  "Purchase Limit Interval Count",
  "Purchase Limit Interval Unit",
  "Access Level",
  "Exclusive Tag Enabled",
] as const;

export type ProductCsvColumn = (typeof PRODUCT_CSV_COLUMNS)[number];

/** An example file argument: the CSV text as base64, the way an assistant sends one. */
const csvExample = (name: string, lines: string[]) => ({ name, base64: Buffer.from(`${lines.join("\n")}\n`).toString("base64") });

export const bulk = defineToolset({
  name: "bulk",
  summary: "bulk updates from CSV (users, premium currency, store products) and their jobs",
  tools: [
    {
      name: "update_users_from_csv",
      operation: "bulk.update_users_csv",
      title: "Bulk update users from CSV",
      description:
        "Update many users from a CSV in the user-list template's columns; an xp_op-style column before a number adds, subtracts or overwrites.",
      input: z.strictObject({ file: fileInput }),
      files: { file: { field: "data", accept: "csv", columns: { operators: true } } },
      example: {
        file: csvExample("users.csv", [
          "email,xp_op,xp,coins_op,coins",
          `${DEMO.userEmail},add,50,add,10`,
          "ben.builder@example.com,overwrite,1200,,",
        ]),
      },
      risk: "destructive",
      job: JOB,
    },
    {
      name: "update_premium_currency_from_csv",
      operation: "bulk.update_premium_currency_csv",
      title: "Bulk update premium currency from CSV",
      description: "Add to, subtract from or set many users' premium currency from a CSV.",
      input: z.strictObject({ file: fileInput }),
      files: { file: { field: "data", accept: "csv", columns: { operators: true } } },
      example: {
        file: csvExample("premium.csv", ["email,premiumCurrency_op,premiumCurrency", `${DEMO.userEmail},add,25`]),
      },
      risk: "destructive",
      job: JOB,
    },
    {
      name: "list_bulk_jobs",
      operation: "bulk.list_jobs",
      title: "List bulk update jobs",
      description: "List bulk update jobs, newest first, with their state and row counts.",
      input: z.strictObject(pageLimit),
      example: { limit: 10 },
      risk: "read",
    },
    {
      name: "get_bulk_job_status",
      operation: "bulk.get_job_status",
      title: "Get bulk job status",
      description: "Get a bulk update job's state (queued, processing, completed, failed) and rows done.",
      input: z.strictObject({ jobId }),
      example: { jobId: DEMO.bulkJobIds[1] },
      risk: "read",
      job: { statusTool: "get_bulk_job_status", idArg: "jobId" },
    },
    {
      name: "get_bulk_job_details",
      operation: "bulk.get_job_details",
      memberText: true,
      title: "Get bulk job details",
      description: "Get a bulk update job with the outcome of each row.",
      input: z.strictObject({ jobId }),
      example: { jobId: DEMO.bulkJobId },
      risk: "read",
    },
    {
      // No catalog entry of its own, so marked inferred as the catalog test asks, although an older
      // products page shows the route. It also takes a raw JSON array; tools send objects, so only
      // its CSV form is offered.
      name: "update_store_products_from_csv",
      operation: "store_products.bulk-update-csv",
      title: "Bulk update store products from CSV",
      description:
        "Update many store products from a CSV; a row with a Product ID starts a product, rows without one add permission entries to it.",
      input: z.strictObject({ file: fileInput }),
      files: { file: { field: "file", accept: "csv", columns: { allowed: PRODUCT_CSV_COLUMNS, required: ["Product ID"] } } },
      example: {
        file: csvExample("products.csv", [
          "Product ID,Price,Discount Enabled",
          `${DEMO.productIds[0]},120,false`,
          `${DEMO.productIds[3]},45,`,
        ]),
      },
      risk: "destructive",
    },
  ],
});
