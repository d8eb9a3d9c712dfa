/** A problem with settings or command-line arguments: the CLI prints it on one line and exits 2. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
