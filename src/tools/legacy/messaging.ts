import { DEMO } from "../../demo.js";
import { defineTools } from "../../registry/define.js";
import type { ToolSpec } from "../../registry/types.js";
import { messaging } from "../messaging.js";

/**
 * Legacy Messaging lists the very wire routes of the messaging tools again (POST /apis/v1/messages/
 * send|reply|react, Bearer in both catalogs): one operation each. One wire route has one behaviour, so
 * each legacy tool calls its current twin's operation and takes its arguments and sandbox handler.
 */
type Twin<N> = Extract<(typeof messaging.tools)[number], { name: N }>;

/** Typed as the twin's own input, so that the sandbox binds the twin's handler to the legacy tool. */
function twin<const N extends Twin<string>["name"]>(
  name: N,
): Pick<Twin<N>, "input"> & Pick<ToolSpec, "operation" | "replacedBy"> {
  const tool: ToolSpec | undefined = messaging.tools.find((t) => t.name === name);
  if (!tool) throw new Error(`legacy messaging: no tool ${name} in the messaging table`);
  return { operation: tool.operation, input: tool.input as Twin<N>["input"], replacedBy: tool.name };
}

export const messagingTools = defineTools([
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
]);
