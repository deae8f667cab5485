import type { TokenPair } from './auth.js';

/**
 * Two-factor sign-in (TOTP, RFC 6238): an authenticator app's six-digit code every 30 s,
 * ten single-use recovery codes, and devices remembered for a while.
 */
export const TWO_FACTOR = {
  /** Digits of a code, seconds a code lasts, and the codes either side of now still taken (clock drift). */
  digits: 6,
  periodSeconds: 30,
  driftSteps: 1,
  recoveryCodes: 10,
  rememberDeviceDays: 30,
  /** How long the answer of the password step stays good for the code step. */
  challengeMinutes: 5,
  /** Wrong codes for one account within the window before 429. */
  maxFailures: 5,
  windowMinutes: 15,
} as const;

/**
 * The password step's answer when a code is needed: `verify` (give a code), or `enrol`
 * (staff must set two-factor up before signing in, when the portal requires it).
 */
export interface SignInChallenge {
  twoFactor: 'verify' | 'enrol';
  challengeToken: string;
  /** Seconds the challenge stays good. */
  expiresIn: number;
}

/** POST /auth/login's answer: a session, or a challenge to pass first. */
export type LoginAnswer = TokenPair | SignInChallenge;

export function isSignInChallenge(answer: LoginAnswer): answer is SignInChallenge {
  return 'challengeToken' in answer;
}

/** POST /auth/login's optional remembered-device token (from an earlier code step). */
export interface TwoFactorVerifyBody {
  challengeToken: string;
  /** Six digits from the app, or a recovery code. */
  code: string;
  rememberDevice?: boolean;
}

/** The code step's answer: the session, and a device token when asked to remember the device. */
export type TwoFactorSession = TokenPair & { deviceToken: string | null };

/** A new secret to enrol: for the app (QR code, or the key typed in), not yet active. */
export interface TwoFactorSetup {
  /** The key as text (base32), to type into an app that cannot scan. */
  secret: string;
  otpauthUri: string;
  /** The QR code of the otpauth URI as an SVG data URL. */
  qrCode: string;
}

/** Confirming the enrolment: the recovery codes, shown this once. */
export interface TwoFactorEnabled {
  recoveryCodes: string[];
}

/** The enrolment confirmed during sign-in: the session and the recovery codes. */
export type TwoFactorEnrolledSession = TokenPair & TwoFactorEnabled;

export interface RememberedDevice {
  id: string;
  label: string | null;
  createdAt: string;
  expiresAt: string;
}

/** GET /me/two-factor. */
export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  /** Whether the portal requires it of this person (staff, when REQUIRE_TWO_FACTOR_FOR_STAFF is on). */
  required: boolean;
  recoveryCodesLeft: number;
  devices: RememberedDevice[];
}
