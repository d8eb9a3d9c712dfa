import { DEMO } from "../../demo.js";
import type { ToolSpec } from "../../registry/types.js";
import { messaging } from "../messaging.js";

/**
 * Legacy Messaging lists the very wire routes of the messaging tools again (POST /apis/v1/messages/
 * send|reply|react, Bearer in both catalogs): one operation each. One wire route has one behaviour, so
 * each legacy tool calls its current twin's operation and takes its arguments and sandbox handler.
 */
function twin(name: string): Pick<ToolSpec, "operation" | "input" | "sandbox" | "replacedBy"> {
  const tool = messaging.tools.find((t) => t.name === name);
  if (!tool) throw new Error(`legacy messaging: no tool ${name} in the messaging table`);
  return { operation: tool.operation, input: tool.input, sandbox: tool.sandbox, replacedBy: tool.name };
}

export const messagingTools: ToolSpec[] = [
  {
    name: "legacy_send_message",
    memberText: true,
    title: "Send message (legacy)",
    description: "Post a message to a channel as a member; forum channels also need forumTopicId.",
    ...twin("send_message"),
    example: { channelId: DEMO.channelIds.text, message: "Markets open in 10 minutes.", sender: DEMO.username },
    risk: "write",
  },
  {
    name: "legacy_reply_to_message",
    memberText: true,
    title: "Reply to message (legacy)",
    description: "Reply to a message as a member.",
    ...twin("reply_to_message"),
    example: { messageId: DEMO.messageId, message: "Thanks, noted.", sender: DEMO.username },
    risk: "write",
  },
  {
    name: "legacy_react_to_message",
    memberText: true,
    title: "React to message (legacy)",
    description: "Add an emoji reaction to a message as a member.",
    ...twin("react_to_message"),
    example: { messageId: DEMO.messageId, emoji: ":thumbsup:", sender: DEMO.username },
    risk: "write",
  },
];
