/** Where a server process is in its life: starting, ready, stopping. */
export interface ProcessState {
  isReady(): boolean;
  isStopping(): boolean;
  markReady(): void;
  markStopping(): void;
}

/** Starts as not ready; ready once listening; never ready again once stopping. */
export function createProcessState(): ProcessState {
  let phase: 'starting' | 'ready' | 'stopping' = 'starting';
  return {
    isReady: () => phase === 'ready',
    isStopping: () => phase === 'stopping',
    markReady: () => {
      if (phase === 'starting') phase = 'ready';
    },
    markStopping: () => {
      phase = 'stopping';
    },
  };
}
