/** Resource types and counts (`Timeout`, `TCPServerWrap`...), for comparing what is alive before and after. */
export function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** Resource types with more alive now than in `before` (fewer is fine: the test runner's own come and go). */
export function leftovers(before: Record<string, number>): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [type, n] of Object.entries(resources())) if (n > (before[type] ?? 0)) extra[type] = n - (before[type] ?? 0);
  return extra;
}
