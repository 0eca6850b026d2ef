/** Messages between the cluster primary and its workers. */
export type WorkerMessage =
  /** Listening; `buildId` names the build it loaded (buildIdOf), so a rolling restart knows when every worker runs one build. */
  | { readonly type: 'twelvepack:ready'; readonly buildId: string }
  | { readonly type: 'twelvepack:fatal'; readonly message: string }
  | { readonly type: 'twelvepack:shutdown'; readonly reason: string };

/** Narrows an IPC message to ours. */
export function isWorkerMessage(message: unknown): message is WorkerMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('twelvepack:');
}
