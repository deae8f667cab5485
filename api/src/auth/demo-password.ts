import demo from '../../../shared/data/demo.json';

/**
 * The password every demo account shares. Auth owns it: sign-in accepts it only in demo mode
 * (AuthService); the demo seed sets it on the accounts it creates.
 */
export const DEMO_PASSWORD: string = demo.password;
