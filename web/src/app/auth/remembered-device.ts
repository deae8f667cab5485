/**
 * The token of a device remembered after a two-factor code, per account (email), in
 * localStorage: sent with the password, it skips the code step for 30 days. The server
 * ties it to the account and can revoke it; on this device it is forgotten with the browser's data.
 */
const key = (email: string) => `portal.twoFactorDevice.${email.trim().toLowerCase()}`;

export function rememberedDevice(email: string): string | null {
  try {
    return localStorage.getItem(key(email));
  } catch {
    return null;
  }
}

export function rememberDevice(email: string, token: string): void {
  try {
    localStorage.setItem(key(email), token);
  } catch {
    // Storage refused (private mode, full): the code is asked again next time.
  }
}
