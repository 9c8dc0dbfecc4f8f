import type { PolicyDecision, PolicyInput } from '@liaison/core/policy/index';
import type { AppContext } from '../context.ts';
import { decide } from '../federation/policy-store.ts';

/** One policy decision against the rule files as they are on disk now (a rule change needs no restart). */
export function decidePolicy(app: AppContext, input: PolicyInput): PolicyDecision {
  return decide(app.config.policiesDir, input, (problem) =>
    app.log.error({ problem }, 'a rule file was refused; the previous version stays in force'),
  );
}
