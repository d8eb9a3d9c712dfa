import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { bareLowLevelServer, bareServer } from "./bare.js";

/** A bare SDK server over stdio, spawned by the bench beside ours: McpServer, or `lowlevel` Server. */
const upstream = process.env.BENCH_UPSTREAM ?? "http://127.0.0.1:9";
const key = process.env.RETURNING_AI_API_KEY ?? "bench";
const server = process.argv[2] === "lowlevel" ? bareLowLevelServer(upstream, key) : bareServer(upstream, key);
await server.connect(new StdioServerTransport());
