// Composition root: read the configuration, build the app, listen. Nothing else.
import { compileCache } from './boot';
import { loadConfig } from './config';
import { buildApp } from './app';
import { ContentError } from './knowledge/jsonFile';
import { webRoutes } from './web/routes';
import { purgeStaff, staffRoutes } from './staff/routes';
import { LowdbStorage } from './store/lowdbStorage';
import { getHeapStatistics } from 'v8';
import { collectStartGarbage, heapWarning } from './heap';
import { openingHoursLibrary } from './offers/hours';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config, { routes: [webRoutes(config), staffRoutes(config)] });
  app.server.listen(config.port, config.host, () => {
    app.services.log.info({ port: config.port, startupMs: app.startupMs }, 'Pflegenetz is listening');
    compileCache.save();
    // a second later: /healthz and the first turns need not wait for it; the opening-hours library
    // (not loaded when the offers' hours passed their check before) is loaded first, so that an
    // answer with offers does not wait for it and its start-up garbage goes with the rest
    setTimeout(() => {
      openingHoursLibrary();
      collectStartGarbage();
    }, 1_000).unref();
  });
  const checkHeap = () => {
    const w = heapWarning(getHeapStatistics());
    if (w) app.services.log.warn(w, 'the heap is more than 60 % full: raise --max-old-space-size in the "start" script of package.json');
  };
  checkHeap();
  // Retention: state not touched for STATE_RETENTION_DAYS is removed at startup and every hour.
  const purge = setInterval(() => {
    if (app.storage instanceof LowdbStorage) void app.storage.purgeExpired().then(checkHeap);
    // inbox items after STAFF_INBOX_RETENTION_DAYS, callbacks STAFF_CALLBACK_DELETE_DAYS after done
    purgeStaff(app.staffRepo, config).catch((err: Error) => app.services.log.error({ err: { message: err.message } }, 'staff purge failed'));
  }, 3_600_000);
  purgeStaff(app.staffRepo, config).catch((err: Error) => app.services.log.error({ err: { message: err.message } }, 'staff purge failed'));
  purge.unref();
  const stop = () => app.server.close(async () => {
    // let state writes that are under way finish, so no half-written temp files stay behind
    if (app.storage instanceof LowdbStorage) await app.storage.settle();
    await app.staffRepo.settle();
    process.exit(0);
  });
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: Error) => {
  // Content and configuration errors are for staff: one clear line with the file and line, no trace.
  if (err instanceof ContentError || /configuration|state folder/i.test(err.message)) console.error(`Pflegenetz cannot start: ${err.message}`);
  else console.error('Pflegenetz cannot start:', err);
  process.exit(1);
});
