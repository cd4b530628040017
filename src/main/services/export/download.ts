import type { Database } from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import type { ExportFile } from '../../../shared/domain';
import { exportFormatSpec, type ExportFormat } from './export';
import { readGraphForExport, type ExportScope } from './export-model';

/**
 * An export as bytes for the app to save as a download (in Electron, a download
 * opens the system's save dialog). Folder formats come as one .zip.
 */
export function exportForDownload(
  db: Database,
  format: ExportFormat,
  baseName: string,
  scope?: ExportScope,
): ExportFile {
  const graph = readGraphForExport(db, scope);
  const spec = exportFormatSpec(format);
  const counts = { concepts: graph.concepts.length, links: graph.links.length };
  if (spec.target === 'file') {
    const chunks: string[] = [];
    spec.write(graph, (chunk) => chunks.push(chunk));
    return {
      fileName: `${baseName}${spec.nameSuffix}.${spec.extension}`,
      mimeType: 'text/plain;charset=utf-8',
      base64: Buffer.from(chunks.join(''), 'utf8').toString('base64'),
      ...counts,
    };
  }
  const files: Record<string, Uint8Array> = {};
  const folder = `${baseName}-${format}`;
  spec.write(graph, (relativePath, content) => {
    files[`${folder}/${relativePath}`] = strToU8(content);
  });
  return {
    fileName: `${folder}.zip`,
    mimeType: 'application/zip',
    base64: Buffer.from(zipSync(files, { level: 6 })).toString('base64'),
    ...counts,
  };
}
