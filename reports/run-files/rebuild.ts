import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RotorError } from '../../engine/index.ts';
import { writeOutputFolder } from '../atomic-write.ts';

/** A folder rotor run or rotor events wrote, also before they marked their folders. */
const REBUILD = { flag: 'rotor report', keep: true, markers: ['metrics.json', 'event-study.json', 'sweep.json'] };
import type { EventsReportModel } from '../model/events-model.ts';
import { buildRunModel } from '../model/run-model.ts';
import { folderReportFiles } from '../sweep/folder-report-files.ts';
import { renderEventsReports } from './events-report-files.ts';
import { readRunDir } from './read-run-dir.ts';
import { renderRunReports } from './run-report-files.ts';

/**
 * `rotor report DIR`: rebuild report.md (and its images) and report.html from the files a run, sweep, batch or event
 * study wrote, without
 * running anything again. Returns the paths written.
 */
export function rebuildReports(dir: string, opts: { html?: boolean } = {}): string[] {
  const root = resolve(dir);
  if (!existsSync(root)) throw new RotorError(`${root}: no such folder`);
  if (existsSync(join(root, 'event-study.json'))) {
    let model: EventsReportModel;
    try {
      model = JSON.parse(readFileSync(join(root, 'event-study.json'), 'utf8')) as EventsReportModel;
    } catch (e) {
      throw new RotorError(`${join(root, 'event-study.json')}: not valid JSON (${(e as Error).message})`);
    }
    if (model?.kind !== 'events' || !model.study) throw new RotorError(`${join(root, 'event-study.json')}: expected an event study written by \`rotor events\``);
    return writeOutputFolder(root, renderEventsReports(model, opts), REBUILD);
  }
  if (existsSync(join(root, 'sweep.json'))) return writeOutputFolder(root, folderReportFiles(root, opts), REBUILD);
  if (existsSync(join(root, 'metrics.json'))) return writeOutputFolder(root, renderRunReports(buildRunModel(readRunDir(root)), opts), REBUILD);
  throw new RotorError(`${root}: neither metrics.json (rotor run), sweep.json (rotor sweep, rotor batch) nor event-study.json (rotor events); nothing to rebuild a report from`);
}
