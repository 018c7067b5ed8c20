/**
 * A file's bytes as base64, as `imports.start` takes them: the server, not the browser, decides how
 * the bytes are text (UTF-8, or Excel's Windows-1252), so nothing is replaced on the way.
 */
export async function fileContent(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // btoa takes a "binary string" (one character a byte); build it in chunks, not a character at a time.
  const chunk = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += chunk) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + chunk) as unknown as number[]));
  }
  return btoa(parts.join(''));
}
