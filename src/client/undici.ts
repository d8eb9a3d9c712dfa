import type { Dispatcher, FormData } from "undici";
import apiRequest from "undici/lib/api/api-request.js";
import Agent from "undici/lib/dispatcher/agent.js";

/**
 * The parts of undici the client uses, loaded on their own: undici's index also evaluates fetch,
 * WebSocket, cookies, caches and mocks, which took about as long at start as all our tool tables.
 * FormData (uploads only) comes from the index, loaded on the first upload.
 */
export { Agent };

/** undici's `request(url, opts)`, for an origin and a path already split. */
export const request = (dispatcher: Dispatcher, opts: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> =>
  apiRequest.call(dispatcher, opts);

export const loadFormData = async (): Promise<typeof FormData> => (await import("undici")).FormData;
