import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  appSchemePrivileges,
  hardenSession,
  hardenWebContents,
  headersReceivedResponse,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  navigationDecision,
  resolveAppRequestPath,
  secureWebPreferences,
  shouldApplyCsp,
  windowOpenDecision,
  withCspHeader,
} from './security';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/dist-electron/preload.cjs');

  it('isolates and sandboxes the renderer without Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and experiments off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('uses the given preload and lets the caller switch devtools off', () => {
    expect(prefs.preload).toBe('/app/dist-electron/preload.cjs');
    expect(prefs.devTools).toBe(true);
    expect(secureWebPreferences('/p.cjs', { devTools: false }).devTools).toBe(false);
  });
});

describe('app:// scheme', () => {
  it('is standard and secure but neither CORS-readable nor CSP-bypassing', () => {
    const scheme = appSchemePrivileges();
    expect(scheme.scheme).toBe('app');
    expect(scheme.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(scheme.privileges?.bypassCSP).toBeFalsy();
    expect(scheme.privileges?.corsEnabled).toBeFalsy();
  });

  it('recognises only our host', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/assets/index-abc.js`)).toBe(true);
    expect(isAppUrl(APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://evil.example/index.html')).toBe(false);
    expect(isAppUrl('app://user:pw@callback-console/index.html')).toBe(false);
    expect(isAppUrl('https://callback-console/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it('is the agreed strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('runs only our own scripts: no eval, no inline script, no remote hosts', () => {
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('default-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).not.toContain('*');
  });

  it('forbids plugins, <base>, framing and form posts', () => {
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
  });

  it('is applied to app:// and file:// responses only', () => {
    expect(shouldApplyCsp(APP_ENTRY_URL)).toBe(true);
    expect(shouldApplyCsp('file:///opt/app/dist/renderer/index.html')).toBe(true);
    expect(shouldApplyCsp('https://example.com/')).toBe(false);
    expect(shouldApplyCsp('devtools://devtools/bundled/inspector.html')).toBe(false);
  });

  it('replaces any existing policy header, whatever its case', () => {
    const headers = withCspHeader({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headersReceivedResponse({ url: APP_ENTRY_URL, responseHeaders: {} }).responseHeaders).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(headersReceivedResponse({ url: 'https://example.com/', responseHeaders: {} })).toEqual({});
  });
});

describe('navigation', () => {
  it('allows our own pages', () => {
    expect(navigationDecision(APP_ENTRY_URL)).toBe('allow');
    expect(navigationDecision(`${APP_ORIGIN}/queue`)).toBe('allow');
  });

  it('sends safe web links to the system browser instead of the window', () => {
    expect(navigationDecision('https://evil.example/')).toBe('open-external');
    expect(navigationDecision('http://intranet.example/help')).toBe('open-external');
  });

  it('refuses everything else', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'app://other-host/index.html',
      'chrome://settings',
      'smb://server/share',
      '',
      'not a url',
    ]) {
      expect(navigationDecision(url), url).toBe('deny');
    }
  });
});

describe('window.open', () => {
  it('never creates a window', () => {
    for (const url of ['https://example.com/', APP_ENTRY_URL, 'about:blank', 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(windowOpenDecision({ url }).response).toEqual({ action: 'deny' });
    }
  });

  it('hands only safe http(s) links to the OS', () => {
    expect(windowOpenDecision({ url: 'https://example.com/doc' }).openExternal).toBe('https://example.com/doc');
    expect(windowOpenDecision({ url: 'file:///etc/passwd' }).openExternal).toBeNull();
    expect(windowOpenDecision({ url: APP_ENTRY_URL }).openExternal).toBeNull();
  });
});

describe('external links', () => {
  it('accepts http and https with a host', () => {
    expect(isSafeExternalUrl('https://www.example.com/path?q=1')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
  });

  it('rejects other schemes, credentials and garbage', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'vbscript:msgbox',
      'ms-msdt:/id PCWDiagnostic',
      'smb://attacker/share',
      'mailto:someone@example.com',
      'app://callback-console/index.html',
      'https://user:pass@example.com/',
      'http://',
      'https//missing-colon.example',
      '',
      null,
      42,
    ]) {
      expect(isSafeExternalUrl(url), String(url)).toBe(false);
    }
  });
});

describe('trusted IPC senders', () => {
  it('trusts frames showing our renderer', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/index.html#/queue`)).toBe(true);
  });

  it('ignores every other origin', () => {
    for (const url of [
      'about:blank',
      'https://evil.example/',
      'http://localhost:5173/',
      'file:///opt/app/dist/renderer/index.html',
      'app://evil.example/index.html',
      'devtools://devtools/bundled/inspector.html',
      '',
      null,
      undefined,
    ]) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });
});

describe('permissions', () => {
  it('denies everything except clipboard writes from our own page', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial', 'usb', 'fullscreen']) {
      expect(isPermissionAllowed(permission, APP_ENTRY_URL), permission).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('clipboard-read', APP_ENTRY_URL)).toBe(false);
  });
});

describe('app:// to file mapping', () => {
  const root = resolve('/srv/app/dist/renderer');

  it('serves files under the renderer folder, index.html for / and client routes', () => {
    expect(resolveAppRequestPath(root, APP_ENTRY_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppRequestPath(root, `${APP_ORIGIN}/`)).toBe(join(root, 'index.html'));
    expect(resolveAppRequestPath(root, APP_ORIGIN)).toBe(join(root, 'index.html'));
    expect(resolveAppRequestPath(root, `${APP_ORIGIN}/queue/today`)).toBe(join(root, 'index.html'));
    expect(resolveAppRequestPath(root, `${APP_ORIGIN}/assets/index-abc.js?v=1#x`)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppRequestPath(root, `${APP_ORIGIN}/assets/%E5%9B%9E.svg`)).toBe(join(root, 'assets', '回.svg'));
  });

  it('refuses encoded separators, NUL bytes, bad escapes, other hosts and other schemes', () => {
    for (const url of [
      `${APP_ORIGIN}/assets/..%2f..%2f..%2fetc%2fpasswd`,
      `${APP_ORIGIN}/..%5c..%5cwindows%5cwin.ini`,
      `${APP_ORIGIN}/index.html%00.js`,
      `${APP_ORIGIN}/%E0%A4%A`,
      'app://evil.example/index.html',
      'file:///etc/passwd',
      'https://callback-console/index.html',
    ]) {
      expect(resolveAppRequestPath(root, url), url).toBeNull();
    }
  });

  it('never resolves outside the renderer folder', () => {
    for (const url of [
      `${APP_ORIGIN}/../../etc/passwd.txt`,
      `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd.txt`,
      `${APP_ORIGIN}/assets/.%2e/.%2e/.%2e/secret.db`,
      `${APP_ORIGIN}//etc/passwd.txt`,
      `${APP_ORIGIN}/C:/Windows/win.ini`,
    ]) {
      const resolved = resolveAppRequestPath(root, url);
      if (resolved !== null) expect(resolved.startsWith(root + sep), `${url} → ${resolved}`).toBe(true);
    }
    // `..` segments are folded by URL parsing, so they cannot climb above the root.
    expect(resolveAppRequestPath(root, `${APP_ORIGIN}/../../etc/passwd.txt`)).toBe(join(root, 'etc', 'passwd.txt'));
  });
});

describe('wiring with fake Electron objects', () => {
  type Listener = (...args: never[]) => unknown;

  function fakeWebContents() {
    const listeners = new Map<string, Listener>();
    let windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
    const contents = {
      on(event: string, listener: Listener) {
        listeners.set(event, listener);
        return contents;
      },
      setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
        windowOpenHandler = handler;
      },
    };
    return { contents, listeners, openWindow: (url: string) => windowOpenHandler?.({ url }) };
  }

  function fakeEvent(url: string, extra: Record<string, unknown> = {}) {
    const event = { url, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true), ...extra };
    return event;
  }

  it('blocks foreign navigation, opens safe links externally and denies new windows', () => {
    const opened: string[] = [];
    const shell = { openExternal: async (url: string) => void opened.push(url) };
    const { contents, listeners, openWindow } = fakeWebContents();
    hardenWebContents(contents as never, shell, () => {});

    const fire = (name: string, event: ReturnType<typeof fakeEvent>) => (listeners.get(name) as (e: unknown) => void)(event);

    const ours = fakeEvent(APP_ENTRY_URL);
    fire('will-navigate', ours);
    expect(ours.defaultPrevented).toBe(false);

    const web = fakeEvent('https://evil.example/');
    fire('will-navigate', web);
    expect(web.defaultPrevented).toBe(true);

    const file = fakeEvent('file:///etc/passwd');
    fire('will-navigate', file);
    expect(file.defaultPrevented).toBe(true);

    const subframe = fakeEvent('https://evil.example/frame', { isMainFrame: false });
    fire('will-frame-navigate', subframe);
    expect(subframe.defaultPrevented).toBe(true);

    const redirect = fakeEvent('https://evil.example/');
    fire('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);

    const webview = fakeEvent('');
    fire('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);

    expect(openWindow('https://example.com/help')).toEqual({ action: 'deny' });
    expect(openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://evil.example/', 'https://example.com/help']);
  });

  it('sets the CSP header hook and denies permission requests', () => {
    let headersHook: ((details: unknown, callback: (response: unknown) => void) => void) | null = null;
    let requestHandler: ((...args: unknown[]) => void) | null = null;
    let checkHandler: ((...args: unknown[]) => boolean) | null = null;
    const session = {
      webRequest: { onHeadersReceived: (hook: typeof headersHook) => (headersHook = hook) },
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
    };
    hardenSession(session as never);

    let headerResponse: unknown;
    headersHook!({ url: APP_ENTRY_URL, responseHeaders: {} }, (response) => (headerResponse = response));
    expect(headerResponse).toEqual({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });

    const answers: boolean[] = [];
    const webContents = { getURL: () => APP_ENTRY_URL };
    requestHandler!(webContents, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: APP_ENTRY_URL });
    requestHandler!(webContents, 'geolocation', (granted: boolean) => answers.push(granted), { requestingUrl: APP_ENTRY_URL });
    expect(answers).toEqual([false, false]);
    expect(checkHandler!(webContents, 'notifications', APP_ORIGIN, {})).toBe(false);
  });
});

describe('npm start without the Electron runtime', () => {
  function runStart(env: NodeJS.ProcessEnv) {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'start.mjs')], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  }

  function expectFriendlyFailure({ status, output }: { status: number | null; output: string }) {
    expect(status).toBe(1);
    expect(output).toContain('npm run web');
    expect(output).toContain('node node_modules/electron/install.js');
    expect(output).toContain('ELECTRON_MIRROR');
    expect(output).toContain('npm rebuild electron --foreground-scripts');
    expect(output).toMatch(/Electron 运行时/);
    expect(output).not.toMatch(/^\s{4}at /m);
    expect(output).not.toMatch(/^\w*Error:/m);
  }

  it('exits 1 with install instructions when the runtime folder is empty', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-electron-'));
    try {
      expectFriendlyFailure(runStart({ ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty }));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
