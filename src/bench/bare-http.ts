import { serveBareHttp } from "./bare.js";

/** The bare stateless SDK server over HTTP, in its own process; its URL is the first stdout line. */
const url = await serveBareHttp(process.env.BENCH_UPSTREAM ?? "http://127.0.0.1:9", process.env.RETURNING_AI_API_KEY ?? "bench");
process.stdout.write(`${url}\n`); // stdout-ok: tells the bench where to connect
