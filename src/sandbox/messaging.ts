import { detectType } from "../registry/uploads.js";
import { messaging } from "../tools/messaging.js";
import { type ArgsOf, type Handler, sandboxFor } from "./engine/bind.js";
import { SandboxError } from "./engine/envelope.js";
import { findChannel, findMember } from "./engine/members.js";
import { newObjectId, type Rec, type SandboxStore } from "./engine/store.js";

/**
 * Messages live in the "messages" collection as { channelId, senderId, message, forumTopicId?,
 * replyTo?, reactions[] } and are answered in the shape of the Get Messages example. Message text
 * is the members' own content: it is stored and returned as data, never interpreted.
 */

const MESSAGES = "messages";

interface Post {
  channelId: string;
  message: string;
  sender: string;
  forumTopicId?: string | undefined;
}

/** The forum rule of the Message Actions guides: a forum post names its topic, other channels have none. */
function checkTopic(channel: Rec, forumTopicId: string | undefined): void {
  if (channel.channelType !== "forum") {
    if (forumTopicId) throw new SandboxError(400, "forumTopicId: only forum channels have topics.");
    return;
  }
  if (!forumTopicId) throw new SandboxError(400, "forumTopicId: required to post in a forum channel.");
  const topics = (channel.forumTopics ?? []) as Rec[];
  if (!topics.some((t) => t._id === forumTopicId)) throw new SandboxError(404, "Forum topic not found in this channel.");
}

function store(st: SandboxStore, record: Omit<Rec, "_id" | "createdAt" | "updatedAt">): Rec {
  const now = st.now();
  const saved: Rec = { _id: newObjectId(), ...record, reactions: [], createdAt: now, updatedAt: now };
  st.collection(MESSAGES).push(saved);
  return saved;
}

/** Posts a message as a member; shared with the incoming webhook that sends messages. */
export function postMessage(st: SandboxStore, communityId: string, post: Post): Rec {
  const channel = findChannel(st, communityId, post.channelId);
  checkTopic(channel, post.forumTopicId);
  const member = findMember(st, communityId, post.sender);
  return store(st, {
    communityID: communityId,
    channelId: channel._id,
    ...(post.forumTopicId ? { forumTopicId: post.forumTopicId } : {}),
    senderId: member._id,
    message: post.message,
  });
}

function findMessage(st: SandboxStore, communityId: string, id: unknown): Rec {
  const found = st.collection(MESSAGES).find((m) => m._id === id && m.communityID === communityId);
  if (!found) throw new SandboxError(404, "Message not found.");
  return found;
}

/** A stored message as Get Messages shows one: who, where, when, plus its thread and reactions. */
function shown(st: SandboxStore, m: Rec): Record<string, unknown> {
  const user = st.collection("users").find((u) => u._id === m.senderId);
  const channel = st.collection("channels").find((c) => c._id === m.channelId);
  return {
    id: m._id,
    message: m.message,
    user: { user_id: String(user?.id ?? m.senderId), email: user?.email, username: user?.username },
    channel: { channel_id: m.channelId, name: channel?.topic },
    ...(m.forumTopicId ? { forumTopicId: m.forumTopicId } : {}),
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    reactions: m.reactions,
    timestamp: m.createdAt,
  };
}

const DEFAULT_COUNT = 20;

/** Legacy Messaging and the send-message webhook post the same way. */
export const sendMessage: Handler<Post> = ({ store: st, communityId, args }) => {
  const saved = postMessage(st, communityId, args);
  return { statusCode: 200, message: "Message send successfully", data: shown(st, saved) };
};

export const replyToMessage: Handler<ArgsOf<typeof messaging, "reply_to_message">> = ({ store: st, communityId, args }) => {
  const parent = findMessage(st, communityId, args.messageId);
  const member = findMember(st, communityId, args.sender);
  // A reply stays in its parent's channel and forum topic, and points back at the parent.
  const saved = store(st, {
    communityID: communityId,
    channelId: parent.channelId,
    ...(parent.forumTopicId ? { forumTopicId: parent.forumTopicId } : {}),
    senderId: member._id,
    message: args.message,
    replyTo: parent._id,
  });
  return { statusCode: 200, message: "Message reply successfully", data: shown(st, saved) };
};

export const reactToMessage: Handler<ArgsOf<typeof messaging, "react_to_message">> = ({ store: st, communityId, args }) => {
  const target = findMessage(st, communityId, args.messageId);
  const member = findMember(st, communityId, args.sender);
  const reactions = target.reactions as Array<{ emoji: string; userIds: string[] }>;
  let reaction = reactions.find((r) => r.emoji === args.emoji);
  if (!reaction) {
    reaction = { emoji: args.emoji, userIds: [] };
    reactions.push(reaction);
  }
  // One reaction per member and emoji, as in any chat: reacting twice changes nothing.
  if (!reaction.userIds.includes(member._id)) reaction.userIds.push(member._id);
  target.updatedAt = st.now();
  return { statusCode: 200, message: "Reaction added successfully", data: shown(st, target) };
};

export const messagingSandbox = sandboxFor(messaging, {
  list_messages({ store: st, communityId, args }) {
    if (args.channel_id !== undefined) findChannel(st, communityId, args.channel_id);
    const email = args.email?.toLowerCase();
    const users = st.collection("users");
    const matches = st
      .collection(MESSAGES)
      .filter((m) => m.communityID === communityId)
      .filter((m) => args.channel_id === undefined || m.channelId === args.channel_id)
      .filter((m) => {
        if (args.user_id === undefined && email === undefined) return true;
        const user = users.find((u) => u._id === m.senderId);
        if (!user) return false;
        const idMatches = args.user_id === undefined || args.user_id === user._id || args.user_id === String(user.id);
        return idMatches && (email === undefined || String(user.email).toLowerCase() === email);
      })
      .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    const count = args.count ?? DEFAULT_COUNT;
    return {
      statusCode: 200,
      message: "messages fetched successfully",
      data: { total: matches.length, messages: matches.slice(0, count).map((m) => shown(st, m)) },
    };
  },

  send_message: sendMessage,
  reply_to_message: replyToMessage,
  react_to_message: reactToMessage,

  upload_message_images({ store: st, communityId, files }) {
    const uploaded = (files.images ?? []).map((file) => {
      const id = newObjectId();
      const name = file.name || "image";
      // The type the bytes show (the server already refused anything that is not an image).
      const detected = detectType(file.bytes, "image");
      const record = {
        _id: id,
        communityID: communityId,
        name,
        url: `https://cdn.sandbox.localhost/messages/${id}/${encodeURIComponent(name)}`,
        type: typeof detected === "string" ? detected : file.type,
        size: file.size,
        createdAt: st.now(),
      };
      st.collection("messageImages").push(record);
      return { id, name, url: record.url, type: record.type, size: record.size };
    });
    return { statusCode: 200, message: "Images uploaded successfully", data: uploaded };
  },
});
