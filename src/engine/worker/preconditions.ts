/**
 * Module and handler preconditions (iis-modules-overview.md; fact sheet §2.2): integratedMode,
 * classicMode, runtimeVersionv2.0, runtimeVersionv4.0, bitness32, bitness64, managedHandler.
 */

export interface PreconditionContext {
  managedPipelineMode: 'Integrated' | 'Classic';
  /** `v4.0`, `v2.0`, or '' for No Managed Code. */
  managedRuntimeVersion: string;
  bitness: 32 | 64;
  /** For modules: the request's handler is managed (or runAllManagedModulesForAllRequests). */
  managedHandler: boolean;
}

/** The first token that does not hold, or undefined when the precondition holds. */
export function failedPrecondition(preCondition: string, context: PreconditionContext): string | undefined {
  if (preCondition === '') return undefined;
  for (const raw of preCondition.split(',')) {
    const token = raw.trim();
    let holds: boolean;
    switch (token.toLowerCase()) {
      case 'integratedmode':
        holds = context.managedPipelineMode === 'Integrated';
        break;
      case 'classicmode':
        holds = context.managedPipelineMode === 'Classic';
        break;
      case 'runtimeversionv2.0':
        holds = context.managedRuntimeVersion === 'v2.0';
        break;
      case 'runtimeversionv4.0':
        holds = context.managedRuntimeVersion === 'v4.0';
        break;
      case 'runtimeversionv1.1':
        holds = context.managedRuntimeVersion === 'v1.1';
        break;
      case 'bitness32':
        holds = context.bitness === 32;
        break;
      case 'bitness64':
        holds = context.bitness === 64;
        break;
      case 'managedhandler':
        holds = context.managedHandler;
        break;
      default:
        holds = true;
    }
    if (!holds) return token;
  }
  return undefined;
}
