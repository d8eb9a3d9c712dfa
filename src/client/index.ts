export { envelopeFailed, errorMessageFrom, unwrapEnvelope } from "./envelope.js";
export { ReturningAiClient } from "./http.js";
export { buildPath, buildQuery, joinUrl } from "./path.js";
export { shortText } from "./response.js";
export { backoffDelay, parseRetryAfter } from "./retry.js";
export * from "./types.js";
