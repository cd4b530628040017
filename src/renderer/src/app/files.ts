import type { UploadedFile } from '../../../shared/domain';
import { ApiError } from '../api/client';

/** Browser mode sends an import as one JSON request of at most 32 MB; base64 adds a third. */
const BROWSER_UPLOAD_LIMIT = 23 * 1024 * 1024;

/** In a chosen folder, only the files an import reads: notes of a vault, or CSV tables. */
const FOLDER_FILE = /\.(md|csv)$/i;

/** Saves bytes the way a browser saves a download; in Electron that opens the save dialog. */
export function saveDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own reference by now; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function base64ToBlob(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** "graph" for "graph.sqlite". */
export function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || 'cairn';
}

/** The path an import gives a chosen file: its name, or its path inside a chosen folder. */
function uploadPath(file: File): string {
  return file.webkitRelativePath || file.name;
}

/**
 * Which of the chosen files to send: every file chosen one by one; from a folder, its
 * Markdown and CSV files outside hidden folders (.obsidian, .git, .trash).
 */
export function filesToSend(files: readonly File[]): File[] {
  return files.filter((file) => {
    if (!file.webkitRelativePath) return true;
    const parts = file.webkitRelativePath.split('/');
    return !parts.some((p) => p.startsWith('.')) && FOLDER_FILE.test(file.name);
  });
}

/** Reads the files as base64, reporting the share read so far (0 to 1). */
export async function readUploads(
  files: readonly File[],
  onProgress: (sent: number) => void,
  signal: AbortSignal,
  browserMode: boolean,
): Promise<UploadedFile[]> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (browserMode && total > BROWSER_UPLOAD_LIMIT) {
    const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
    throw new ApiError({
      code: 'invalid-argument',
      message: `The chosen files hold ${mb(total)}, and Cairn in a browser takes at most ${mb(BROWSER_UPLOAD_LIMIT)} at once: import them with \`cairn import\` instead.`,
    });
  }
  const uploads: UploadedFile[] = [];
  let done = 0;
  onProgress(0);
  for (const file of files) {
    if (signal.aborted) break;
    uploads.push({ path: uploadPath(file), base64: await readBase64(file) });
    done += file.size;
    onProgress(total === 0 ? 1 : done / total);
  }
  return uploads;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () =>
      reject(
        new ApiError({ code: 'io', message: `Cairn could not read ${file.name} from the disk.` }),
      );
    reader.readAsDataURL(file);
  });
}
