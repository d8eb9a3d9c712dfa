import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import type { Credentials } from "../../src/client/auth.js";
import { DEMO } from "../../src/demo.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";
import {
  agreeingRecorder,
  type Connected,
  connectInMemory,
  dataOf,
  type RecordedRequest,
  recordingApi,
  textOf,
} from "../support/helpers.js";

/**
 * The docs' own request examples, value for value (the catalog's `body.example` of each entry):
 * each is accepted by the tool that covers it and goes on the wire exactly as the docs show it,
 * nulls and empty strings included; and the route whose docs ask for no credential gets none.
 * Copied here so that the test runs in any clone.
 */

type Args = Record<string, unknown>;

interface Case {
  tool: string;
  /** Path (and query) arguments: ours, the docs show placeholders. */
  route: Args;
  /** The docs' example body. */
  body: Args;
  method: string;
  path: string;
  query?: Record<string, string>;
}

const product = DEMO.productIds[1] as string;

const CASES: Case[] = [
  {
    // store_products.update: discountStartDate / discountEndDate are string|null, null in the example.
    tool: "update_store_product_discount",
    route: { productID: product },
    body: { discountPrice: 90, isDiscountEnabled: false, discountStartDate: null, discountEndDate: null },
    method: "PUT",
    path: `/products/${product}`,
  },
  {
    // store_products.update: purchaseStatusOverrideName is string|null, null in the example.
    tool: "update_store_product_redemption",
    route: { productID: product },
    body: {
      userInformation: { isEnabled: false, shouldCollectName: false, shouldCollectPhone: false, shouldCollectAddress: false },
      redemptionInstructions: "<p>Show this voucher at checkout.</p>",
      purchaseStatusOverrideName: null,
    },
    method: "PUT",
    path: `/products/${product}`,
  },
  {
    // store_products.update: "send [] when none" and "send \"\" when vouchers is empty".
    tool: "update_store_product_vouchers",
    route: { productID: product },
    body: { vouchers: [], voucherExpireDate: "" },
    method: "PUT",
    path: `/products/${product}`,
  },
  {
    // apikeys.user.create: permissions as the user-key page spells them, expireDate "" (no expiry).
    tool: "create_user_api_key",
    route: { userId: DEMO.userIds[1] },
    body: { name: "testing", permissions: ["sendMessages"], expirePeriod: 0, expireDate: "", communityId: DEMO.communityId },
    method: "POST",
    path: "/apis/v1/users/apikeys",
    query: { userId: DEMO.userIds[1] as string },
  },
  {
    // apikeys.user.update: the user-key permission names of the update page.
    tool: "update_user_api_key",
    route: { userId: DEMO.userId, apiKeyId: DEMO.userApiKeyIds[0] },
    body: {
      name: "Updated API Key Name",
      permissions: ["readOwnProfile", "updateOwnProfile", "readOwnMessages"],
      expirePeriod: 180,
      expireDate: "2025-06-30T23:59:59Z",
      isActive: true,
    },
    method: "PUT",
    path: `/apis/v1/users/${DEMO.userId}/api-keys/${DEMO.userApiKeyIds[0]}`,
  },
  {
    // legacy-badges.create: image, darkImage and lightImage "" in the example.
    tool: "legacy_create_badge",
    route: {},
    body: {
      title: "It's title",
      action: "custom",
      quantity: 100,
      image: "",
      description: "This is description",
      darkImage: "",
      lightImage: "",
      awarded: false,
      applied: false,
      enabledDarkAndLight: false,
      award: true,
      awardCurrency: true,
      awardXpQuantity: 100,
      awardCurrencyQuantity: 100,
      attachRequired: true,
    },
    method: "POST",
    path: "/badges",
  },
  {
    tool: "legacy_update_badge",
    route: { id: DEMO.badgeIds[1] },
    body: {
      title: "It's title",
      action: "custom",
      quantity: 100,
      image: "",
      applied: false,
      awarded: false,
      description: "This is description",
      darkImage: "",
      lightImage: "",
      enabledDarkAndLight: true,
      award: true,
      awardCurrency: true,
      awardXpQuantity: 100,
      awardCurrencyQuantity: 100,
      attachRequired: true,
    },
    method: "PUT",
    path: `/badges/${DEMO.badgeIds[1]}`,
  },
  {
    // leaderboards.create, less startTime, endTime and widget (their update tools take them: the
    // listing's token budget). The six allowed* lists launch a board in one call.
    tool: "create_leaderboard",
    route: {},
    body: {
      name: "April Last Leaderboard",
      slug: "april-last-leaderboard",
      description: "Monthly leaderboard created through the partner API.",
      image: "https://cdn.example.com/leaderboards/april.png",
      rankingField: "currencies",
      displayedColumns: [
        { column: "user", visible: true, order: 0 },
        { column: "currencies", visible: true, order: 1 },
      ],
      topRankOnly: false,
      topRankLimit: 10,
      onlyPositiveRanks: false,
      includeDummyUsers: false,
      startDate: "2026-01-30T19:30:00.000Z",
      endDate: "2026-12-31T23:59:59.999Z",
      hasNoEndDate: true,
      timeZone: 5.3,
      allowedTimeFilters: ["all-time", "monthly", "weekly"],
      allowedUsersToRank: [],
      allowedRolesToRank: ["507f1f77bcf86cd799439014"],
      allowedTagsToRank: [],
      allowedUsersToView: [],
      allowedRolesToView: ["507f1f77bcf86cd799439014"],
      allowedTagsToView: [],
      isEnabled: true,
      isPreviewEnabled: false,
      displayOrder: 3,
    },
    method: "POST",
    path: "/v1/leaderboards",
  },
];

const CREDENTIALS: Required<Credentials> = {
  apiKey: "docs-api-key-0001",
  systemKey: "docs-system-key-0002",
  webhookKey: "docs-webhook-key-0003",
  communityHost: "community.docs.test",
};

const ONE_USER_CSV = Buffer.from("email,username\nnew.member@example.com,new_member\n").toString("base64");
const IMPORT = { communityId: DEMO.communityId, data: { base64: ONE_USER_CSV, name: "users.csv" } };

const argsOf = (c: Case): Args => ({ ...c.route, ...c.body });

/** A user who agrees to every confirmation, so that each call is one request. */
const AGREE = () => ({ action: "accept" as const, content: { confirm: true } });

describe("the docs' examples on the wire", () => {
  const wire = agreeingRecorder(CREDENTIALS);

  it.each(CASES.map((c) => [c.tool, c] as const))("%s sends the docs' example as it is", async (_name, c) => {
    wire.api.requests.length = 0;
    const result = await wire.mcp.call(c.tool, argsOf(c));
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(wire.api.requests).toHaveLength(1);
    const req = wire.api.requests[0] as RecordedRequest;
    const url = new URL(req.url, "http://docs.invalid");
    expect(req.method).toBe(c.method);
    expect(url.pathname).toBe(c.path);
    expect(Object.fromEntries(url.searchParams)).toEqual(c.query ?? {});
    expect(req.headers["content-type"]).toBe("application/json");
    // toStrictEqual on the parsed text: a null dropped or turned into "" would show.
    expect(JSON.parse(req.body)).toStrictEqual(c.body);
  });

  it("sends the legacy bulk import with no credential, as its docs need none", async () => {
    wire.api.requests.length = 0;
    const result = await wire.mcp.call("legacy_import_users_csv", IMPORT);
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(wire.api.requests).toHaveLength(1);
    const req = wire.api.requests[0] as RecordedRequest;
    expect(req.url).toBe("/apis/v1/users/bulk-import");
    for (const header of ["authorization", "x-api-key", "apikey", "hostname"]) expect(req.headers[header]).toBeUndefined();
    expect(req.body).not.toContain(CREDENTIALS.apiKey);
  });

  it("calls the bulk import with no credential set at all", async () => {
    const bare = await connectInMemory({
      baseUrl: wire.api.url,
      credentials: {},
      tools: ALL_TOOLS,
      elicit: AGREE,
    });
    try {
      wire.api.requests.length = 0;
      const result = await bare.call("legacy_import_users_csv", IMPORT);
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(wire.api.requests).toHaveLength(1);
    } finally {
      await bare.close();
    }
  });

  it("says so when the API asks for a credential on a route whose docs need none", async () => {
    const strict = await recordingApi((_req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ meta: { status: "error", statusCode: 401 }, message: "Unauthorized", data: null }));
    });
    const bare = await connectInMemory({ baseUrl: strict.url, credentials: CREDENTIALS, tools: ALL_TOOLS, elicit: AGREE });
    try {
      const result = await bare.call("legacy_import_users_csv", IMPORT);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain("The docs say this route needs no credential, so none was sent");
    } finally {
      await bare.close();
      await strict.close();
    }
  });

  it("still refuses codes without an expiry, and an image or expiry that is neither a value nor empty", async () => {
    const refused = [
      ["update_store_product_vouchers", { productID: product, vouchers: ["NEW-1"], voucherExpireDate: "" }, "voucherExpireDate"],
      ["legacy_create_badge", { title: "T", action: "custom", image: "javascript:alert(1)" }, "image"],
      ["create_user_api_key", { userId: DEMO.userId, name: "K", permissions: [], expireDate: "soon" }, "expireDate"],
      ["update_store_product_discount", { productID: product, discountStartDate: "" }, "discountStartDate"],
    ] as const;
    wire.api.requests.length = 0;
    for (const [tool, args, field] of refused) {
      const result = await wire.mcp.call(tool, args);
      expect(result.isError, tool).toBe(true);
      expect(textOf(result)).toContain(field);
    }
    expect(wire.api.requests).toHaveLength(0);
  });
});

describe("the docs' examples against the sandbox", () => {
  let sandbox: Sandbox;
  let mcp: Connected;

  beforeAll(async () => {
    sandbox = await startSandbox();
    mcp = await connectInMemory({
      baseUrl: sandbox.url,
      credentials: sandbox.credentials,
      keySource: "sandbox",
      tools: ALL_TOOLS,
      elicit: AGREE,
    });
  });
  afterAll(async () => {
    await mcp.close();
    await sandbox.close();
  });

  it.each(CASES.map((c) => [c.tool, c] as const))("%s is accepted and stored as sent", async (_name, c) => {
    // The sandbox's demo community already holds the docs' board: another slug, the rest as the docs.
    const args = c.tool === "create_leaderboard" ? { ...argsOf(c), slug: "april-docs-example" } : argsOf(c);
    const result = await mcp.call(c.tool, args);
    expect(result.isError, textOf(result)).toBeFalsy();
    const stored = dataOf<Args>(result);
    for (const [field, value] of Object.entries(c.body)) {
      // What the sandbox keeps of a field: vouchers count into stocks, a key's secret is masked.
      if (field === "vouchers" || field === "slug") continue;
      expect(stored[field], field).toStrictEqual(value);
    }
  });

  it("clears a product's discount dates and status override with null, and adds no voucher with []", async () => {
    const before = dataOf<Args>(await mcp.call("get_store_product", { productID: product, fields: "*" }));
    await mcp.call("update_store_product_discount", {
      productID: product,
      discountStartDate: "2026-01-01T00:00:00.000Z",
      discountEndDate: "2026-02-01T00:00:00.000Z",
    });
    const set = dataOf<Args>(await mcp.call("get_store_product", { productID: product, fields: "*" }));
    expect(set.discountStartDate).toBe("2026-01-01T00:00:00.000Z");

    expect(
      (await mcp.call("update_store_product_discount", { productID: product, discountStartDate: null, discountEndDate: null }))
        .isError,
    ).toBeFalsy();
    expect(
      (await mcp.call("update_store_product_redemption", { productID: product, purchaseStatusOverrideName: null })).isError,
    ).toBeFalsy();
    expect(
      (await mcp.call("update_store_product_vouchers", { productID: product, vouchers: [], voucherExpireDate: "" })).isError,
    ).toBeFalsy();
    const after = dataOf<Args>(await mcp.call("get_store_product", { productID: product, fields: "*" }));
    expect(after).toMatchObject({ discountStartDate: null, discountEndDate: null, purchaseStatusOverrideName: null });
    expect(after.stocks).toBe(before.stocks);
  });

  it('clears a badge\'s images with ""', async () => {
    const id = DEMO.badgeIds[2];
    await mcp.call("legacy_update_badge", { id, title: "Pictured", action: "custom", image: "https://cdn.example.com/b.png" });
    const cleared = dataOf<Args>(await mcp.call("legacy_update_badge", { id, title: "Pictured", action: "custom", image: "" }));
    expect(cleared.image).toBe("");
  });

  it("imports users with no credential at all", async () => {
    const bare = await connectInMemory({
      baseUrl: sandbox.url,
      credentials: {},
      keySource: "sandbox",
      tools: ALL_TOOLS,
      elicit: AGREE,
    });
    try {
      const result = await bare.call("legacy_import_users_csv", IMPORT);
      expect(result.isError, textOf(result)).toBeFalsy();
    } finally {
      await bare.close();
    }
  });
});
