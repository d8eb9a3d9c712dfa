import { webhooks } from "../tools/webhooks.js";
import { sandboxFor } from "./engine/bind.js";
import { SandboxError } from "./engine/envelope.js";
import { findMember } from "./engine/members.js";
import { newObjectId, type Rec, type SandboxStore } from "./engine/store.js";
import { sendMessage } from "./messaging.js";

/**
 * The incoming webhooks that change a member (send-message shares the messaging handler). Their
 * state is kept beside the member records, which belong to the users area: one record per
 * member and custom field, one balance per member.
 */

const FIELD_VALUES = "customFieldValues";
const BALANCES = "currencyBalances";

function valuesOf(st: SandboxStore, communityId: string, userId: string): Record<string, unknown> {
  const mine = st.collection(FIELD_VALUES).filter((r) => r.communityID === communityId && r.userId === userId);
  return Object.fromEntries(mine.map((r) => [r.field, r.value]));
}

function balanceOf(st: SandboxStore, communityId: string, member: Rec): Rec {
  const records = st.collection(BALANCES);
  let record = records.find((r) => r.communityID === communityId && r.userId === member._id);
  if (!record) {
    // A member starts from the coins their record shows, if any.
    record = { _id: newObjectId(), communityID: communityId, userId: member._id, balance: Number(member.coins ?? 0) };
    records.push(record);
  }
  return record;
}

export const webhooksSandbox = sandboxFor(webhooks, {
  send_message_by_webhook: sendMessage,

  update_custom_fields_by_webhook({ store: st, communityId, args }) {
    const member = findMember(st, communityId, args.idOrEmail, true);
    const records = st.collection(FIELD_VALUES);
    const now = st.now();
    for (const { field, value } of args.fields) {
      const found = records.find((r) => r.communityID === communityId && r.userId === member._id && r.field === field);
      if (found) Object.assign(found, { value, updatedAt: now });
      else records.push({ _id: newObjectId(), communityID: communityId, userId: member._id, field, value, updatedAt: now });
    }
    return {
      statusCode: 200,
      message: "Custom fields updated",
      data: { userId: member._id, customFields: valuesOf(st, communityId, member._id) },
    };
  },

  update_currency_by_webhook({ store: st, communityId, args }) {
    const member = findMember(st, communityId, args.idOrEmail, true);
    const record = balanceOf(st, communityId, member);
    const amount = args.amount;
    const balance = Number(record.balance) + amount;
    if (balance < 0) throw new SandboxError(400, `amount: the balance would go below zero (it is ${record.balance}).`);
    record.balance = balance;
    record.updatedAt = st.now();
    return { statusCode: 200, message: "Currency updated", data: { userId: member._id, change: amount, balance } };
  },
});
