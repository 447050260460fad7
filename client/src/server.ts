import { AngularAppEngine } from '@angular/ssr';

/** A page the server rendered: its status and HTML. */
export interface RenderedPage {
  status: number;
  html: string;
}

let engine: AngularAppEngine | null = null;

/**
 * The page renderer the API server runs in a worker thread (ADR 13), bundled by the client build as
 * dist/client/server/server.mjs. Renders the page at `url`, an address on the API server itself (the page's
 * API calls go there, as the person whose `cookie` this is). Null for a page the browser renders itself.
 */
export async function renderPage(url: string, cookie: string): Promise<RenderedPage | null> {
  // The address is the API server's own, never a request's Host header: it is the only host allowed.
  engine ??= new AngularAppEngine({ allowedHosts: [new URL(url).hostname] });
  const response = await engine.handle(new Request(url, { headers: { cookie, accept: 'text/html' } }));
  return response ? { status: response.status, html: await response.text() } : null;
}
