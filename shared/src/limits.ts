/** Validation limits that the API enforces and the web app shows before sending. */
export const LIMITS = {
  emailMax: 254,
  nameMin: 1,
  nameMax: 120,
  passwordMin: 10,
  passwordMax: 200,
  organizationNameMax: 200,
  fairtradeIdMax: 40,
  productsMax: 20,
  productMax: 60,
  coverageEntriesMax: 50,
  subjectMin: 3,
  subjectMax: 200,
  descriptionMin: 1,
  descriptionMax: 20000,
  pageSizeDefault: 25,
  pageSizeMax: 100,
} as const;

/** Sign-in throttling: this many failures for one email within the window answer 429. */
export const LOGIN_THROTTLE = { maxFailures: 5, windowMinutes: 15 } as const;

/** Token lifetimes. */
export const TOKEN_LIFETIME = { accessSeconds: 15 * 60, refreshDays: 30 } as const;
