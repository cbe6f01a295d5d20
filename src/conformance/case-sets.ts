/** The deployments the conformance cases come in (kept apart from the cases, so the CLI can list them without loading them). */
export const CASE_SETS = ['default', 'noauth', 'no-image-cache'] as const;
export type CaseSetName = (typeof CASE_SETS)[number];
