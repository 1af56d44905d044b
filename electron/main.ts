/**
 * Electron main process of 回访工作台 (Callback Console).
 *
 * - one instance only (a second launch focuses the running window);
 * - the renderer (dist/renderer, built by Vite) is served from the privileged `app://` scheme so
 *   the CSP's `'self'` means exactly our bundle;
 * - all security policy comes from ./security, all IPC from ./ipc, all data from ./backend.
 *
 * Bundled by scripts/build-electron.mjs to dist-electron/main.cjs, so at runtime `__dirname` is
 * `<app>/dist-electron` both in development and inside the packaged app.asar.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend, type Backend } from './backend';
import { registerIpc } from './ipc';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  appSchemePrivileges,
  installSecurity,
  isTrustedSender,
  resolveAppRequestPath,
  secureWebPreferences,
} from './security';

const APP_TITLE = '回访工作台';
const APP_ROOT = join(__dirname, '..');
const RENDERER_DIR = join(APP_ROOT, 'dist', 'renderer');
const PRELOAD_PATH = join(__dirname, 'preload.cjs');

// The SQL migrations ship in the package (see electron-builder.yml) and are read from inside
// app.asar through Electron's fs. Passed explicitly: bundled into a CJS file, the db layer cannot
// derive the folder from `import.meta.url`.
const MIGRATIONS_DIR = process.env.CONSOLE_MIGRATIONS_DIR || join(APP_ROOT, 'db', 'migrations');

/** Content types for what Vite emits; set explicitly so module scripts never arrive untyped. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let disposeIpc: (() => void) | null = null;

function log(message: string): void {
  console.warn(message);
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/** `app://callback-console/<path>` → a file under dist/renderer, with our CSP on every response. */
async function serveAppRequest(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method Not Allowed');
  const filePath = resolveAppRequestPath(RENDERER_DIR, request.url);
  if (filePath === null) return plainResponse(404, 'Not Found');
  let fileResponse: Response;
  try {
    fileResponse = await net.fetch(pathToFileURL(filePath).toString());
  } catch {
    return plainResponse(404, 'Not Found');
  }
  if (!fileResponse.ok) return plainResponse(fileResponse.status === 0 ? 404 : fileResponse.status, 'Not Found');
  const headers = new Headers(fileResponse.headers);
  const contentType = CONTENT_TYPES[extname(filePath).toLowerCase()];
  if (contentType) headers.set('Content-Type', contentType);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Cache-Control', 'no-cache');
  return new Response(request.method === 'HEAD' ? null : fileResponse.body, { status: 200, headers });
}

function isChinese(): boolean {
  return app.getLocale().toLowerCase().startsWith('zh');
}

function buildMenu(): Menu {
  const zh = isChinese();
  const t = (chinese: string, english: string) => (zh ? chinese : english);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: t('编辑', 'Edit'),
      submenu: [
        { role: 'undo', label: t('撤销', 'Undo') },
        { role: 'redo', label: t('重做', 'Redo') },
        { type: 'separator' },
        { role: 'cut', label: t('剪切', 'Cut') },
        { role: 'copy', label: t('复制', 'Copy') },
        { role: 'paste', label: t('粘贴', 'Paste') },
        { role: 'selectAll', label: t('全选', 'Select All') },
      ],
    },
    {
      label: t('视图', 'View'),
      submenu: [
        { role: 'reload', label: t('重新加载', 'Reload') },
        ...(app.isPackaged
          ? []
          : [{ role: 'toggleDevTools', label: t('开发者工具', 'Developer Tools') } satisfies MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom', label: t('实际大小', 'Actual Size') },
        { role: 'zoomIn', label: t('放大', 'Zoom In') },
        { role: 'zoomOut', label: t('缩小', 'Zoom Out') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('全屏', 'Toggle Full Screen') },
      ],
    },
    {
      role: 'help',
      label: t('帮助', 'Help'),
      submenu: [{ role: 'about', label: t(`关于${APP_TITLE}`, 'About Callback Console') }],
    },
  ];
  return Menu.buildFromTemplate(template);
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: APP_TITLE,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(PRELOAD_PATH, { devTools: !app.isPackaged }),
  });
  win.once('ready-to-show', () => win.show());
  // Keep the product name in the title bar whatever the page's <title> says.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (isMainFrame) log(`[main] failed to load ${validatedURL}: ${errorDescription} (${errorCode})`);
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    log(`[main] renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  void win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    log(`[main] could not load the console: ${error instanceof Error ? error.message : String(error)}`);
  });
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  if (!mainWindow.isVisible()) mainWindow.show();
  mainWindow.focus();
}

function fatal(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

async function onReady(): Promise<void> {
  installSecurity({ app, session: session.defaultSession, shell, log });
  protocol.handle(APP_SCHEME, serveAppRequest);

  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    fatal(
      `${APP_TITLE} — 界面文件缺失 / UI files missing`,
      `找不到界面文件 / Cannot find the built renderer:\n${join(RENDERER_DIR, 'index.html')}\n\n` +
        '请先运行 / Run first:  npm run build',
    );
    return;
  }

  app.setAboutPanelOptions({ applicationName: `${APP_TITLE} (Callback Console)`, applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(buildMenu());

  // createBackend reports database trouble (corrupt, locked, newer schema) through typed errors,
  // never by throwing; a throw here is a programming error, still shown rather than swallowed.
  try {
    backend = createBackend({
      dataDir: process.env.CALLBACK_CONSOLE_DATA_DIR || app.getPath('userData'),
      migrationsFolder: MIGRATIONS_DIR,
      sweepBreachesEveryMs: 60_000,
    });
  } catch (error) {
    fatal(
      `${APP_TITLE} — 启动失败 / Startup failed`,
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
    return;
  }
  disposeIpc = registerIpc(ipcMain, backend, isTrustedSender, log);

  mainWindow = createMainWindow();
}

function shutdown(): void {
  disposeIpc?.();
  disposeIpc = null;
  const current = backend;
  backend = null;
  try {
    current?.close();
  } catch (error) {
    log(`[main] closing the backend failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  // One stable, ASCII data folder in development and in the packaged app alike (the product name
  // is Chinese with spaces and parentheses). Must be set before `ready`.
  app.setPath('userData', join(app.getPath('appData'), 'callback-console'));

  // Must run before `ready`.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([appSchemePrivileges()]);

  app.on('second-instance', focusMainWindow);
  app.on('activate', () => {
    if (app.isReady() && backend && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', shutdown);

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      fatal(
        `${APP_TITLE} — 启动失败 / Startup failed`,
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
    });
}

main();
