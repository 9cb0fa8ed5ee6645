/**
 * A count with its noun in the right number: "1 node", "2 nodes", "0 clusters". Irregular plurals are
 * passed in ("1 apply", "3 applies"). One helper, so no page says "1 cluster(s)".
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${nounFor(count, singular, pluralForm)}`;
}

/** The noun alone, for sentences that put the count elsewhere ("RBAC user groups a, b"). */
export function nounFor(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}
