import { chartAnalysis } from "../tools/chart-analysis.js";
import { crud, type SandboxResource, sandboxFor } from "./engine/bind.js";
import { SandboxError } from "./engine/envelope.js";
import { listRecords } from "./engine/listing.js";
import { checkCommunity, findChannel, findMember } from "./engine/members.js";
import { newObjectId, type Rec, type SandboxStore } from "./engine/store.js";

/** Chart analyses: kept in the "analyses" collection, whose get and delete the generic ops serve. */

const ANALYSES = "analyses";

type Level = { price: number };
type Levels = Partial<Record<"resistance" | "pivot" | "support", Level>>;
type Drawing = { clientObjectId: string };

/** The documented mapping from direction and entry placement to the analysis type. */
const TYPES: Record<string, string> = {
  "BULLISH ABOVE_CURRENT": "bullish_breakout",
  "BULLISH BELOW_CURRENT": "bullish_bounce",
  "BEARISH ABOVE_CURRENT": "bearish_bounce",
  "BEARISH BELOW_CURRENT": "bearish_breakout",
};

/**
 * The docs ask updates to keep "the level ordering rules" without spelling them out; the ordering
 * every example follows (and what the words mean) is support < pivot < resistance.
 */
function checkLevels(levels: Levels): void {
  const order = (["support", "pivot", "resistance"] as const).filter((k) => levels[k]);
  for (let i = 1; i < order.length; i++) {
    const [low, high] = [order[i - 1] as keyof Levels, order[i] as keyof Levels];
    if ((levels[low] as Level).price >= (levels[high] as Level).price) {
      throw new SandboxError(400, `levels: ${low} must be below ${high}.`);
    }
  }
}

const analyses: SandboxResource = {
  name: ANALYSES,
  noun: "analysis",
  plural: "analyses",
  pagination: "page",
  searchFields: ["metadata.title", "metadata.symbol"],
};

function findAnalysis(st: SandboxStore, communityId: string, id: unknown): Rec {
  const found = st.collection(ANALYSES).find((a) => a._id === id && a.communityID === communityId);
  if (!found) throw new SandboxError(404, "Analysis not found.");
  return found;
}

function replace(st: SandboxStore, old: Rec, next: Rec): void {
  const records = st.collection(ANALYSES);
  records[records.indexOf(old)] = next;
}

/** Text links drawings by clientObjectId, so two drawings of an analysis may never share one. */
function checkNewDrawings(existing: readonly Drawing[], added: readonly Drawing[]): void {
  const taken = new Set(existing.map((d) => d.clientObjectId));
  for (const drawing of added) {
    if (taken.has(drawing.clientObjectId)) {
      throw new SandboxError(
        409,
        `A drawing with clientObjectId ${JSON.stringify(drawing.clientObjectId).slice(0, 120)} already exists.`,
      );
    }
    taken.add(drawing.clientObjectId);
  }
}

export const chartAnalysisSandbox = sandboxFor(chartAnalysis, {
  get_chart_analysis: crud(analyses, "get"),
  delete_chart_analysis: crud(analyses, "delete"),

  list_chart_analyses({ store: st, communityId, args }) {
    checkCommunity(args.communityId, communityId);
    findChannel(st, communityId, args.channelId);
    const inChannel = st.collection(ANALYSES).filter((a) => a.communityID === communityId && a.channelId === args.channelId);
    const { data, meta } = listRecords(inChannel, analyses, args);
    return { statusCode: 200, message: "Read analyses success.", data, meta };
  },

  create_chart_analysis({ store: st, communityId, args }) {
    checkCommunity(args.communityId, communityId);
    const channel = findChannel(st, communityId, args.channelId);
    const member = findMember(st, communityId, args.sender);
    // The same idempotency key answers with the analysis it first created, so a retry posts nothing twice.
    const key = args.idempotencyKey;
    const earlier =
      key === undefined
        ? undefined
        : st.collection(ANALYSES).find((a) => a.communityID === communityId && a.idempotencyKey === key);
    if (earlier) return { statusCode: 200, message: "Analysis already created", data: earlier };
    const { metadata } = args;
    const levels: Levels = args.levels ?? {};
    checkLevels(levels);
    const drawings: Drawing[] = args.drawings ?? [];
    checkNewDrawings([], drawings);
    const now = st.now();
    const record: Rec = {
      _id: newObjectId(),
      communityID: communityId,
      channelId: channel._id,
      senderId: member._id,
      type: TYPES[`${metadata.direction} ${metadata.entryPlacement}`],
      metadata,
      levels,
      drawings,
      ...(key === undefined ? {} : { idempotencyKey: key }),
      createdAt: now,
      updatedAt: now,
    };
    st.collection(ANALYSES).push(record);
    return { statusCode: 201, message: "Analysis created successfully", data: record };
  },

  update_chart_analysis({ store: st, communityId, args }) {
    const current = findAnalysis(st, communityId, args.analysisId);
    if (args.sender !== undefined) findMember(st, communityId, args.sender);
    const metadata = args.metadata ?? {};
    const levels: Levels | undefined = args.levels;
    const updatedFields = [...Object.keys(metadata), ...(levels ? ["levels"] : [])];
    if (updatedFields.length === 0) throw new SandboxError(400, "(body): nothing to change: send metadata or levels.");
    // Metadata and levels change field by field; what is not sent stays.
    const nextLevels = { ...(current.levels as Levels), ...levels };
    checkLevels(nextLevels);
    const next: Rec = {
      ...current,
      metadata: { ...(current.metadata as Record<string, unknown>), ...metadata },
      levels: nextLevels,
      updatedAt: st.now(),
    };
    replace(st, current, next);
    return { statusCode: 200, message: "Analysis updated successfully", data: { analysisId: next._id, updatedFields } };
  },

  append_chart_analysis_drawings({ store: st, communityId, args }) {
    const current = findAnalysis(st, communityId, args.analysisId);
    const existing = current.drawings as Drawing[];
    const added: Drawing[] = args.drawings;
    checkNewDrawings(existing, added);
    const next: Rec = { ...current, drawings: [...existing, ...added], updatedAt: st.now() };
    replace(st, current, next);
    return { statusCode: 200, message: "Drawings appended successfully", data: next };
  },
});
