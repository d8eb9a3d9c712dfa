import { createHash } from "node:crypto";
import { DEMO_COMMUNITY_ID as SANDBOX_COMMUNITY_ID, DEMO as SEED } from "../demo.js";
import type { Rec } from "./engine/store.js";
import type { SeedData } from "./seeds/types.js";

export { SANDBOX_COMMUNITY_ID, SEED };

/**
 * The demo community every sandbox starts with. Ids are fixed so that tests, docs and prompts
 * can name them; the `5a4d` prefix ("sandbox") keeps them from looking like a real community's.
 * Shapes follow the examples of shared/api-reference.
 */

// Obviously fake but stable secrets: a doc can show one, and no run hands out a real-looking random key.
export const fakeSecret = (label: string): string =>
  createHash("sha256").update(`returning-ai-mcp sandbox ${label}`).digest("hex");

const T0 = "2026-04-01T00:00:00.000Z";
const T1 = "2026-04-16T12:05:56.000Z";
const T2 = "2026-04-20T09:31:33.000Z";

const owned = (record: Rec, createdAt = T0, updatedAt = createdAt): Rec => {
  const { _id, ...rest } = record;
  return { _id, communityID: SANDBOX_COMMUNITY_ID, ...rest, createdAt, updatedAt };
};

const columns = (...names: string[]) => names.map((column, order) => ({ column, visible: true, order }));

const leaderboards: Rec[] = [
  owned({
    _id: SEED.leaderboardIds[0],
    name: "Top Traders",
    slug: "top-traders",
    description: "Monthly trading leaderboard",
    image: "https://cdn.example.com/leaderboards/top-traders.png",
    rankingField: "currencies",
    displayedColumns: columns("user", "currencies", "level"),
    topRankOnly: true,
    topRankLimit: 10,
    onlyPositiveRanks: true,
    includeDummyUsers: false,
    startDate: "2026-01-01T00:00:00.000Z",
    hasNoEndDate: true,
    timeZone: 0,
    allowedTimeFilters: ["all-time", "daily", "weekly", "monthly", "yearly"],
    isEnabled: true,
    isPreviewEnabled: false,
    displayOrder: 0,
    widget: { enabled: true, whitelistedDomains: ["example.com"] },
  }),
  owned({
    _id: SEED.leaderboardIds[1],
    name: "Weekly XP Race",
    slug: "weekly-xp-race",
    description: "Who earns the most XP this week",
    rankingField: "xps",
    displayedColumns: columns("user", "xps"),
    topRankOnly: false,
    onlyPositiveRanks: false,
    includeDummyUsers: false,
    startDate: "2026-03-02T00:00:00.000Z",
    endDate: "2026-12-28T00:00:00.000Z",
    hasNoEndDate: false,
    timeZone: 7,
    startTime: { hours: 9, minutes: 0, ampm: "AM" },
    endTime: { hours: 11, minutes: 59, ampm: "PM" },
    allowedTimeFilters: ["weekly"],
    isEnabled: true,
    displayOrder: 1,
  }),
  // A row in the older stored shape, without a schedule: what update_leaderboard's startDate repairs.
  owned(
    {
      _id: SEED.leaderboardIds[2],
      name: "April Last Leaderboard",
      slug: "april-last-leaderboard",
      description: "Monthly leaderboard created through the partner API.",
      rankBy: "currencies",
      displayedFields: ["user", "currencies", "xps", "level"],
      enabled: false,
      displayOrder: 2,
    },
    T1,
  ),
];

const category = (id: string, name: string, displayOrder: number, extra: Record<string, unknown> = {}): Rec =>
  owned({
    _id: id,
    name,
    coverImage: `https://cdn.example.com/store/${name.toLowerCase().replace(/\W+/g, "-")}.png`,
    shouldShowCover: true,
    isArchived: false,
    viewType: "full",
    displayOrder,
    categoryPermission: [],
    ...extra,
  });

const categories: Rec[] = [
  category(SEED.categoryIds[0], "Premium Rewards", 0),
  category(SEED.categoryIds[1], "Merchandise", 1, { viewType: "preview" }),
  category(SEED.categoryIds[2], "Gift Cards", 2, { isArchived: true, shouldShowCover: false }),
];

const product = (id: string, fields: Record<string, unknown>): Rec =>
  owned({
    _id: id,
    description: "",
    image: "https://cdn.example.com/store/product.png",
    stocks: 0,
    isDiscountEnabled: false,
    userInformation: { isEnabled: false },
    shouldPrioritiesExpiringVouchers: false,
    shouldDisplayRemainingQuantity: true,
    expiringVoucherHighlight: { isEnabled: false },
    isArchived: false,
    totalOrders: 0,
    isProductAccessEnabled: false,
    ...fields,
  });

const goldInstructions = "Collect at the main counter between 10am and 6pm. Present your order ID and a valid photo ID.";

const products: Rec[] = [
  product(SEED.productIds[0], {
    name: "Premium Voucher",
    description: "<p>Redeem for premium access.</p>",
    price: 100,
    type: "voucher",
    categoryID: SEED.categoryIds[0],
    stocks: 45,
    discountPrice: 90,
    totalOrders: 12,
    displayOrder: 0,
    redemptionInstructions: "<p>Show this voucher at checkout.</p>",
  }),
  product(SEED.productIds[1], {
    name: "Gold Voucher",
    description: "<p>A gold-tier reward.</p>",
    price: 250,
    type: "voucher",
    categoryID: SEED.categoryIds[0],
    stocks: 8,
    totalOrders: 2,
    displayOrder: 1,
    redemptionInstructions: goldInstructions,
  }),
  product(SEED.productIds[2], {
    name: "Community T-Shirt",
    description: "<p>Soft cotton tee with the community logo.</p>",
    price: 500,
    type: "physical",
    categoryID: SEED.categoryIds[1],
    stocks: 30,
    userInformation: { isEnabled: true, shouldCollectName: true, shouldCollectPhone: true, shouldCollectAddress: true },
    displayOrder: 0,
  }),
  product(SEED.productIds[3], {
    name: "Sticker Pack",
    price: 50,
    type: "physical",
    categoryID: SEED.categoryIds[1],
    stocks: 200,
    displayOrder: 1,
  }),
  product(SEED.productIds[4], {
    name: "$10 Gift Card",
    price: 1000,
    type: "gift-card",
    categoryID: SEED.categoryIds[2],
    isArchived: true,
    displayOrder: 0,
  }),
];

const purchaseHistories: Rec[] = [
  owned(
    {
      _id: SEED.purchaseHistoryIds[0],
      orderID: SEED.orderIds[0],
      userID: SEED.userId,
      product: { _id: SEED.productIds[1], name: "Gold Voucher", redemptionInstructions: goldInstructions },
    },
    T1,
  ),
  owned(
    {
      _id: SEED.purchaseHistoryIds[1],
      orderID: SEED.orderIds[1],
      userID: SEED.userId,
      product: { _id: SEED.productIds[2], name: "Community T-Shirt", redemptionInstructions: "We ship within 5 working days." },
    },
    T2,
  ),
];

const apiKeys: Rec[] = [
  {
    _id: SEED.apiKeyIds[0],
    communityId: SANDBOX_COMMUNITY_ID,
    name: "Slack Integration API Key",
    key: fakeSecret("key 1"),
    permissions: ["sendMessage", "replyMessage", "createUser", "manageUser", "getUserData", "getUserStats", "bulkUpdateUser"],
    expirePeriod: 0,
    expireDate: null,
    createdAt: T0,
    updatedAt: T0,
  },
  {
    _id: SEED.apiKeyIds[1],
    communityId: SANDBOX_COMMUNITY_ID,
    name: "CRM Sync",
    key: fakeSecret("key 2"),
    permissions: ["createUser", "getUserData"],
    expirePeriod: 90,
    expireDate: "2026-07-14T12:05:56.000Z",
    createdAt: T1,
    updatedAt: T1,
  },
];

const storeConfig: Rec = owned({
  _id: SEED.storeConfigId,
  isEnabled: true,
  title: "Rewards Store",
  description: "<p>Redeem community rewards.</p>",
  cover: {
    isEnabled: true,
    light: "https://cdn.example.com/store/cover-light.png",
    dark: "https://cdn.example.com/store/cover-dark.png",
  },
  currency: { isEnabled: true, name: "Coins" },
  widget: { isEnabled: true, allowedDomains: ["example.com"], accessMode: "live" },
});

/** The first slice's records, keyed by the registry's resource names (the resources each area file declares). */
export const CORE_SEED: SeedData = {
  collections: { leaderboards, categories, products, purchaseHistories, apiKeys },
  singletons: { stores: storeConfig },
};
