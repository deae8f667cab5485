/** The kind of the notification row that is a person's daily digest (email only, never listed). */
export const DIGEST_KIND = 'email.digest';
