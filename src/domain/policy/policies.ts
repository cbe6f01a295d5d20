import type { PolicyName } from '../profiles';
import type { GlancePolicy } from './glance-policy';
import { legacyPolicy } from './legacy';
import { secureRbacPolicy } from './secure-rbac';

export const glancePolicies: Record<PolicyName, GlancePolicy> = {
  legacy: legacyPolicy,
  'secure-rbac': secureRbacPolicy,
};
