/** What a panel says while there is no trace to show: the engine starting, or the first run failed or refused. */
import type { RunState } from '../state/run';

export function noTraceText(status: RunState['status']): string {
  return status === 'error' ? 'Nothing to show yet: the engine could not run this model (the message above says why).' : 'Starting the engine…';
}
