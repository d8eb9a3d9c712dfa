import { DEMO, DEMO_COMMUNITY_ID } from "../../demo.js";
import type { Rec } from "../engine/store.js";
import { fakeSecret } from "../seed.js";
import type { SeedData } from "./types.js";

/**
 * User fields with a little value history, the members' own API keys, and the key the sandbox
 * says it is called with. Shapes follow the Create/Update user field and user API key examples;
 * `isDefault` marks the system's fields (our name: the docs only say that such fields exist).
 */

const T0 = "2026-04-01T00:00:00.000Z";
const admin = { _id: DEMO.userId, displayName: "Ava Trader", username: DEMO.username };

const field = (_id: string, key: string, name: string, type: string, extra: Record<string, unknown> = {}): Rec => ({
  _id,
  communityId: DEMO_COMMUNITY_ID,
  field: key,
  name,
  type,
  isDefault: false,
  creator: admin,
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

const [level, department, tier, kyc] = DEMO.userFieldIds;
const system = { isDefault: true, creator: null };

const userFields: Rec[] = [
  field(level, "userLevel", "User Level", "number", { description: "The level of the user in the community", defaultValue: 1 }),
  field(department, "department", "Department", "text"),
  field(tier, "trading-tier", "Trading Tier", "select", { options: ["Beginner", "Intermediate", "Advanced"] }),
  field(kyc, "kycVerified", "KYC Verified", "boolean"),
  field(DEMO.defaultUserFieldIds[0], "country", "Country", "single-line-text", system),
  field(DEMO.defaultUserFieldIds[1], "dateOfBirth", "Date of Birth", "date", system),
];

const history = (_id: string, userId: string, value: unknown, previousValue: unknown, at: string): Rec => ({
  _id,
  communityId: DEMO_COMMUNITY_ID,
  fieldId: level,
  field: "userLevel",
  userId,
  value,
  previousValue,
  createdAt: at,
  updatedAt: at,
});

const [h1, h2, h3] = DEMO.userFieldHistoryIds;
const userFieldHistories: Rec[] = [
  history(h1, DEMO.userIds[0], 1, null, "2026-04-02T08:00:00.000Z"),
  history(h2, DEMO.userIds[0], 2, 1, "2026-04-12T08:00:00.000Z"),
  history(h3, DEMO.userIds[1], 1, null, "2026-04-05T08:00:00.000Z"),
];

const userKey = (_id: string, userId: string, name: string, permissions: string[], extra: Record<string, unknown> = {}): Rec => ({
  _id,
  userId,
  communityId: DEMO_COMMUNITY_ID,
  name,
  key: fakeSecret(`user key ${_id}`),
  permissions,
  expirePeriod: 0,
  expireDate: null,
  isActive: true,
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

const [k1, k2, k3] = DEMO.userApiKeyIds;
const userApiKeys: Rec[] = [
  userKey(k1, DEMO.userIds[0], "Portfolio sync", ["getUserData", "getUserStats"]),
  userKey(k2, DEMO.userIds[0], "Chat bot", ["sendMessage", "replyMessage"], {
    expirePeriod: 180,
    expireDate: "2026-09-28T00:00:00.000Z",
  }),
  userKey(k3, DEMO.userIds[1], "Alerts", ["sendMessage"]),
];

// No secret here: the info route describes the key, it never returns it.
const currentApiKey: Rec = {
  _id: DEMO.currentApiKeyId,
  communityId: DEMO_COMMUNITY_ID,
  name: "Sandbox API key",
  permissions: ["sendMessage", "replyMessage", "createUser", "manageUser", "getUserData", "userFields"],
  expirePeriod: 0,
  expireDate: null,
  isActive: true,
  createdAt: T0,
  updatedAt: T0,
};

export const USER_FIELDS_SEED: SeedData = {
  collections: { userFields, userFieldHistories, userApiKeys },
  singletons: { currentApiKey },
};
