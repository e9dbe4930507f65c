/** For pages in headless Chromium: the local test server's `/files/` stands in for the vault adapter. */
export async function readFile(path: string): Promise<ArrayBuffer> {
  const response = await window.fetch(`/files/${path}`);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
  return response.arrayBuffer();
}
