import { messagingTools } from "../../tools/legacy/messaging.js";
import { bindTools } from "../engine/bind.js";
import { reactToMessage, replyToMessage, sendMessage } from "../messaging.js";

/** The very wire routes of the messaging tools: one route, one handler. */
export const messagingBehaviours = bindTools(messagingTools, {
  legacy_send_message: sendMessage,
  legacy_reply_to_message: replyToMessage,
  legacy_react_to_message: reactToMessage,
});
