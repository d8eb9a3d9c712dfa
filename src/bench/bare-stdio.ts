import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { bareServer } from "./bare.js";

/** The bare SDK server over stdio, spawned by the startup benchmark beside ours. */
await bareServer(process.env.BENCH_UPSTREAM ?? "http://127.0.0.1:9", "bench").connect(new StdioServerTransport());
