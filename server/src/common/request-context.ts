import { AsyncLocalStorage } from 'node:async_hooks';

/** What the current HTTP request is, for log lines and audit rows written anywhere below it. */
export interface RequestContext {
  requestId: string;
  clientAddress: string | null;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | null {
  return requestContext.getStore()?.requestId ?? null;
}
