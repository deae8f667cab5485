import type { UserView } from './users.js';

export interface LoginBody {
  email: string;
  password: string;
  /** A remembered device's token (two-factor): skips the code step while valid. */
  deviceToken?: string;
}

export interface RefreshBody {
  refreshToken: string;
}

/** The answer of login, refresh and accept-invitation. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: UserView;
}
