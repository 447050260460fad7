import { AngularAppEngine } from '@angular/ssr';

/** A page the server rendered: its status and HTML. */
export interface RenderedPage {
  status: number;
  html: string;
}

let engine: AngularAppEngine | null = null;

/**
 * The page renderer the API server runs in a worker thread (ADR 13), bundled by the client build as
 * dist/client/server/server.mjs. Renders the page at `url`, an address on the API server itself. The page's
 * API calls go there with the `browser`'s headers: its cookie (so its session) and the header naming its
 * address for the audit trail (serverCookieInterceptor). Null for a page the browser renders itself.
 */
export async function renderPage(url: string, browser: Record<string, string>): Promise<RenderedPage | null> {
  // The address is the API server's own, never a request's Host header: it is the only host allowed.
  engine ??= new AngularAppEngine({ allowedHosts: [new URL(url).hostname] });
  const response = await engine.handle(new Request(url, { headers: { ...browser, accept: 'text/html' } }));
  return response ? { status: response.status, html: await response.text() } : null;
}
