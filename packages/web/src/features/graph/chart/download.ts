/** Saves a blob as a file through a temporary link (the URL is revoked once the browser had time to read it). */
export function downloadBlob(blob: Blob, file: string): void {
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = file;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
