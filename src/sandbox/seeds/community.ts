import { DEMO, DEMO_COMMUNITY_ID } from "../../demo.js";
import { SANDBOX_CREDENTIALS } from "../engine/auth.js";
import { hashPassword } from "../engine/passwords.js";
import type { Rec } from "../engine/store.js";
import type { SeedData } from "./types.js";

/**
 * The demo community itself (name, URL, appearance, bot) and what the member handlers keep beside
 * the users: password digests, pending email verifications, mini-game logs. Shapes follow the
 * Update community name/URL, meta and bot examples.
 */

const T0 = "2026-04-01T00:00:00.000Z";

const stamped = (record: Rec): Rec => ({ ...record, createdAt: T0, updatedAt: T0 });

const communities: Rec[] = [
  stamped({
    _id: DEMO_COMMUNITY_ID,
    name: "Sandbox Trading Club",
    uri: "sandbox-trading-club",
    domain: SANDBOX_CREDENTIALS.communityHost,
  }),
  // Someone else's community: its name, slug and domain are taken.
  stamped({
    _id: DEMO.otherCommunityId,
    name: "Returning AI Community",
    uri: "returning-ai-community",
    domain: "community.returning.ai",
  }),
];

const communityMeta: Rec[] = [
  stamped({
    _id: DEMO.communityMetaId,
    communityID: DEMO_COMMUNITY_ID,
    preview: {
      isEnabled: true,
      title: "Sandbox Trading Club",
      description: "A simulated community for trying the Returning.AI tools.",
      image: "https://cdn.example.com/community/preview.png",
    },
    membersListVisible: true,
    guestModeEnabled: false,
  }),
];

const communityTheme: Rec = stamped({
  _id: DEMO.communityThemeId,
  communityID: DEMO_COMMUNITY_ID,
  light: { primary: "#2563EB", secondary: "#7C3AED", background: "#FFFFFF", text: "#111827" },
  dark: { primary: "#60A5FA", secondary: "#A78BFA", background: "#0B1220", text: "#F9FAFB" },
});

const communityBot: Rec = stamped({
  _id: DEMO.communityBotId,
  communityID: DEMO_COMMUNITY_ID,
  name: "server bot",
  avatar: "https://cdn.example.com/community/bot.png",
});

// Ava logs in with the documented sandbox password; Dee has registered but not verified yet.
const credentials: Rec[] = [DEMO.userIds[0], DEMO.pendingUserId].map((_id) => ({
  _id,
  passwordHash: hashPassword(_id, DEMO.userPassword),
}));

const emailVerifications: Rec[] = [{ _id: DEMO.pendingUserId, email: DEMO.pendingUserEmail, code: DEMO.verificationCode }];

const play = (_id: string, game: string, prize: Record<string, unknown> | null, playedAt: string): Rec => ({
  _id,
  communityID: DEMO_COMMUNITY_ID,
  userID: DEMO.userId,
  email: DEMO.userEmail,
  game,
  prize,
  playedAt,
});

const miniGameLogs: Rec[] = [
  play(DEMO.miniGameLogIds[0], "spin-wheel", { type: "coins", amount: 50 }, "2026-04-18T10:00:00.000Z"),
  play(DEMO.miniGameLogIds[1], "spin-wheel", null, "2026-04-19T10:00:00.000Z"),
  play(DEMO.miniGameLogIds[2], "scratch-card", { type: "xp", amount: 100 }, "2026-04-20T09:31:33.000Z"),
];

export const COMMUNITY_SEED: SeedData = {
  collections: { communities, communityMeta, credentials, emailVerifications, miniGameLogs },
  singletons: { communityTheme, communityBot },
};
