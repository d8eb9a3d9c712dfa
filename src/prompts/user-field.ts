import type { PromptDef } from "./types.js";
import { enumValues } from "./values.js";

const fieldTypes = () => enumValues("create_user_field", "type");

export const addUserField: PromptDef = {
  name: "add_user_field",
  title: "Add a custom user field and fill it",
  description: "Create a custom user field and set its value for a list of users.",
  arguments: [
    { name: "field", description: "Field key, e.g. deposit-amount (spaces become hyphens)", required: true },
    { name: "label", description: "Name members see (default: the key)" },
    { name: "type", description: "Value type of the field, e.g. number", required: true, values: fieldTypes, closed: true },
    {
      name: "values",
      description: "One user per line: email or user id, then the value (e.g. ava@example.com = 250)",
      required: true,
    },
  ],
  intro: (args) =>
    `Add the custom user field "${args.field}"${args.label ? ` (shown as "${args.label}")` : ""}` +
    ` of type ${args.type} and fill it for these users:\n${args.values}`,
  steps: [
    {
      tools: ["list_user_fields"],
      text: () => "Check that no field with this key exists yet; if one does, show it and ask whether to fill that one instead.",
    },
    { tools: ["create_user_field"], text: () => "Create the field and note its id." },
    {
      // filter_users answers the 24-hex user_id that the history takes; get_user_data's userId is the platform id.
      tools: ["filter_users"],
      optional: true,
      text: () =>
        "Look up the 24-hex user_id of every email in the list (filter_users, filter.email, fields user_id and email); " +
        "report the emails that match no member and leave them out.",
    },
    {
      tools: ["create_user_field_history"],
      text: () =>
        "Set the value for each user, one call per user, converting it to the field's type; stop and show me any value " +
        "that does not fit. At the end, report how many users were filled and list the ones that failed.",
    },
  ],
};
