/**
 * Ids of the demo community that the sandbox serves. They are fixed so that tool examples, tests,
 * docs and prompts can name them; the `5a4d` prefix ("sandbox") keeps them from looking like a
 * real community's. The fifth character is the kind of record: 0-7 for the first slice, 8-a for
 * users/community/user fields, b-d for messaging/gamification/bulk, e-f for legacy records.
 */
export const demoId = (kind: number, n: number): string => `5a4d${kind.toString(16)}${n.toString(16).padStart(19, "0")}`;

export const DEMO_COMMUNITY_ID = demoId(0, 1);

export const DEMO = {
  communityId: DEMO_COMMUNITY_ID,
  leaderboardId: demoId(1, 1),
  leaderboardIds: [demoId(1, 1), demoId(1, 2), demoId(1, 3)],
  leaderboardSlug: "top-traders",
  categoryId: demoId(2, 1),
  categoryIds: [demoId(2, 1), demoId(2, 2), demoId(2, 3)],
  productId: demoId(3, 1),
  productIds: [demoId(3, 1), demoId(3, 2), demoId(3, 3), demoId(3, 4), demoId(3, 5)],
  purchaseHistoryId: demoId(4, 1),
  purchaseHistoryIds: [demoId(4, 1), demoId(4, 2)],
  orderId: "ORD202641612055614747",
  orderIds: ["ORD202641612055614747", "ORD202642009313378120"],
  storeConfigId: demoId(5, 1),
  apiKeyId: demoId(6, 1),
  apiKeyIds: [demoId(6, 1), demoId(6, 2)],
  userId: demoId(7, 1),
  userIds: [demoId(7, 1), demoId(7, 2), demoId(7, 3)],
  userEmail: "ava.trader@example.com",
  username: "ava_trader",
  /** A text channel; the others are one of each type the Message Actions guides cover. */
  channelId: demoId(7, 0x101),
  channelIds: {
    text: demoId(7, 0x101),
    forum: demoId(7, 0x102),
    iframe: demoId(7, 0x103),
    public: demoId(7, 0x104),
    privateDm: demoId(7, 0x105),
  },
  forumTopicId: demoId(7, 0x201),

  // Users, auth and community (kinds 8 and 9). A member who registered but has not verified the
  // email yet (verify_user_email's example), and one whose account was deleted (restore_user's).
  pendingUserId: demoId(8, 1),
  pendingUserEmail: "dee.pending@example.com",
  deletedUserId: demoId(8, 2),
  deletedUsername: "dan_departed",
  /** The code the sandbox "emails" on registration: it has no mailbox to read one from. */
  verificationCode: "246810",
  /** A sandbox-only password of DEMO.userEmail, so that log_in_user can succeed; not a real secret. */
  userPassword: "Sandbox-pass-1!",
  miniGameLogIds: [demoId(8, 0x101), demoId(8, 0x102), demoId(8, 0x103)],
  /** Another community on the platform: its name, URL and domain are taken (409 on reuse). */
  otherCommunityId: demoId(9, 1),
  communityMetaId: demoId(9, 0x101),
  communityThemeId: demoId(9, 0x102),
  communityBotId: demoId(9, 0x103),

  // User fields, their histories and user API keys (kind a). Custom fields first, then the
  // system's default fields, which the sandbox refuses to change or delete.
  userFieldId: demoId(10, 1),
  userFieldIds: [demoId(10, 1), demoId(10, 2), demoId(10, 3), demoId(10, 4)],
  defaultUserFieldIds: [demoId(10, 0x11), demoId(10, 0x12)],
  userFieldHistoryIds: [demoId(10, 0x101), demoId(10, 0x102), demoId(10, 0x103)],
  userApiKeyId: demoId(10, 0x201),
  userApiKeyIds: [demoId(10, 0x201), demoId(10, 0x202), demoId(10, 0x203)],
  currentApiKeyId: demoId(10, 0x301),

  // Messaging and chart analysis (cov-messaging): kind b for messages, kind c for chart analyses.
  /** A message in the text channel that has a reply and a reaction. */
  messageId: demoId(0xb, 1),
  messageIds: [demoId(0xb, 1), demoId(0xb, 2), demoId(0xb, 3), demoId(0xb, 4), demoId(0xb, 5), demoId(0xb, 6)],
  /** The seeded message in the forum channel, under DEMO.forumTopicId. */
  forumMessageId: demoId(0xb, 3),
  analysisId: demoId(0xc, 1),
  analysisIds: [demoId(0xc, 1), demoId(0xc, 2), demoId(0xc, 3)],

  // Gamification, rewards and bulk operations (kind 13): a streak, a spin wheel, the redemption
  // statuses orders move through (Pending, Shipping, Delivered, Cancelled) and two bulk jobs
  // (a finished user update and a queued premium-currency update).
  streakId: demoId(13, 0x101),
  spinWheelId: demoId(13, 0x201),
  redemptionStatusId: demoId(13, 0x301),
  redemptionStatusIds: [demoId(13, 0x301), demoId(13, 0x302), demoId(13, 0x303), demoId(13, 0x304)],
  bulkJobId: demoId(13, 0x401),
  bulkJobIds: [demoId(13, 0x401), demoId(13, 0x402)],
  // Legacy System API records (kinds e and f): badges, roles, servers.
  badgeId: demoId(0xe, 1),
  badgeIds: [demoId(0xe, 1), demoId(0xe, 2), demoId(0xe, 3)],
  roleId: demoId(0xe, 0x101),
  roleIds: [demoId(0xe, 0x101), demoId(0xe, 0x102)],
  serverId: demoId(0xf, 1),
  serverIds: [demoId(0xf, 1), demoId(0xf, 2)],
  /** The platform (numeric) id people.ts gives userIds[0]: legacy System routes name users this way. */
  legacyUserId: "100000001",
} as const;

/** A 1x1 transparent PNG as base64: the smallest valid image, for upload examples. */
export const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
