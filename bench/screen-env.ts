/** The environment for a process that draws the dashboard: in CI, Ink draws only a final frame. */
export function screenEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  return env;
}
