const KEY = 'signatory.workspace';

/** The workspace last opened in this browser, to open again after sign-in. */
export function lastWorkspace(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberWorkspace(wid: string): void {
  try {
    localStorage.setItem(KEY, wid);
  } catch {
    // Storage refused (private mode): the first workspace opens instead.
  }
}
