/** Saves text as a file the browser downloads: a Blob URL on an <a download>, let go once the download has started. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the Blob after this task; revoking at once can cancel it in some browsers.
  setTimeout(() => { URL.revokeObjectURL(url); }, 10_000);
}
