import { DEMO, DEMO_COMMUNITY_ID } from "../../demo.js";
import type { Rec } from "../engine/store.js";
import type { SeedData } from "./types.js";

/**
 * Messages in each kind of demo channel (a thread with a reply and a reaction in the text
 * channel, a forum post under its topic) and three chart analyses. Shapes follow the Get Messages
 * and Create Analysis examples.
 */

const [ava, ben] = DEMO.userIds;
const at = (day: number, hour: number) => `2026-04-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00.000Z`;

const message = (
  i: number,
  channelId: string,
  senderId: string,
  text: string,
  time: string,
  extra: Record<string, unknown> = {},
): Rec => ({
  _id: DEMO.messageIds[i] as string,
  communityID: DEMO_COMMUNITY_ID,
  channelId,
  senderId,
  message: text,
  reactions: [],
  createdAt: time,
  updatedAt: time,
  ...extra,
});

const { text, forum, iframe, public: open, privateDm } = DEMO.channelIds;

const messages: Rec[] = [
  message(0, text, ava, "Good morning, traders! Markets open in an hour.", at(20, 7), {
    reactions: [{ emoji: ":wave:", userIds: [ben] }],
  }),
  message(1, text, ben, "Morning Ava, ready for the session.", at(20, 8), { replyTo: DEMO.messageIds[0] }),
  message(2, forum, ava, "Could the chart widget get a dark theme?", at(18, 10), { forumTopicId: DEMO.forumTopicId }),
  message(3, open, ava, "The April trading contest starts on Monday.", at(15, 9)),
  message(4, privateDm, ava, "Ben, can you review my EUR/USD idea?", at(19, 16)),
  message(5, iframe, ben, "Watching the live chart for the London open.", at(20, 6)),
];

const T = at(20, 9);

const analysis = (i: number, channelId: string, fields: Record<string, unknown>): Rec => ({
  _id: DEMO.analysisIds[i] as string,
  communityID: DEMO_COMMUNITY_ID,
  channelId,
  senderId: ava,
  drawings: [],
  createdAt: T,
  updatedAt: T,
  ...fields,
});

const analyses: Rec[] = [
  analysis(0, text, {
    type: "bullish_bounce",
    metadata: {
      direction: "BULLISH",
      entryPlacement: "BELOW_CURRENT",
      expiry: { type: "HOURS", hours: 24 },
      title: "GBP/USD bounce off the demand zone",
      preferenceText: "Buying the retest of [[demand:demand zone]], aiming for [[target:resistance]].",
      alternativeText: "A close below the zone cancels the idea.",
      timeframe: "H1",
      symbol: "GBP/USD",
    },
    levels: {
      resistance: { price: 1.35, clientObjectId: "res_1", time: "2026-04-20T14:00:00Z" },
      pivot: { price: 1.345, clientObjectId: "pivot_main", time: "2026-04-20T12:00:00Z" },
      support: { price: 1.341, clientObjectId: "sup_1", time: "2026-04-20T10:00:00Z" },
    },
    drawings: [
      {
        type: "RECTANGLE",
        clientObjectId: "demand",
        points: [
          { time: "2026-04-20T00:00:00Z", price: 1.338 },
          { time: "2026-04-21T00:00:00Z", price: 1.342 },
        ],
        style: { fillColor: "#00FF33", borderColor: "#00FF00", lineWidth: 2 },
      },
      {
        type: "HORIZONTAL_LINE",
        clientObjectId: "target",
        points: [{ time: "2026-04-20T10:00:00Z", price: 1.355 }],
        style: { color: "#FF0000", lineWidth: 2, lineStyle: "SOLID" },
      },
    ],
  }),
  analysis(1, text, {
    type: "bearish_breakout",
    metadata: {
      direction: "BEARISH",
      entryPlacement: "BELOW_CURRENT",
      title: "GBP/USD breakdown",
      symbol: "GBP/USD",
      timeframe: "H4",
    },
    levels: { support: { price: 1.33 } },
  }),
  analysis(2, iframe, {
    type: "bullish_breakout",
    metadata: { direction: "BULLISH", entryPlacement: "ABOVE_CURRENT", title: "XAU/USD range break", symbol: "XAU/USD" },
  }),
];

export const MESSAGING_SEED: SeedData = { collections: { messages, analyses }, singletons: {} };
