import type { Guide } from "./types.js";

export const widgetsGuide: Guide = {
  uri: "returning-ai://guides/widgets",
  name: "widgets",
  title: "Embedding widgets",
  description: "Read when the user wants a leaderboard, store or other Returning.AI widget on their own site.",
  catalogIds: ["widgets.public", "widgets.authenticated", "channels.iframe"],
  text: `# Embedding widgets

Returning.AI widgets (store, channel, milestone, social, currency, referral, custom ...) are served from
\`https://prod-widgets.returning.ai\`. This server has no widget tools: a leaderboard's or the store's own
widget switch, allowed domains, size and button are settings of the leaderboard and store tools.

## Public widgets: who the member is, told by the page
Three ways to embed, each naming the widget by its id:
- **Loader script** \`https://prod-widgets.returning.ai/widget-loader.js\` with the attributes
  \`data-widget-id\`, \`data-widget-type\` (e.g. \`custom\`) and \`data-container\` (the id of the element to fill);
  optionally \`data-api-url\` and \`data-widget-url\`.
- **Iframe** at \`https://prod-widgets.returning.ai/<widgetType>/<widgetId>\`, with the member in query
  parameters (\`email\`, \`userId\`, \`firstname\`, \`lastname\`) and optionally \`color=light\`.
- **SDK elements** such as \`<rai-store-widget>\`, \`<rai-channel-widget>\`, \`<rai-milestone-widget>\`,
  \`<rai-social-widget>\`, \`<rai-currency-widget>\`, \`<rai-referral-widget>\` and \`<rai-custom-widget>\`.

Identity passed this way (\`data-customer-id\`, \`data-user-id\`, \`data-email\`, \`data-firstname\`,
\`data-lastname\`) is visible in the browser and can be forged. Prefer a stable customer id, combine several
identifiers, and use an authenticated widget wherever the widget shows or spends anything of value.

## Authenticated widgets: who the member is, vouched for by a server
The credentials stay on the customer's server; the browser only gets a short-lived token.
- **Access key embed (recommended).** The server sends \`{ accessId, accessKey, userIdentifiers }\` to
  \`POST https://api-v2.returning.ai/v2/api/widget-access-keys/token\` and gets \`data.embedToken\` (a JWT
  valid about 15 minutes) and \`data.expiresIn\` (seconds). The page puts the token in the widget's
  \`embed-token\` attribute; there is no refresh callback, so render the widget again with a new token. The
  access id and key come from Community Settings > Integrations > SDK Access, and the key is shown once.
  \`userIdentifiers\` keys are \`data-*\` names matching the widget's user identifier fields (for example
  \`data-customer-id\`); two copies of the docs disagree on whether they belong in the token request or stay
  on the element.
- **Sign-in token (older).** The server calls \`POST https://prod-widgets.returning.ai/widget/<communityId>/signin\`
  with the headers \`returningai-api-key\` and \`email\` and gets \`{ token }\`, valid about 5 minutes. The SDK
  fetches and refreshes it through its \`auth-url\`; an iframe asks for it with a \`postMessage\`
  (\`RETURNINGAI_WIDGET_REQUEST_TOKEN\`, answered with \`RETURNINGAI_WIDGET_TOKEN\`), and the page must check
  that the message comes from \`https://prod-widgets.returning.ai\`.

The reference also lists an "Iframe" page under Channels whose content is not available.
`,
};
