import type { PathErrors } from '../admin/fieldErrors';
import type { PolicyDraft } from './policyDraft';

/** What every part of the policy form gets: the draft, a way to change it, and the server's complaints by field. */
export interface PolicySectionProps {
  draft: PolicyDraft;
  update: (change: Partial<PolicyDraft>) => void;
  errors: PathErrors;
}
