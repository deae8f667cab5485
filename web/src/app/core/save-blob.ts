/**
 * Hands a downloaded file to the browser as a download with its original name. Used for
 * files that need the access token, which a plain link cannot carry.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click returns: revoke a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
