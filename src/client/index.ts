export { ReturningAiClient } from "./http.js";
export { buildPath, buildQuery, joinUrl } from "./path.js";
export { unwrapEnvelope, errorMessageFrom, envelopeFailed } from "./envelope.js";
export { parseRetryAfter, backoffDelay } from "./retry.js";
export { shortText } from "./response.js";
export * from "./types.js";
