/**
 * Every Electron security decision of the console lives here (in the spirit of Actual Budget's
 * `security.ts`): web preferences, the Content-Security-Policy, navigation and window-open rules,
 * which external links may leave the app, permission requests, which IPC senders are trusted, and
 * how `app://` URLs map onto files.
 *
 * The module imports only *types* from 'electron'. Everything that needs the Electron runtime
 * (`app`, `session`, `shell`) is passed in as a parameter, so the pure decisions can be unit-tested
 * under plain Node (see security.test.ts) and the wiring stays a thin layer on top of them.
 */
import type {
  App,
  CustomScheme,
  Event as ElectronEvent,
  HandlerDetails,
  HeadersReceivedResponse,
  OnHeadersReceivedListenerDetails,
  Session,
  Shell,
  WebContents,
  WebPreferences,
  WindowOpenHandlerResponse,
} from 'electron';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

// ---------------------------------------------------------------------------------------------
// Our origin
// ---------------------------------------------------------------------------------------------

/** The privileged scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** Standard schemes need a host; this one names the bundle and is the only host we serve. */
export const APP_HOST = 'callback-console';
/** What `location.origin` reads in the renderer. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * How `app://` is registered (must happen before `app` is ready). `standard` gives it real origin
 * semantics (so CSP `'self'`, relative URLs and storage work), `secure` makes it a secure context,
 * `supportFetchAPI` lets Vite's module scripts load. `corsEnabled` and `bypassCSP` stay off: the
 * first would make our files readable cross-origin, the second would switch our CSP off.
 */
export function appSchemePrivileges(): CustomScheme {
  return {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  };
}

function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True only for URLs of our own bundle: `app://callback-console/...`. (Node's WHATWG URL reports
 * `origin === 'null'` for non-special schemes, so compare protocol and host rather than origin.)
 */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * Whether an IPC message may reach the backend: only from a frame showing our own renderer.
 * `about:blank`, `file:`, remote `http(s):`, other `app://` hosts, `null`/missing URLs are refused.
 */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

// ---------------------------------------------------------------------------------------------
// Web preferences
// ---------------------------------------------------------------------------------------------

/** The only web preferences any window of the console is created with. */
export function secureWebPreferences(preloadPath: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools ?? true,
  };
}

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy
// ---------------------------------------------------------------------------------------------

const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

/** The renderer's policy: only our own bundle runs; no eval, no remote anything. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** Responses the CSP header is attached to: our own bundle (and `file:` should anything load it). */
export function shouldApplyCsp(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && (parsed.protocol === `${APP_SCHEME}:` || parsed.protocol === 'file:');
}

/** Response headers with our CSP set, replacing any existing policy whatever its letter case. */
export function withCspHeader(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** The `onHeadersReceived` decision, as a plain function. */
export function headersReceivedResponse(
  details: Pick<OnHeadersReceivedListenerDetails, 'url' | 'responseHeaders'>,
): HeadersReceivedResponse {
  if (!shouldApplyCsp(details.url)) return {};
  return { responseHeaders: withCspHeader(details.responseHeaders) };
}

// ---------------------------------------------------------------------------------------------
// Navigation, new windows, external links
// ---------------------------------------------------------------------------------------------

/**
 * Links that may be handed to the operating system: plain `http(s)` with a host and without
 * embedded credentials. Everything else (`file:`, `javascript:`, `smb:`, custom handlers, …) is
 * refused, because `shell.openExternal` on those can run programs.
 */
export function isSafeExternalUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  if (url === null) return false;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.hostname === '') return false;
  if (url.username !== '' || url.password !== '') return false;
  return true;
}

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/** In-window navigation stays within our bundle; safe web links go to the system browser. */
export function navigationDecision(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  if (isSafeExternalUrl(url)) return 'open-external';
  return 'deny';
}

/** `window.open` / `target=_blank` never creates a window; a safe web link opens externally. */
export function windowOpenDecision(details: Pick<HandlerDetails, 'url'>): {
  response: WindowOpenHandlerResponse;
  openExternal: string | null;
} {
  return {
    response: { action: 'deny' },
    openExternal: isSafeExternalUrl(details.url) ? details.url : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Permissions
// ---------------------------------------------------------------------------------------------

/**
 * Permissions the renderer may get. The console needs no camera, microphone, geolocation,
 * notifications, HID/serial/USB, … — only writing to the clipboard (copy buttons), and only from
 * our own page. Everything else is denied.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

// ---------------------------------------------------------------------------------------------
// app:// → file mapping
// ---------------------------------------------------------------------------------------------

/**
 * The file an `app://` request is served from, or null when it must be refused: another host,
 * encoded separators or NUL bytes, or anything resolving outside `rootDir` (path traversal).
 * `/` and extension-less paths (client-side routes) serve `index.html`.
 */
export function resolveAppRequestPath(rootDir: string, requestUrl: string): string | null {
  const url = parseUrl(requestUrl);
  if (url === null || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  // `new URL` already folded `.`/`..` segments; an encoded `%2e%2e` or `%2f` is caught here.
  if (pathname.split('/').some((segment) => segment === '..')) return null;

  if (pathname === '' || pathname === '/' || extname(pathname) === '') pathname = '/index.html';

  const root = resolve(rootDir);
  const target = resolve(root, `.${pathname}`);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

// ---------------------------------------------------------------------------------------------
// Wiring (needs the Electron runtime, passed in)
// ---------------------------------------------------------------------------------------------

type Logger = (message: string) => void;

function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string, log: Logger): void {
  if (!isSafeExternalUrl(url)) {
    log(`[security] refused to open external URL: ${url}`);
    return;
  }
  shell.openExternal(url).catch((error: unknown) => {
    log(`[security] could not open ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** Navigation, redirect, window-open and webview rules for one WebContents. */
export function hardenWebContents(
  contents: WebContents,
  shell: Pick<Shell, 'openExternal'>,
  log: Logger = console.warn,
): void {
  // Main frame: stay inside the bundle; a safe web link goes to the system browser instead.
  contents.on('will-navigate', (event: ElectronEvent<{ url: string }>) => {
    const decision = navigationDecision(event.url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openExternalSafely(shell, event.url, log);
    else log(`[security] blocked navigation to ${event.url}`);
  });
  // Subframes (the main frame is handled above): never leave the bundle, never open anything.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAppUrl(event.url)) return;
    event.preventDefault();
    log(`[security] blocked subframe navigation to ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log(`[security] blocked redirect to ${event.url}`);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler((details) => {
    const { response, openExternal } = windowOpenDecision(details);
    if (openExternal !== null) openExternalSafely(shell, openExternal, log);
    else log(`[security] blocked window.open of ${details.url}`);
    return response;
  });
}

/** CSP header and permission handlers for a session. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback(headersReceivedResponse(details));
  });
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? webContents.getURL()));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => {
    return isPermissionAllowed(permission, requestingOrigin);
  });
}

/**
 * Installs the whole policy: call once, when `app` is ready and before any window is created.
 * Every WebContents the app ever creates is hardened through `web-contents-created`.
 */
export function installSecurity(deps: {
  app: Pick<App, 'on'>;
  session: Session;
  shell: Pick<Shell, 'openExternal'>;
  log?: Logger;
}): void {
  const log = deps.log ?? console.warn;
  hardenSession(deps.session);
  deps.app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps.shell, log));
}
